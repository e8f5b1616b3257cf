/**
 * Benchmark of the stitcher against DuckDB: 1000 runs x 1441 rows (a one-day ReportFile every
 * 60 s with leo_basic's columns), stitched into one `(run_id, time)`-sorted table.
 *
 * The per-run files are written by the table layer's own writer (`reportTable` + the per-run
 * layout): the real engine runs leo_basic once to give the report's columns and types, and each
 * synthetic run fills them from the analytic two-body orbit of its SMA (7000 + 0.3 k km). Then,
 * alternating, each repeat runs in a fresh process:
 * - **ours**: `stitchRuns` in Deno, the table fully materialised (one apache-arrow table);
 * - **DuckDB**: `@duckdb/node-api` in Node, `read_parquet` of the same files (`run_id` taken
 *   from the `run-<id>` directory, `union_by_name`), `ORDER BY run_id, time`, every result chunk
 *   fetched (`runAndReadAll`).
 * Each process reports its wall time for the call, its RSS before the call, its peak RSS during
 * the call (`Deno.memoryUsage().rss` sampled every 2 ms by a worker thread, as the stitch is
 * synchronous / `process.memoryUsage.rss()` sampled by a timer while DuckDB works on its own
 * threads) and the kernel's high-water mark `VmHWM` read right after the call; `/usr/bin/time -v`
 * reports the maximum RSS of the whole process from outside, which for DuckDB includes the check
 * after the call (converting the result to JS values for the column sums). Row counts and
 * column sums of both results must agree. A second table times our stitch on the same data in
 * other per-run layouts, the measurement behind `RUN_FILE_LAYOUT`.
 *
 * DuckDB is installed at bench time, pinned, into `.out/bench-duckdb` (npm, prebuilt binary).
 *
 * Run: `deno run -A scripts/bench_stitch.ts [--runs=1000] [--rows=1441] [--repeats=5]
 * [--layout-repeats=3] [--regen]`
 *
 * @module
 */

import { join, resolve } from "node:path";
import * as arrow from "apache-arrow";
import { parseArgs } from "node:util";
import { runScriptText } from "../src/engine/mod.ts";
import { parseReportFile, type ReportFileTable } from "../src/formats/mod.ts";
import {
  cartesianToKeplerian,
  EARTH_MU,
  keplerianToCartesian,
  keplerPropagate,
} from "../src/physics/mod.ts";
import { type ParquetLayout, reportTable, RUN_FILE_LAYOUT, stitchRuns } from "../src/table/mod.ts";
import type { StitchEntry } from "../src/table/mod.ts";
import { encodeParquet } from "../src/table/parquet_io.ts";
import { digestFile } from "../src/manifest/mod.ts";

const DUCKDB_VERSION = "1.5.6-r.1";
const ROOT = resolve(new URL("..", import.meta.url).pathname);
const OUT = join(ROOT, ".out", "bench-stitch");
const DUCK_DIR = join(ROOT, ".out", "bench-duckdb");

/**
 * Per-run layouts measured: RUN_FILE_LAYOUT first (the files of the main comparison), then
 * alternatives. `nullable` writes every column as optional (definition levels), which takes the
 * file off the plain path: the stitcher then decodes it with the WASM codec.
 */
const LAYOUTS: Record<string, { layout: ParquetLayout; nullable?: boolean }> = {
  "plain, uncompressed, required (RUN_FILE_LAYOUT; copied without WASM)": {
    layout: RUN_FILE_LAYOUT,
  },
  "plain, uncompressed, nullable (WASM decode)": { layout: RUN_FILE_LAYOUT, nullable: true },
  "plain, snappy (WASM decode)": { layout: { ...RUN_FILE_LAYOUT, compression: "snappy" } },
  "plain, zstd (WASM decode)": { layout: { ...RUN_FILE_LAYOUT, compression: "zstd" } },
  "dictionary, snappy, page stats, pyarrow-like (WASM decode)": {
    layout: {
      compression: "snappy",
      dictionary: true,
      statistics: "page",
      maxRowGroupRows: 1024 * 1024,
      dataPageBytes: 1024 * 1024,
    },
  },
};

/** The same table with every field nullable. */
function nullable(table: arrow.Table): arrow.Table {
  const fields = table.schema.fields.map((f) => f.clone({ nullable: true }));
  const schema = new arrow.Schema(fields, table.schema.metadata);
  const batches = table.batches.map((b) =>
    new arrow.RecordBatch(
      schema,
      arrow.makeData({
        type: new arrow.Struct(fields),
        length: b.numRows,
        nullCount: 0,
        children: b.data.children,
      }),
    )
  );
  return new arrow.Table(schema, batches);
}

