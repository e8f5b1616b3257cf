/**
 * `gmat-sweep table` through the real CLI on a real built-in-engine sweep: the Parquet file read
 * back by hyparquet (a pure-JavaScript reader independent of the parquet-wasm writer), the CSV by
 * Python's csv module, both compared with the run's own GMAT-format report text; the refusals
 * name what exists; and `tableRecords` gives plain rows (run_id a number, exact ISO times).
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";
import { lazyOutputs, nsToIso, type TableRecord, tableRecords } from "../../mod.ts";

/** The rows of a run's GMAT report text, split on whitespace runs (header first). */
async function reportRows(path: string): Promise<string[][]> {
  const text = await Deno.readTextFile(path);
  return text.trim().split("\n").map((l) => l.trim().split(/\s{2,}/));
}

async function pythonCsv(path: string): Promise<string[][]> {
  const out = await new Deno.Command("python3", {
    args: [
      "-c",
      "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1])))))",
      path,
    ],
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test("table: Parquet and CSV of a grid sweep agree with each run's report text", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-table-" });
  const run = await cli([
    "run",
    fixture("scripts/leo_basic.script"),
    "--grid",
    "Sat.SMA=7000,7100,7200",
    "--out",
    dir,
    "--engine",
    "builtin",
  ]);
  assert.equal(run.code, 0, run.stderr);
  const manifest = join(dir, "manifest.jsonl");

  const parquet = await cli(["table", manifest, "--out", join(dir, "t", "all.parquet")]);
  assert.equal(parquet.code, 0, parquet.stderr);
  assert.match(parquet.stdout, /wrote .*all\.parquet \(parquet, \d+ rows/);
  const csv = await cli(["table", manifest, "--out", join(dir, "all.txt"), "--format", "csv"]);
  assert.equal(csv.code, 0, csv.stderr);

  const bytes = await Deno.readFile(join(dir, "t", "all.parquet"));
  const rows = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer });
  const csvRows = await pythonCsv(join(dir, "all.txt"));
  const header = csvRows[0];
  assert.deepEqual(header.slice(0, 2), ["run_id", "time"]);
  assert.equal(header.at(-1), "__status");
  assert.equal(csvRows.length - 1, rows.length);

  let checked = 0;
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  for (const runId of [0, 1, 2]) {
    const report = await reportRows(join(dir, `run-${runId}`, "sat.report"));
    // The report's header names the CSV's columns after run_id and time.
    assert.deepEqual(header.slice(2, -1), report[0]);
    const own = rows.filter((r) => Number(r.run_id) === runId);
    const ownCsv = csvRows.slice(1).filter((r) => r[0] === String(runId));
    assert.equal(own.length, report.length - 1, `run ${runId}: one row per report line`);
    assert.equal(ownCsv.length, own.length);
    for (let i = 0; i < own.length; i++) {
      const line = report[i + 1];
      // The epoch column: GMAT's "DD Mon YYYY HH:MM:SS.mmm" as exact ISO text in the CSV.
      const [d, mon, y, hms] = line[0].split(" ");
      const iso = `${y}-${String(months.indexOf(mon) + 1).padStart(2, "0")}-${d}T${hms}000000`;
      assert.equal(ownCsv[i][2], iso);
      assert.equal(ownCsv[i][1], iso, "time is the report's epoch");
      assert.equal((own[i].time as Date).toISOString(), iso.slice(0, 23) + "Z");
      for (let c = 1; c < line.length; c++) {
        const expected = Number(line[c]);
        const tol = 1e-12 * Math.max(1, Math.abs(expected));
        assert.ok(Math.abs(Number(own[i][report[0][c]]) - expected) <= tol, `${report[0][c]}`);
        assert.ok(Math.abs(Number(ownCsv[i][c + 2]) - expected) <= tol, `${report[0][c]} (CSV)`);
        checked++;
      }
      assert.equal(ownCsv[i].at(-1), "ok");
    }
  }
  assert.ok(checked > 0, "some report cells were compared");

  // Refusals name what exists; usage errors point at --help in one line.
  const noKind = await cli(["table", manifest, "--kind", "ephemeris", "--out", join(dir, "e.csv")]);
  assert.equal(noKind.code, 2);
  assert.match(noKind.stderr, /no ok run wrote an ephemeris output; the runs have --kind report/);
  const noName = await cli(["table", manifest, "--name", "Nope", "--out", join(dir, "e.csv")]);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /known report names: /);
  const noFormat = await cli(["table", manifest, "--out", join(dir, "e.xlsx")]);
  assert.equal(noFormat.code, 2);
  assert.match(noFormat.stderr, /name it \.parquet or \.csv/);
  const bad = await cli(["table", manifest, "--bogus"]);
  assert.equal(bad.code, 2);
  assert.deepEqual(bad.stderr.trim().split("\n").length, 2);
  assert.match(bad.stderr, /Run 'gmat-sweep table --help' for usage and examples\./);
  await assert.rejects(Deno.stat(join(dir, "e.csv")));

  // Plain rows for JavaScript: run_id numbers, JSON-safe, exact ISO times.
  const table = await lazyOutputs(manifest);
  const records = tableRecords(table);
  assert.equal(records.length, table.numRows);
  assert.equal(typeof records[0].run_id, "number");
  assert.equal(
    records.filter((r: TableRecord) => r.run_id === 2).length,
    rows.filter((r) => r.run_id === 2n).length,
  );
  JSON.parse(JSON.stringify(records));
  const dates = tableRecords(table, { times: "date" });
  assert.ok(dates[0].time instanceof Date);
  assert.equal(
    (dates[0].time as Date).toISOString().slice(0, 23),
    (records[0].time as string).slice(0, 23),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("nsToIso: exact nanosecond text against Date for many instants, and before 1970", () => {
  for (const ms of [0, 1, -1, 86_399_999, 951_782_400_000, -2_208_988_800_000, 4_102_444_800_123]) {
    const ns = BigInt(ms) * 1_000_000n + 456_789n;
    assert.equal(nsToIso(ns), new Date(ms).toISOString().slice(0, 23) + "456789");
  }
  assert.equal(nsToIso(-1n), "1969-12-31T23:59:59.999999999");
});
