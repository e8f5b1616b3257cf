/**
 * The GmatConsole driver against real subprocesses: GMAT-shaped installs whose bin/GmatConsole
 * runs the built-in engine's console, or hangs on purpose.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  type GmatInstall,
  locateGmat,
  type PreparedGmatRun,
  prepareGmatRun,
  runGmatConsole,
  type RunGmatConsoleOptions,
  type Spawn,
  spawnProcess,
} from "../../src/gmat/mod.ts";
import { parseReportFile } from "../../src/formats/mod.ts";
import {
  fixture,
  HUNG_CONSOLE,
  installAt,
  liveGroupMembers,
  STUBBORN_CONSOLE,
  tempDir,
  waitGroupGone,
} from "./_install.ts";

const LEO = fixture("scripts/leo_basic.script");

async function prepare(
  dir: string,
  script: string,
  options: { console?: string; overrides?: Record<string, number>; scriptFile?: string } = {},
): Promise<{ install: GmatInstall; prepared: PreparedGmatRun }> {
  const install = await locateGmat({
    root: await installAt(dir, "gmat", options.console ? { console: options.console } : {}),
  });
  const prepared = await prepareGmatRun(install, {
    scriptText: await Deno.readTextFile(script),
    scriptFile: options.scriptFile ?? script,
    overrides: options.overrides,
    runDir: join(dir, "run"),
  });
  return { install, prepared };
}

/** A spawn that records the pids (= process-group ids) it started. */
function recordingSpawn(pids: number[]): Spawn {
  return (request) => {
    const child = spawnProcess(request);
    pids.push(child.pid);
    return child;
  };
}

Deno.test("runGmatConsole() runs leo_basic with an override; the report lands in the run dir", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO, { overrides: { "Sat.SMA": 7100 } });
  const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
  assert.equal(result.reason, null, result.stdoutTail + result.stderrTail);
  assert.equal(result.ok, true);
  assert.equal(result.exitCode, 0);
  assert.equal(result.timedOut, false);
  assert.match(result.stdoutTail, /^Mission run completed\.$/m);
  assert.match(result.logText, /^GMAT Log file set to .*run\/GmatLog\.txt$/m);
  assert.match(result.logText, /Mission run completed\./);
  assert.deepEqual(result.outputs, prepared.outputs);
  assert.deepEqual(result.warnings, []);

  const reportPath = join(prepared.runDir, "sat.report");
  const report = parseReportFile(await Deno.readTextFile(reportPath), reportPath);
  const sma = report.columns.indexOf("Sat.Earth.SMA");
  assert.ok(sma >= 0, report.columns.join(","));
  assert.equal(report.rows.length, 3);
  const first = report.rows[0][sma] as number;
  assert.ok(Math.abs(first - 7100) < 1e-6, `SMA ${first} is the override 7100`);
  // Nothing was written into the install.
  assert.deepEqual([...Deno.readDirSync(join(install.root, "output"))], []);
});

Deno.test("runGmatConsole() puts outputs named every way into the run dir", async () => {
  await using tmp = await tempDir();
  // The script lives in a project dir, so a stray ./output/ would show up next to it.
  const project = join(tmp.path, "project");
  await Deno.mkdir(project);
  const scriptFile = join(project, "many_outputs.script");
  await Deno.copyFile(fixture("gmat/many_outputs.script"), scriptFile);
  const { install, prepared } = await prepare(tmp.path, scriptFile);
  const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
  assert.equal(result.ok, true, result.reason ?? "");
  const names = [...Deno.readDirSync(prepared.runDir)].map((e) => e.name).sort();
  assert.deepEqual(names, [
    "GmatLog.txt",
    "RF3.txt",
    "gmat_startup_file.txt",
    "many_outputs.script",
    "orbit.e",
    "x.txt",
    "y.report",
    "z.oem",
  ]);
  assert.deepEqual(result.outputs.map((o) => o.path), prepared.outputs.map((o) => o.path));
  assert.deepEqual([...Deno.readDirSync(project)].map((e) => e.name), ["many_outputs.script"]);
  assert.deepEqual([...Deno.readDirSync(join(install.root, "output"))], []);
});

