/**
 * The `pandas` schema metadata of a stitched table: what lets `pandas.read_parquet` (through
 * pyarrow) rebuild the `(run_id, time)` MultiIndex of the Python gmat-sweep's aggregate.
 *
 * The JSON follows the layout pyarrow writes (and the upstream golden `sma_16.parquet` carries):
 * `index_columns` names the index fields (here `["run_id", "time"]`, stored as ordinary leading
 * columns, which is also what Polars and DuckDB see), `columns` describes every field with its
 * `pandas_type` / `numpy_type`, `column_indexes` the unnamed string column index, `attributes` the
 * frame's `attrs` (`epoch_scales`), `creator` the writer. `pandas_version` and the string typing
 * (`object` / `str`) mirror the golden file (pandas 3.0); pyarrow rebuilds frames from the Arrow
 * types, the metadata only adds the index and attrs.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";

/** Schema metadata key pyarrow reads. */
export const PANDAS_METADATA_KEY = "pandas";

/** The pandas metadata version flavour written (that of the golden file). */
const PANDAS_VERSION = "3.0.2";

/** One entry of the `columns` list. */
export interface PandasColumn {
  name: string;
  field_name: string;
  pandas_type: string;
  numpy_type: string;
  metadata: Record<string, unknown> | null;
}

/** The parsed `pandas` metadata. */
export interface PandasMetadata {
  index_columns: string[];
  column_indexes: Record<string, unknown>[];
  columns: PandasColumn[];
  attributes: Record<string, unknown>;
  creator: { library: string; version: string };
  pandas_version: string;
}

function describe(field: arrow.Field): PandasColumn {
  const t = field.type;
  const base = { name: field.name, field_name: field.name, metadata: null };
  if (arrow.DataType.isInt(t)) {
    const name = `${t.isSigned ? "" : "u"}int${t.bitWidth}`;
    return { ...base, pandas_type: name, numpy_type: name };
  }
  if (arrow.DataType.isFloat(t)) {
    const name = t.precision === arrow.Precision.SINGLE ? "float32" : "float64";
    return { ...base, pandas_type: name, numpy_type: name };
  }
  if (arrow.DataType.isTimestamp(t)) {
    if (t.timezone) {
      return {
        ...base,
        pandas_type: "datetimetz",
        numpy_type: "datetime64[ns]",
        metadata: { timezone: t.timezone },
      };
    }
    return { ...base, pandas_type: "datetime", numpy_type: "datetime64[ns]" };
  }
  return { ...base, pandas_type: "object", numpy_type: "str" };
}

/**
 * Builds the `pandas` metadata JSON of a table whose leading columns are the index.
 *
 * @param fields The table's fields, index fields included.
 * @param indexColumns Names of the index fields, outermost first.
 * @param attributes The frame's `attrs` (e.g. `{ epoch_scales: { "Sat.UTCGregorian": "UTC" } }`).
 * @param version The writer's version, recorded under `creator`.
 * @returns The metadata as an object (serialise with `JSON.stringify`).
 *
 * @example Usage
 * ```ts
 * import * as arrow from "npm:apache-arrow@21.2.0";
 * import { pandasMetadata } from "./pandas_metadata.ts";
 * import assert from "node:assert/strict";
 *
 * const meta = pandasMetadata([new arrow.Field("run_id", new arrow.Int64())], ["run_id"], {}, "0");
 * assert.deepEqual(meta.index_columns, ["run_id"]);
 * assert.equal(meta.columns[0].pandas_type, "int64");
 * ```
 */
export function pandasMetadata(
  fields: readonly arrow.Field[],
  indexColumns: readonly string[],
  attributes: Record<string, unknown>,
  version: string,
): PandasMetadata {
  return {
    index_columns: [...indexColumns],
    column_indexes: [{
      name: null,
      field_name: null,
      pandas_type: "unicode",
      numpy_type: "str",
      metadata: { encoding: "UTF-8" },
    }],
    columns: fields.map(describe),
    attributes,
    creator: { library: "gmat-sweep", version },
    pandas_version: PANDAS_VERSION,
  };
}
