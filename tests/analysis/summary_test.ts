/**
 * sweepSummary() on a real stitched sweep (the LEO fixture on the built-in engine, re-stitched
 * with a failed and a skipped run): per-time and per-run statistics equal numpy's (mean, std with
 * ddof = 1, min, max, `numpy.quantile` default linear method), marker rows never count, the
 * columns follow upstream's statistic labels, and bad options are refused with a clear error.
 */
import assert from "node:assert/strict";
import type * as arrow from "apache-arrow";
import { ANALYSIS_METADATA_KEY, AnalysisError, sweepSummary } from "../../src/analysis/mod.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import {
  assertClose,
  col,
  floats,
  HAS_NUMPY,
  numpy,
  realSweep,
  timesNs,
  withMarkers,
} from "./_support.ts";

const ROWS = [
  { "Sat.SMA": 7000, "Sat.INC": 28.5 },
  { "Sat.SMA": 7040, "Sat.INC": 29.5 },
  { "Sat.SMA": 7130, "Sat.INC": 27.0 },
  { "Sat.SMA": 7210, "Sat.INC": 45.0 },
  { "Sat.SMA": 7300, "Sat.INC": 10.0 },
];
const DATA = [
  "Sat.EarthMJ2000Eq.X",
  "Sat.EarthMJ2000Eq.Y",
  "Sat.EarthMJ2000Eq.Z",
  "Sat.Earth.SMA",
  "Sat.Earth.ECC",
];
const QS = [0.05, 0.25, 0.5, 0.95];

interface NumpyStats {
  mean: number;
  std: number;
  min: number;
  max: number;
  q: number[];
}

const STATS_SNIPPET = `
result = []
for g in data["groups"]:
    a = np.array(g, dtype=np.float64)
    result.append({
        "mean": float(np.mean(a)),
        "std": float(np.std(a, ddof=1)),
        "min": float(np.min(a)),
        "max": float(np.max(a)),
        "q": [float(x) for x in np.quantile(a, data["qs"])],
    })
`;

/** The ok rows' values of a column grouped by key, computed here without the library. */
function groups(table: arrow.Table, column: string, by: "time" | "run"): Map<string, number[]> {
  const status = col(table, "__status");
  const keys = by === "time" ? timesNs(table) : col(table, "run_id");
  const values = floats(table, column);
  const out = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (status[i] !== "ok" || k === null) return;
    const key = String(k);
    out.set(key, [...(out.get(key) ?? []), values[i]]);
  });
  return out;
}

async function checkAgainstNumpy(summary: arrow.Table, table: arrow.Table, by: "time" | "run") {
  const index = by === "time" ? timesNs(summary).map(String) : col(summary, "run_id").map(String);
  for (const column of DATA) {
    const g = groups(table, column, by);
    assert.deepEqual(index, [...g.keys()], `${column}: one summary row per ${by}, ascending`);
    const expected = await numpy<NumpyStats[]>(STATS_SNIPPET, { groups: [...g.values()], qs: QS });
    const tol = 1e-14;
    assertClose(floats(summary, `${column}__mean`), expected.map((e) => e.mean), tol, column);
    assertClose(floats(summary, `${column}__std`), expected.map((e) => e.std), 1e-12, column);
    assert.deepEqual(floats(summary, `${column}__min`), expected.map((e) => e.min));
    assert.deepEqual(floats(summary, `${column}__max`), expected.map((e) => e.max));
    QS.forEach((q, k) => {
      assertClose(
        floats(summary, `${column}__q${q}`),
        expected.map((e) => e.q[k]),
        tol,
        `${column} q${q}`,
      );
    });
    assert.deepEqual(
      col(summary, `${column}__count_ok`),
      [...g.values()].map((v) => BigInt(v.length)),
    );
  }
}

Deno.test({
  name: "sweepSummary() by time and by run equals numpy on a real sweep with failed runs",
  ignore: ignoreUnless(HAS_NUMPY),
  async fn() {
    requireComponent(HAS_NUMPY, "/usr/bin/python3 with numpy (Debian python3-numpy)");
    await using real = await realSweep(ROWS);
    const table = await withMarkers(real, [{ runId: 5, status: "failed" }, {
      runId: 6,
      status: "skipped",
    }]);
    assert.deepEqual(col(table, "__status").slice(-2), ["failed", "skipped"]);

    const byTime = sweepSummary(table, { by: "time", quantiles: QS });
    assert.equal(byTime.numRows, 3, "t = 0, 30, 60 s; the marker rows (null time) never count");
    assert.deepEqual(col(byTime, "Sat.Earth.SMA__count_ok"), [5n, 5n, 5n]);
    await checkAgainstNumpy(byTime, table, "time");

    const byRun = sweepSummary(table, { by: "run", quantiles: QS });
    assert.deepEqual(
      col(byRun, "run_id"),
      [0n, 1n, 2n, 3n, 4n],
      "failed and skipped runs left out",
    );
    await checkAgainstNumpy(byRun, table, "run");
    // upstream's spelling of the run grouping gives the same table
    const byRunId = sweepSummary(table, { by: "run_id", quantiles: QS });
    assert.deepEqual(floats(byRunId, "Sat.Earth.SMA__q0.5"), floats(byRun, "Sat.Earth.SMA__q0.5"));
  },
});