Deno.test("runGmatConsole() reports a refused script with GMAT's ERROR line (exit 1)", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, fixture("gmat/refused.script"));
  const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
  assert.equal(result.ok, false);
  assert.equal(result.exitCode, 1);
  assert.match(result.reason!, /^GmatConsole exited with code 1: /);
  assert.match(result.reason!, /\*\*\*\* ERROR \*\*\*\* Interpreter Exception: .*'SMAA'/);
  assert.match(result.reason!, /"3: GMAT Sat\.SMAA = 7000;"/);
  assert.match(result.logText, /\*\*\*\* ERROR \*\*\*\*/);
  assert.deepEqual(result.outputs, []);
});

Deno.test("runGmatConsole() reports a mission that fails while running", async () => {
  await using tmp = await tempDir();
  const failing = join(tmp.path, "fails.script");
  await Deno.writeTextFile(
    failing,
    (await Deno.readTextFile(LEO)).replace("Prop.Accuracy = 1e-9", "Prop.Accuracy = 1e-30")
      .replace("Prop.MinStep = 0.001", "Prop.MinStep = 10"),
  );
  const { install, prepared } = await prepare(tmp.path, failing);
  const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
  assert.equal(result.ok, false);
  assert.equal(result.exitCode, 1);
  assert.match(result.reason!, /: .+ \| \*\*\* Mission run failed\.$/);
});

Deno.test("runGmatConsole() does not trust exit 0 when the script is missing", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO);
  await Deno.remove(prepared.scriptPath);
  const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
  assert.equal(result.exitCode, 0, "GMAT's gotcha: a missing script exits 0");
  assert.equal(result.ok, false);
  assert.match(
    result.reason!,
    /^GmatConsole exited 0 but never printed 'Mission run completed\.': Script file .*leo_basic\.script does not exist$/,
  );
});

/** Run a console that hangs and check its whole process group is gone afterwards. */
async function runHung(
  console: string,
  options: (pids: number[]) => RunGmatConsoleOptions,
) {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO, { console });
  const pids: number[] = [];
  let membersWhileRunning: number[] = [];
  const peek = setInterval(() => {
    const now = pids.length > 0 ? liveGroupMembers(pids[0]) : [];
    if (now.length > membersWhileRunning.length) membersWhileRunning = now;
  }, 25);
  const t0 = performance.now();
  const result = await runGmatConsole(install, prepared, options(pids));
  clearInterval(peek);
  const elapsed = performance.now() - t0;
  assert.equal(pids.length, 1);
  assert.ok(membersWhileRunning.length >= 2, `bash and its sleep: ${membersWhileRunning}`);
  assert.deepEqual(await waitGroupGone(pids[0]), [], "no process of the group remains");
  return { result, elapsed };
}

Deno.test("runGmatConsole() kills a hung GmatConsole's whole process group at the timeout", async () => {
  const { result, elapsed } = await runHung(HUNG_CONSOLE, (pids) => ({
    timeoutMs: 800,
    spawn: recordingSpawn(pids),
  }));
  assert.equal(result.ok, false);
  assert.equal(result.timedOut, true);
  assert.equal(result.aborted, false);
  assert.equal(result.reason, "timed out after 0.8 s");
  assert.equal(result.exitCode, null);
  assert.equal(result.signal, "SIGTERM");
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
});

Deno.test("runGmatConsole() escalates to SIGKILL when the group ignores SIGTERM", async () => {
  const { result, elapsed } = await runHung(STUBBORN_CONSOLE, (pids) => ({
    timeoutMs: 500,
    killGraceMs: 300,
    spawn: recordingSpawn(pids),
  }));
  assert.equal(result.timedOut, true);
  assert.equal(result.signal, "SIGKILL");
  assert.equal(result.reason, "timed out after 0.5 s");
  assert.ok(elapsed >= 800 && elapsed < 5000, `took ${elapsed} ms`);
});