/** One measured process. */
interface Sample {
  engine: string;
  ms: number;
  rows: number;
  sums: Record<string, string>;
  rssBeforeMb: number;
  rssSampledPeakMb: number;
  vmHwmMb: number;
  timeMaxRssMb?: number;
}

function entriesOf(dir: string, runs: number): StitchEntry[] {
  return Array.from({ length: runs }, (_, runId) => ({
    runId,
    status: "ok" as const,
    outputPaths: { report__RF: join(dir, `run-${runId}`, "report__RF.parquet") },
  }));
}

function vmHwmMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Worker: one stitch in this process, results as one JSON line on stdout. */
async function oursWorker(dir: string, runs: number): Promise<void> {
  const entries = entriesOf(dir, runs);
  const mb = () => Deno.memoryUsage().rss / 2 ** 20;
  const before = mb();
  let peak = before;
  const timer = setInterval(() => peak = Math.max(peak, mb()), 2);
  const t0 = performance.now();
  const { table, warnings } = await stitchRuns(entries, { kind: "report" });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, mb());
  if (warnings.length > 0) throw new Error(warnings.join("\n"));
  const sums: Record<string, string> = {};
  for (const field of table.schema.fields) {
    if (field.name === "__status") continue;
    const data = table.getChild(field.name)!.data[0];
    const values = data.values as Float64Array | BigInt64Array;
    if (values instanceof BigInt64Array) {
      let s = 0n;
      for (const v of values) s += v;
      sums[field.name] = s.toString();
    } else {
      let s = 0;
      for (const v of values) s += v;
      sums[field.name] = String(s);
    }
  }
  const sample: Sample = {
    engine: "ours",
    ms,
    rows: table.numRows,
    sums,
    rssBeforeMb: before,
    rssSampledPeakMb: peak,
    vmHwmMb: vmHwmMb(),
  };
  console.log(JSON.stringify(sample));
}

const DUCK_WORKER = `
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
const [dir, runs] = [process.argv[2], Number(process.argv[3])];
const files = Array.from({ length: runs }, (_, i) => \`\${dir}/run-\${i}/report__RF.parquet\`);
const list = "[" + files.map((f) => "'" + f + "'").join(", ") + "]";
const sql = "SELECT CAST(regexp_extract(filename, 'run-([0-9]+)/', 1) AS BIGINT) AS run_id, " +
  "* EXCLUDE (filename) FROM read_parquet(" + list + ", filename = true, union_by_name = true) " +
  "ORDER BY run_id, time";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const mb = () => process.memoryUsage.rss() / 2 ** 20;
const before = mb();
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, mb()); }, 2);
const t0 = performance.now();
const reader = await connection.runAndReadAll(sql);
const ms = performance.now() - t0;
clearInterval(timer);
peak = Math.max(peak, mb());
const hwm = Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))[1]) / 1024;
const names = reader.columnNames();
const columns = reader.getColumns();
const sums = {};
names.forEach((name, c) => {
  const col = columns[c];
  if (typeof col[0] === "number") { let s = 0; for (const v of col) s += v; sums[name] = String(s); }
  else if (typeof col[0] === "bigint") { let s = 0n; for (const v of col) s += v; sums[name] = s.toString(); }
  else if (col[0] && typeof col[0].nanos === "bigint") { let s = 0n; for (const v of col) s += v.nanos; sums[name] = s.toString(); }
});
console.log(JSON.stringify({ engine: "duckdb", ms, rows: reader.currentRowCount, sums,
  rssBeforeMb: before, rssSampledPeakMb: peak, vmHwmMb: hwm }));
`;