Deno.test("sweepSummary() names columns <column>__<statistic> with upstream's labels", async () => {
  await using real = await realSweep(ROWS.slice(0, 2));
  const summary = sweepSummary(real.table, { columns: ["Sat.Earth.SMA"] });
  assert.deepEqual(summary.schema.fields.map((f) => `${f.name}: ${f.type}`), [
    "time: Timestamp<NANOSECOND>",
    "Sat.Earth.SMA__mean: Float64",
    "Sat.Earth.SMA__std: Float64",
    "Sat.Earth.SMA__min: Float64",
    "Sat.Earth.SMA__max: Float64",
    "Sat.Earth.SMA__count_ok: Int64",
    "Sat.Earth.SMA__q0.05: Float64",
    "Sat.Earth.SMA__q0.5: Float64",
    "Sat.Earth.SMA__q0.95: Float64",
  ]);
  assert.deepEqual(JSON.parse(summary.schema.metadata.get(ANALYSIS_METADATA_KEY)!), {
    kind: "summary",
    by: "time",
    columns: ["Sat.Earth.SMA"],
    statistics: ["mean", "std", "min", "max", "count_ok", "q0.05", "q0.5", "q0.95"],
    quantiles: [0.05, 0.5, 0.95],
  });
  // The time index is the sweep's own epochs, 30 s apart.
  const t = timesNs(summary) as bigint[];
  assert.deepEqual([t[1] - t[0], t[2] - t[1]], [30_000_000_000n, 30_000_000_000n]);

  const picked = sweepSummary(real.table, {
    columns: ["Sat.Earth.ECC"],
    include: ["count_ok", "std"],
    quantiles: [0.00001, 0.25],
  });
  assert.deepEqual(picked.schema.names, [
    "time",
    "Sat.Earth.ECC__count_ok",
    "Sat.Earth.ECC__std",
    "Sat.Earth.ECC__q1e-05",
    "Sat.Earth.ECC__q0.25",
  ]);
});

Deno.test("sweepSummary() refuses bad quantiles, statistics, columns and groupings", async () => {
  await using real = await realSweep(ROWS.slice(0, 1));
  // One run: every time has a single value, which has no sample standard deviation (null, where
  // pandas gives NaN) but a mean, extremes and quantiles equal to it.
  const one = sweepSummary(real.table, { columns: ["Sat.Earth.SMA"] });
  assert.deepEqual(col(one, "Sat.Earth.SMA__std"), [null, null, null]);
  assert.deepEqual(col(one, "Sat.Earth.SMA__count_ok"), [1n, 1n, 1n]);
  assert.deepEqual(floats(one, "Sat.Earth.SMA__q0.05"), floats(real.table, "Sat.Earth.SMA"));
  const refuses = (options: Parameters<typeof sweepSummary>[1], code: string, says: RegExp) =>
    assert.throws(
      () => sweepSummary(real.table, options),
      (e) => e instanceof AnalysisError && e.code === code && says.test(e.message),
    );
  refuses({ quantiles: [0, 0.5] }, "ANALYSIS_OPTION", /quantile 0 is not in \(0, 1\)/);
  refuses({ quantiles: [1] }, "ANALYSIS_OPTION", /quantile 1 is not in \(0, 1\)/);
  refuses({ quantiles: [0.5, 0.5] }, "ANALYSIS_OPTION", /0.5 is given twice/);
  refuses(
    { include: ["median" as "mean"] },
    "ANALYSIS_OPTION",
    /unknown statistic 'median'.*mean, std, min, max, count_ok/,
  );
  refuses({ by: "epoch" as "time" }, "ANALYSIS_OPTION", /by must be "time" or "run"/);
  refuses(
    { columns: ["Sat.Earth.SMAA"] },
    "ANALYSIS_COLUMN",
    /no column 'Sat.Earth.SMAA'.*numeric columns are: Sat\.EarthMJ2000Eq\.X/,
  );
  refuses(
    { columns: ["Sat.UTCGregorian"] },
    "ANALYSIS_COLUMN",
    /'Sat.UTCGregorian' is Timestamp<NANOSECOND>, not a numeric data column/,
  );
  refuses({ columns: ["__status"] }, "ANALYSIS_COLUMN", /not a numeric data column/);
  const noTime = real.table.select(["run_id", "Sat.Earth.SMA", "__status"]);
  assert.throws(
    () => sweepSummary(noTime),
    (e) => e instanceof AnalysisError && e.code === "ANALYSIS_TABLE" && /by: "run"/.test(e.message),
  );
  assert.equal(sweepSummary(noTime, { by: "run" }).numRows, 1);
});