Deno.test("runGmatConsole() kills the group when the AbortSignal fires", async () => {
  const controller = new AbortController();
  const abort = setTimeout(() => controller.abort(new Error("sweep cancelled")), 600);
  const { result } = await runHung(HUNG_CONSOLE, (pids) => ({
    timeoutMs: 60_000,
    signal: controller.signal,
    spawn: recordingSpawn(pids),
  }));
  clearTimeout(abort);
  assert.equal(result.ok, false);
  assert.equal(result.aborted, true);
  assert.equal(result.timedOut, false);
  assert.equal(result.reason, "aborted (sweep cancelled)");
});

Deno.test("runGmatConsole() does not start when already aborted, or when the console cannot start", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO);
  let spawned = false;
  const result = await runGmatConsole(install, prepared, {
    signal: AbortSignal.abort(),
    spawn: (r) => (spawned = true, spawnProcess(r)),
  });
  assert.equal(spawned, false);
  assert.deepEqual([result.ok, result.aborted, result.reason], [
    false,
    true,
    "aborted before start",
  ]);

  const gone = { ...install, console: join(tmp.path, "no-such-GmatConsole") };
  const failed = await runGmatConsole(gone, prepared, {});
  assert.equal(failed.ok, false);
  assert.equal(failed.exitCode, null);
  assert.match(failed.reason!, /^cannot start .*no-such-GmatConsole/);
});

Deno.test("runGmatConsole() passes on a spawn's warning (no process group available)", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO);
  const noGroup: Spawn = (request) => {
    const child = new Deno.Command(request.command, {
      args: [...request.args],
      cwd: request.cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    return {
      pid: child.pid,
      groupLeader: false,
      warning: "setsid (util-linux) was not found on PATH",
      stdin: null,
      stdout: child.stdout,
      stderr: child.stderr,
      status: child.status.then((s) => ({ code: s.code, signal: s.signal })),
      kill: (signal) => child.kill(signal),
    };
  };
  const result = await runGmatConsole(install, prepared, { spawn: noGroup, timeoutMs: 60_000 });
  assert.equal(result.ok, true, result.reason ?? "");
  assert.deepEqual(result.warnings, ["setsid (util-linux) was not found on PATH"]);
});

Deno.test("runGmatConsole() kills what GmatConsole leaves behind in its group", async () => {
  await using tmp = await tempDir();
  const { install, prepared } = await prepare(tmp.path, LEO, {
    // Exits at once, successfully, but leaves a sleep holding stdout open.
    console: "sleep 600 &\necho 'Mission run completed.'\nexit 0",
  });
  const pids: number[] = [];
  const t0 = performance.now();
  const result = await runGmatConsole(install, prepared, { spawn: recordingSpawn(pids) });
  assert.equal(result.ok, true, result.reason ?? "");
  assert.ok(performance.now() - t0 < 3000);
  assert.deepEqual(await waitGroupGone(pids[0]), []);
});

Deno.test("runGmatConsole() keeps a bounded tail but still quotes early ERROR lines", async () => {
  await using tmp = await tempDir();
  const noisy = "echo 'x.script: **** ERROR **** early problem'\n" +
    "yes 'noise noise noise' | head -n 100000\nexit 1";
  const { install, prepared } = await prepare(tmp.path, LEO, { console: noisy });
  const result = await runGmatConsole(install, prepared, { tailChars: 1000 });
  assert.ok(result.stdoutTail.length <= 1000);
  assert.match(result.stdoutTail, /noise noise noise\n$/);
  assert.equal(
    result.reason,
    "GmatConsole exited with code 1: x.script: **** ERROR **** early problem",
  );

  await using tmp2 = await tempDir();
  const long = await prepare(tmp2.path, LEO, {
    console: "yes 'noise' | head -n 100000\necho 'Mission run completed.'",
  });
  const ok = await runGmatConsole(long.install, long.prepared, { tailChars: 1000 });
  assert.equal(ok.ok, true, ok.reason ?? "");
});