async function ensureDuckDb(): Promise<void> {
  const pkg = join(DUCK_DIR, "node_modules", "@duckdb", "node-api", "package.json");
  let installed: string | undefined;
  try {
    installed = JSON.parse(await Deno.readTextFile(pkg)).version;
  } catch {
    installed = undefined;
  }
  if (installed !== DUCKDB_VERSION) {
    console.error(`installing @duckdb/node-api@${DUCKDB_VERSION} into ${DUCK_DIR}`);
    await Deno.mkdir(DUCK_DIR, { recursive: true });
    const out = await new Deno.Command("npm", {
      args: [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefix",
        DUCK_DIR,
        `@duckdb/node-api@${DUCKDB_VERSION}`,
      ],
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error("npm install of @duckdb/node-api failed");
  }
  await Deno.writeTextFile(join(DUCK_DIR, "duckdb_worker.mjs"), DUCK_WORKER);
}

/** The report template: columns and types of a real leo_basic run on the built-in engine. */
async function template(): Promise<ReportFileTable> {
  const dir = await Deno.makeTempDir({ prefix: "bench-stitch-" });
  const script = await Deno.readTextFile(join(ROOT, "fixtures/scripts/leo_basic.script"));
  const run = await runScriptText(script, join(dir, "leo_basic.script"), { outputDir: dir });
  const out = run.outputs.find((o) => o.kind === "report")!;
  const report = parseReportFile(await Deno.readTextFile(out.path), out.path);
  await Deno.remove(dir, { recursive: true });
  return report;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function gregorian(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.` +
    p(d.getUTCMilliseconds(), 3);
}

/** The synthetic report of one run: the template's columns over a day at 60 s. */
function syntheticReport(tpl: ReportFileTable, runId: number, rows: number): ReportFileTable {
  const sma = 7000 + 0.3 * runId;
  const s0 = keplerianToCartesian(
    { sma, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
    EARTH_MU,
  );
  const start = Date.UTC(2026, 0, 1);
  const data: (number | string)[][] = [];
  for (let i = 0; i < rows; i++) {
    const s = keplerPropagate(s0, EARTH_MU, 60 * i);
    const k = cartesianToKeplerian(s, EARTH_MU);
    data.push([gregorian(start + 60_000 * i), s[0], s[1], s[2], k.sma, k.ecc]);
  }
  return { ...tpl, rows: data };
}

async function generate(runs: number, rows: number, regen: boolean): Promise<void> {
  const stamp = join(OUT, `data-${runs}x${rows}-v2.done`);
  if (!regen) {
    try {
      await Deno.stat(stamp);
      return;
    } catch { /* generate */ }
  }
  console.error(`generating ${runs} runs x ${rows} rows in ${OUT}`);
  await Deno.remove(OUT, { recursive: true }).catch(() => {});
  const tpl = await template();
  if (tpl.columns.length !== 6) throw new Error(`unexpected leo_basic columns ${tpl.columns}`);
  const dirs = Object.keys(LAYOUTS).map((_, i) => join(OUT, `layout-${i}`));
  for (let runId = 0; runId < runs; runId++) {
    const table = reportTable(syntheticReport(tpl, runId, rows), "synthetic", "RF");
    for (const [i, variant] of Object.values(LAYOUTS).entries()) {
      const runDir = join(dirs[i], `run-${runId}`);
      await Deno.mkdir(runDir, { recursive: true });
      const bytes = encodeParquet(variant.nullable ? nullable(table) : table, variant.layout);
      await Deno.writeFile(join(runDir, "report__RF.parquet"), bytes);
    }
  }
  await Deno.writeTextFile(stamp, "");
}

function maxRssFromTime(stderr: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return m ? Number(m[1]) / 1024 : undefined;
}

async function measure(cmd: string[]): Promise<Sample> {
  const out = await new Deno.Command("/usr/bin/time", {
    args: ["-v", ...cmd],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`${cmd.join(" ")} failed:\n${stderr}`);
  const sample = JSON.parse(stdout.trim().split("\n").pop()!) as Sample;
  sample.timeMaxRssMb = maxRssFromTime(stderr);
  return sample;
}

function oursCmd(dir: string, runs: number): string[] {
  return [
    Deno.execPath(),
    "run",
    "-A",
    new URL(import.meta.url).pathname,
    "--worker=ours",
    `--dir=${dir}`,
    `--runs=${runs}`,
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function checkSame(a: Sample, b: Sample): void {
  if (a.rows !== b.rows) throw new Error(`row counts differ: ${a.rows} vs ${b.rows}`);
  for (const [name, sa] of Object.entries(a.sums)) {
    const sb = b.sums[name];
    if (sb === undefined) throw new Error(`DuckDB result lacks ${name}`);
    const x = Number(sa);
    const y = Number(sb);
    const same = sa === sb || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    if (!same) throw new Error(`column ${name} sums differ: ${sa} vs ${sb}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      worker: { type: "string" },
      dir: { type: "string" },
      runs: { type: "string", default: "1000" },
      rows: { type: "string", default: "1441" },
      repeats: { type: "string", default: "5" },
      "layout-repeats": { type: "string", default: "3" },
      regen: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (values.worker === "ours") return await oursWorker(values.dir!, runs);

  const rows = Number(values.rows);
  const repeats = Number(values.repeats);
  await ensureDuckDb();
  await generate(runs, rows, values.regen);
  const mainDir = join(OUT, "layout-0");
  const duckCmd = ["node", join(DUCK_DIR, "duckdb_worker.mjs"), mainDir, String(runs)];

  const ours: Sample[] = [];
  const duck: Sample[] = [];
  for (let r = 0; r < repeats; r++) {
    ours.push(await measure(oursCmd(mainDir, runs)));
    duck.push(await measure(duckCmd));
    checkSame(ours[r], duck[r]);
    console.error(
      `repeat ${r + 1}: ours ${ours[r].ms.toFixed(0)} ms, DuckDB ${duck[r].ms.toFixed(0)} ms`,
    );
  }
  const row = (label: string, s: Sample[]) => {
    const m = (f: (x: Sample) => number) => median(s.map(f)).toFixed(0);
    return `| ${label} | ${m((x) => x.ms)} | ${m((x) => x.rssBeforeMb)} | ${
      m((x) => x.rssSampledPeakMb)
    } | ${m((x) => x.vmHwmMb)} | ${m((x) => x.timeMaxRssMb ?? NaN)} |`;
  };
  const ratio = median(ours.map((s) => s.ms)) / median(duck.map((s) => s.ms));
  const memRatio = median(ours.map((s) => s.vmHwmMb)) / median(duck.map((s) => s.vmHwmMb));
  console.log(
    `\nStitching ${runs} runs x ${rows} rows (${(runs * rows).toLocaleString("en-US")} rows, ` +
      `${Object.keys(ours[0].sums).length + 1} columns), median of ${repeats} fresh processes; ` +
      "same row count and column sums checked:\n",
  );
  console.log(
    "| engine | wall ms | RSS before MB | peak RSS sampled MB | peak RSS (VmHWM) MB | " +
      "max RSS (/usr/bin/time) MB |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  console.log(row("gmat-sweep `stitchRuns` (Deno)", ours));
  console.log(row(`DuckDB ${DUCKDB_VERSION} \`read_parquet\` (Node)`, duck));
  console.log(
    `\nWall-time ratio ours / DuckDB: **${ratio.toFixed(2)}x**; peak-RSS ratio: ` +
      `**${memRatio.toFixed(2)}x**.`,
  );

  // What toTable() adds: checking each file against the size and SHA-256 the manifest recorded
  // (the bytes are read anyway; the hash is the extra work). Same process, alternating.
  const plain = entriesOf(mainDir, runs);
  const verified = await Promise.all(plain.map(async (e) => {
    const path = e.outputPaths.report__RF;
    return { ...e, outputDigests: { [path]: await digestFile(path) } };
  }));
  const plainMs: number[] = [];
  const verifiedMs: number[] = [];
  for (let r = 0; r < Math.max(3, repeats); r++) {
    for (const [list, into] of [[plain, plainMs], [verified, verifiedMs]] as const) {
      const t0 = performance.now();
      const { warnings } = stitchRuns(list, { kind: "report" });
      into.push(performance.now() - t0);
      if (warnings.length > 0) throw new Error(warnings.join("\n"));
    }
  }
  console.log(
    `\nIn one process, median of ${plainMs.length}: stitch ${median(plainMs).toFixed(0)} ms, ` +
      `with every file checked against its recorded size and SHA-256 (what toTable() does) ` +
      `${median(verifiedMs).toFixed(0)} ms (${
        (median(verifiedMs) / median(plainMs)).toFixed(2)
      }x).`,
  );

  const layoutRepeats = Number(values["layout-repeats"]);
  if (layoutRepeats > 0) {
    console.log(`\nOur stitch by per-run layout (median of ${layoutRepeats}):\n`);
    console.log("| per-run layout | file size KB | wall ms | peak RSS (VmHWM) MB |");
    console.log("|---|---:|---:|---:|");
    for (const [i, label] of Object.keys(LAYOUTS).entries()) {
      const dir = join(OUT, `layout-${i}`);
      const size = (await Deno.stat(join(dir, "run-0", "report__RF.parquet"))).size;
      const samples: Sample[] = [];
      for (let r = 0; r < layoutRepeats; r++) samples.push(await measure(oursCmd(dir, runs)));
      checkSame(samples[0], duck[0]);
      console.log(
        `| ${label} | ${(size / 1024).toFixed(1)} | ${
          median(samples.map((s) => s.ms)).toFixed(0)
        } | ${median(samples.map((s) => s.vmHwmMb)).toFixed(0)} |`,
      );
    }
  }
}

if (import.meta.main) await main();
