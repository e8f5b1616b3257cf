/**
 * Explicit rows from objects, from {columns, rows}, from CSV and from Parquet.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  explicitRowsFromCsv,
  explicitRunSet,
  readExplicitRows,
  RunSetError,
} from "../../src/runset/mod.ts";
import { parquetBytes } from "./_parquet.ts";
import { fixture } from "./_support.ts";

Deno.test("explicitRunSet() makes one run per row, columns in order of first appearance", () => {
  const set = explicitRunSet([
    { "Sat.SMA": 7000, "Sat.ECC": 0.01, "Sat.Name": "a" },
    { "Sat.ECC": 0.02, "Sat.SMA": 7100, "Sat.Name": "b" },
  ]);
  assert.equal(set.kind, "explicit");
  assert.equal(set.size, 2);
  assert.equal(set.seed, null);
  assert.deepEqual(set.columns, ["Sat.SMA", "Sat.ECC", "Sat.Name"]);
  assert.deepEqual([...set.specs()], [
    {
      runId: 0,
      overrides: { "Sat.SMA": 7000, "Sat.ECC": 0.01, "Sat.Name": "a" },
      seed: null,
      context: {},
    },
    {
      runId: 1,
      overrides: { "Sat.SMA": 7100, "Sat.ECC": 0.02, "Sat.Name": "b" },
      seed: null,
      context: {},
    },
  ]);
  assert.deepEqual(set.parameterSpec(), {
    _kind: "explicit",
    columns: ["Sat.SMA", "Sat.ECC", "Sat.Name"],
    rows: [[7000, 0.01, "a"], [7100, 0.02, "b"]],
  });
  const table = explicitRunSet({ columns: ["Sat.SMA"], rows: [[1], [2], [3]] });
  assert.deepEqual([...table.specs(1)].map((s) => s.overrides), [{ "Sat.SMA": 2 }, {
    "Sat.SMA": 3,
  }]);
  assert.equal(explicitRunSet([]).size, 0);
  assert.deepEqual(explicitRunSet({ columns: ["Sat.X"], rows: [] }).parameterSpec(), {
    _kind: "explicit",
    columns: ["Sat.X"],
    rows: [],
  });
});

Deno.test("readExplicitRows() reads CSV with pandas' per-column typing", async () => {
  const set = await readExplicitRows(fixture("explicit_rows.csv"));
  assert.deepEqual(set.columns, [
    "Sat.SMA",
    "Sat.ECC",
    "Sat.DateFormat",
    "Sat.Flag",
    "Sat.Count",
    "Sat.Label",
  ]);
  assert.equal(set.size, 3); // the blank line is skipped
  assert.deepEqual([...set.specs()].map((s) => s.overrides), [
    {
      "Sat.SMA": 7000,
      "Sat.ECC": 0.001,
      "Sat.DateFormat": "UTCGregorian",
      "Sat.Flag": true,
      "Sat.Count": 1,
      "Sat.Label": "1", // a column holding "abc" is a string column: "1" stays text
    },
    {
      "Sat.SMA": 7100.5,
      "Sat.ECC": 0.002,
      "Sat.DateFormat": "TAIModJulian",
      "Sat.Flag": false,
      "Sat.Count": 2,
      "Sat.Label": "abc",
    },
    {
      "Sat.SMA": 7200,
      "Sat.ECC": 0.001,
      "Sat.DateFormat": "quoted, with comma",
      "Sat.Flag": true,
      "Sat.Count": 3,
      "Sat.Label": "2.5",
    },
  ]);
});

async function csvError(text: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "runset-csv-" });
  const path = join(dir, "rows.csv");
  await Deno.writeTextFile(path, text);
  try {
    await readExplicitRows(path);
  } catch (e) {
    assert.ok(e instanceof RunSetError, String(e));
    return e.message.replaceAll(path, "rows.csv");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  throw new Error("no error");
}

Deno.test("readExplicitRows() CSV errors name the file line and column", async () => {
  assert.equal(
    await csvError("Sat.SMA,Sat.ECC\n7000,0.1\n7100,\n"),
    "'rows.csv' line 3 has no value in column 'Sat.ECC': fill the cell (every run needs every " +
      "column) or split the rows into separate sweeps",
  );
  assert.equal(
    await csvError("Sat.SMA,Sat.ECC\n7000,NA\n7100,nan\n"),
    "column 'Sat.ECC' is empty in every row: fill it or drop the column",
  );
  assert.equal(
    await csvError("Sat.SMA,Sat.SMA\n1,2\n"),
    "column 'Sat.SMA' appears twice: give each column once",
  );
  assert.equal(
    await csvError("SMA\n1\n"),
    `column "SMA" is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
  );
  assert.equal(
    await csvError(""),
    "explicit rows file 'rows.csv' is empty: the first row must name the columns",
  );
  assert.equal(
    await csvError("Sat.SMA,\n1,2\n"),
    "explicit rows file 'rows.csv': column 2 of the header has no name: name it with a dotted " +
      "path like 'Sat.SMA'",
  );
  assert.match(
    await csvError("Sat.SMA,Sat.ECC\n1,2\n3\n"),
    /^explicit rows file 'rows\.csv' is not valid CSV: Invalid Record Length: .* line 3/,
  );
  assert.equal(
    await csvError("Sat.SMA\ninf\n"),
    "'rows.csv' line 2 column 'Sat.SMA' is Infinity: give a finite number",
  );
});

Deno.test("explicitRowsFromCsv() ignores a BOM and CRLF line ends", () => {
  const bytes = new TextEncoder().encode("\uFEFFSat.SMA,Sat.Name\r\n7000,x\r\n7100,y\r\n");
  const set = explicitRowsFromCsv(bytes, "bom.csv");
  assert.deepEqual(set.columns, ["Sat.SMA", "Sat.Name"]);
  assert.deepEqual(set.spec(1).overrides, { "Sat.SMA": 7100, "Sat.Name": "y" });
});

Deno.test("readExplicitRows() reads Parquet: numbers, 64-bit integers, strings, booleans", async () => {
  const set = await readExplicitRows(fixture("explicit_rows.parquet"));
  assert.deepEqual(set.columns, ["Sat.SMA", "Sat.Count", "Sat.Big", "Sat.DateFormat", "Sat.Flag"]);
  assert.deepEqual([...set.specs()].map((s) => s.overrides), [
    {
      "Sat.SMA": 7000,
      "Sat.Count": 1,
      "Sat.Big": 1,
      "Sat.DateFormat": "UTCGregorian",
      "Sat.Flag": true,
    },
    {
      "Sat.SMA": 7100.5,
      "Sat.Count": 2,
      "Sat.Big": 2 ** 52,
      "Sat.DateFormat": "TAIModJulian",
      "Sat.Flag": false,
    },
    {
      "Sat.SMA": 7200,
      "Sat.Count": 3,
      "Sat.Big": -3,
      "Sat.DateFormat": "UTCGregorian",
      "Sat.Flag": true,
    },
  ]);
});

async function parquetError(columns: Parameters<typeof parquetBytes>[0]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "runset-parquet-" });
  const path = join(dir, "rows.parquet");
  await Deno.writeFile(path, parquetBytes(columns));
  try {
    await readExplicitRows(path);
  } catch (e) {
    assert.ok(e instanceof RunSetError, String(e));
    return e.message.replaceAll(path, "rows.parquet");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  throw new Error("no error");
}

Deno.test("readExplicitRows() Parquet errors: null/NaN cells, unsupported types, huge integers", async () => {
  assert.equal(
    await parquetError({ "Sat.SMA": [7000, null, 7200] as unknown as number[] }),
    "'rows.parquet' row 1 has no value in column 'Sat.SMA': fill the cell (every run needs " +
      "every column) or split the rows into separate sweeps",
  );
  assert.equal(
    await parquetError({ "Sat.SMA": Float64Array.from([NaN, NaN]) }),
    "column 'Sat.SMA' is empty in every row: fill it or drop the column",
  );
  assert.match(
    await parquetError({ "Sat.Epoch": [new Date(0), new Date(1)] as unknown as number[] }),
    /^explicit rows file 'rows\.parquet': column 'Sat\.Epoch' has type .*: only numbers, strings and booleans can be overrides; convert the column$/,
  );
  assert.equal(
    await parquetError({ "Sat.Big": BigInt64Array.from([2n ** 60n]) }),
    "'rows.parquet' row 0 column 'Sat.Big': 1152921504606846976 does not fit in 2^53: store it " +
      "as a float or a string",
  );
  const dir = await Deno.makeTempDir({ prefix: "runset-parquet-" });
  const path = join(dir, "bad.parquet");
  await Deno.writeTextFile(path, "not parquet");
  await assert.rejects(
    () => readExplicitRows(path),
    (e) =>
      e instanceof RunSetError &&
      e.message.startsWith(`explicit rows file '${path}' is not a readable Parquet file`),
  );
  await Deno.remove(dir, { recursive: true });
});
