/**
 * Sweeps through a GMAT-shaped install whose bin/GmatConsole is the built-in engine's console
 * (interactive mode included), wrapped so that every start of the console appends its pid and
 * argument count to a file: interactive mode gives the manifest entries and tables of a process
 * per run, a failed run in the middle is followed by ok runs on a new console, a hung run is
 * killed at its timeout, no console outlives the sweep, and a 40-run sweep on 2 workers starts
 * the console only a few times. The header records the console mode.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readManifest } from "../../src/manifest/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { fixture } from "../_support/engine.ts";
import { cli } from "../_support/cli.ts";
import { isAlive, waitUntil } from "../_support/process.ts";
import { countingInstall, interactiveStarts, type Start } from "../_support/counting_install.ts";

const LEO = fixture("scripts/leo_basic.script");

async function allGone(starts: Start[]): Promise<void> {
  for (const s of starts) await waitUntil(() => !isAlive(s.pid), `console ${s.pid} to exit`);
}

Deno.test("interactive and process-per-run sweeps give the same manifest entries and tables", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-interactive-" });
  const { root, starts } = await countingInstall(dir);
  // Run 3 fails in GMAT's interpreter (INC outside [0, 180]): GMAT's console exits on it.
  const grid = gridRunSet({ "Sat.INC": [10, 20, 30, 200, 40, 50, 60] });
  const sweeps: Record<string, Sweep> = {};
  for (const mode of ["interactive", "process-per-run"] as const) {
    const sweep = await Sweep.create(LEO, grid, {
      outputDir: join(dir, mode),
      engine: "gmat",
      gmatRoot: root,
      workers: 2,
      timeoutS: 60,
      processPerRun: mode === "process-per-run",
    });
    const summary = await sweep.run();
    assert.deepEqual([summary.ok, summary.failed], [6, 1], mode);
    sweeps[mode] = sweep;
  }
  const a = await sweeps["interactive"].manifest();
  const b = await sweeps["process-per-run"].manifest();
  assert.equal(a.header.engine.console_mode, "interactive");
  assert.equal(b.header.engine.console_mode, "process-per-run");
  assert.equal(a.header.engine.version, "R2026a");
  assert.equal(a.header.engine.version_source, "README.txt");
  assert.equal(a.header.engine.build_date, "gmat-sweep-builtin-1", "what --version printed");
  const byId = (m: typeof a) => new Map(m.entries.map((e) => [e.run_id, e]));
  const ea = byId(a), eb = byId(b);
  for (let id = 0; id < 7; id++) {
    const x = ea.get(id)!, y = eb.get(id)!;
    assert.equal(x.status, y.status, `run ${id}`);
    assert.deepEqual(Object.keys(x.output_paths), Object.keys(y.output_paths));
    if (x.status === "failed") {
      // Both quote GMAT's error line for the refused INC.
      for (const e of [x, y]) {
        assert.match(e.stderr ?? "", /\*\*\*\* ERROR \*\*\*\* .*"INC" on object "Sat"/);
      }
    }
  }
  const ta = await sweeps["interactive"].toTable({ onWarning: () => {} });
  const tb = await sweeps["process-per-run"].toTable({ onWarning: () => {} });
  assert.equal(ta.numRows, tb.numRows);
  for (const name of tb.schema.names) {
    assert.deepEqual(
      [...ta.getChild(name)!.toArray()],
      [...tb.getChild(name)!.toArray()],
      String(name),
    );
  }
  // Process per run: a console per run; interactive: one per worker plus one after the failure.
  const all = starts();
  assert.equal(all.filter((s) => s.args > 1).length, 7, "seven --run starts");
  const inter = interactiveStarts(all);
  assert.ok(inter.length >= 2 && inter.length <= 3, `interactive starts: ${inter.length}`);
  await allGone(all);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a 40-run interactive sweep on 2 workers starts the console a few times, and none outlives it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-interactive-40-" });
  const { root, starts } = await countingInstall(dir);
  const smas = Array.from({ length: 40 }, (_, i) => 7000 + 5 * i);
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": smas }), {
    outputDir: join(dir, "out"),
    engine: "gmat",
    gmatRoot: root,
    workers: 2,
    timeoutS: 60,
  });
  const summary = await sweep.run();
  assert.equal(summary.ok, 40);
  const inter = interactiveStarts(starts());
  assert.ok(inter.length >= 1 && inter.length <= 2, `${inter.length} interactive consoles`);
  // The worker logs name the console each run used: the same few process groups.
  const groups = new Set<string>();
  for (let id = 0; id < 40; id++) {
    const log = await Deno.readTextFile(join(dir, "out", `run-${id}`, "worker.log"));
    const m = /gmat: interactive console pgid=(\d+)/.exec(log);
    assert.ok(m, `run ${id} names its console`);
    groups.add(m[1]);
  }
  assert.ok(groups.size <= 2, `${groups.size} consoles served 40 runs`);
  await allGone(starts());
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hung run is killed at its timeout, the console restarted, and the other runs are ok", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-interactive-hang-" });
  const { root, starts } = await countingInstall(dir);
  // A spacecraft field GMAT knows chooses the run's length: Cd 2.2 a minute, Cd 9 forever.
  const script = join(dir, "hang_on_cd.script");
  await Deno.writeTextFile(
    script,
    (await Deno.readTextFile(LEO)).replace(
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 60};",
      "If Sat.Cd > 5\n  Propagate Prop(Sat) {Sat.ElapsedDays = 100000};\nElse\n" +
        "  Propagate Prop(Sat) {Sat.ElapsedSecs = 60};\nEndIf;",
    ),
  );
  const sweep = await Sweep.create(
    script,
    gridRunSet({ "Sat.Cd": [2.2, 9, 2.2, 2.2] }),
    { outputDir: join(dir, "out"), engine: "gmat", gmatRoot: root, workers: 1, timeoutS: 2 },
  );
  const summary = await sweep.run();
  assert.deepEqual([summary.ok, summary.failed], [3, 1]);
  const m = await readManifest(sweep.manifestPath);
  const hung = m.entries.find((e) => e.run_id === 1)!;
  assert.equal(hung.status, "failed");
  assert.match(hung.stderr ?? "", /timed out after 2 s; GmatConsole's process group was killed/);
  // The worker killed and replaced the console itself: one worker served every run.
  const inter = interactiveStarts(starts());
  assert.equal(inter.length, 2, "the first console, and its replacement after the timeout");
  await allGone(starts());
  await Deno.remove(dir, { recursive: true });
});

Deno.test("aborting a sweep mid-run kills the workers and their interactive consoles: no orphans", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-interactive-abort-" });
  const { root, starts } = await countingInstall(dir);
  const script = join(dir, "forever.script");
  await Deno.writeTextFile(
    script,
    (await Deno.readTextFile(LEO)).replace(
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 60};",
      "Propagate Prop(Sat) {Sat.ElapsedDays = 100000};",
    ),
  );
  const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": [7000, 7100, 7200, 7300] }), {
    outputDir: join(dir, "out"),
    engine: "gmat",
    gmatRoot: root,
    workers: 2,
  });
  const controller = new AbortController();
  const running = sweep.run(controller.signal).catch((e) => e);
  // Both workers' consoles are busy with a run that never ends.
  await waitUntil(() => interactiveStarts(starts()).length === 2, "two interactive consoles");
  controller.abort(new Error("stop"));
  await running;
  const consoles = interactiveStarts(starts());
  assert.equal(consoles.length, 2);
  await allGone(consoles);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("--gmat-restart-every N replaces the console after N runs; the header records it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-interactive-every-" });
  const { root, starts } = await countingInstall(dir);
  const out = join(dir, "out");
  const r = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000:7400:9",
    "--out",
    out,
    "--engine",
    "gmat",
    "--gmat-root",
    root,
    "--workers",
    "1",
    "--gmat-restart-every",
    "3",
    "-q",
  ]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const m = await readManifest(join(out, "manifest.jsonl"));
  assert.equal(m.entries.filter((e) => e.status === "ok").length, 9);
  assert.equal(m.header.backend_settings.gmat_restart_every, 3);
  assert.equal(m.header.engine.console_mode, "interactive");
  assert.equal(interactiveStarts(starts()).length, 3, "runs 1-3, 4-6, 7-9");
  await allGone(starts());
  await Deno.remove(dir, { recursive: true });
});
