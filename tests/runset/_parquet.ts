/**
 * Writing small Parquet files for the explicit-rows tests (apache-arrow builds the table,
 * parquet-wasm writes it). Also run as a script to regenerate
 * fixtures/runset/explicit_rows.parquet: `deno run -A tests/runset/_parquet.ts`.
 *
 * @module
 */

import { tableFromArrays, tableToIPC } from "apache-arrow";
import { Table, writeParquet } from "parquet-wasm";
import { fixture } from "./_support.ts";

/** Columns as apache-arrow's `tableFromArrays` takes them. */
export type Columns = Parameters<typeof tableFromArrays>[0];

/** Parquet bytes for the given columns. */
export function parquetBytes(columns: Columns): Uint8Array {
  const ipc = tableToIPC(tableFromArrays(columns), "stream");
  return writeParquet(Table.fromIPCStream(ipc));
}

/** The columns of fixtures/runset/explicit_rows.parquet. */
export function fixtureColumns(): Columns {
  return {
    "Sat.SMA": Float64Array.from([7000, 7100.5, 7200]),
    "Sat.Count": Int32Array.from([1, 2, 3]),
    "Sat.Big": BigInt64Array.from([1n, 2n ** 52n, -3n]),
    "Sat.DateFormat": ["UTCGregorian", "TAIModJulian", "UTCGregorian"],
    "Sat.Flag": [true, false, true],
  };
}

if (import.meta.main) {
  await Deno.writeFile(fixture("explicit_rows.parquet"), parquetBytes(fixtureColumns()));
}
