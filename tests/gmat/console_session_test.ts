/**
 * One long-lived interactive GmatConsole per worker, against real subprocesses: a GMAT-shaped
 * install whose bin/GmatConsole is the built-in engine's console in GmatConsole's interactive
 * mode (prompt, per-script lines, exit 1 on a failed script), or a console scripted to print
 * GMAT's own error text. Counts are of consoles started (the session's counter, and the process
 * groups it reports), never of elapsed time.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  GmatConsoleSession,
  type GmatInstall,
  locateGmat,
  type PreparedGmatRun,
  prepareGmatRun,
  runGmatConsole,
} from "../../src/gmat/mod.ts";
import { writeStopDaysScript } from "../pool/_jobs.ts";
import { fixture, installAt, liveGroupMembers, tempDir, waitGroupGone } from "./_install.ts";

const LEO = fixture("scripts/leo_basic.script");

async function install(dir: string, console?: string): Promise<GmatInstall> {
  return await locateGmat({
    root: await installAt(dir, "gmat", console === undefined ? {} : { console }),
  });
}

async function prepare(
  inst: GmatInstall,
  runDir: string,
  overrides: Record<string, number>,
  mode: "interactive" | "process-per-run" = "interactive",
  script = LEO,
): Promise<PreparedGmatRun> {
  return await prepareGmatRun(inst, {
    scriptText: await Deno.readTextFile(script),
    scriptFile: script,
    overrides,
    runDir,
    mode,
  });
}

/** A session that records the process groups of the consoles it starts. */
function session(inst: GmatInstall, options: { restartEvery?: number; maxRssBytes?: number } = {}) {
  const groups: number[] = [];
  const s = new GmatConsoleSession(inst, {
    ...options,
    onConsole: (pgid) => {
      if (pgid !== null) groups.push(pgid);
    },
  });
  return { session: s, groups };
}

Deno.test("GmatConsoleSession runs many scripts on one console, with the outputs of a process per run", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  const { session: s, groups } = session(inst);
  const smas = [7000, 7050, 7100, 7150, 7200];
  for (const [i, sma] of smas.entries()) {
    const prepared = await prepare(inst, join(tmp.path, "i", `run-${i}`), { "Sat.SMA": sma });
    const result = await s.run(prepared, { timeoutMs: 60_000 });
    assert.equal(result.reason, null, result.stdoutTail);
    assert.equal(result.ok, true);
    assert.deepEqual(result.outputs.map((o) => o.name), ["RF"]);
    // The run's part of the console output is its GmatLog.txt; no startup file was written.
    const log = await Deno.readTextFile(prepared.logPath);
    assert.match(log, new RegExp(`\\*\\*\\*\\*\\* file: ${prepared.scriptPath}\n`));
    assert.match(log, /\nMission run completed\.\n/);
    assert.equal(log.match(/Interpreting scripts from the file\./g)?.length, 1, "this run only");
    await assert.rejects(() => Deno.stat(prepared.startupPath), Deno.errors.NotFound);

    // The same run with a GmatConsole per run writes the same bytes.
    const alone = await prepare(
      inst,
      join(tmp.path, "p", `run-${i}`),
      { "Sat.SMA": sma },
      "process-per-run",
    );
    const perProcess = await runGmatConsole(inst, alone, { timeoutMs: 60_000 });
    assert.equal(perProcess.ok, true, perProcess.reason ?? "");
    assert.equal(
      await Deno.readTextFile(result.outputs[0].path),
      await Deno.readTextFile(perProcess.outputs[0].path),
    );
  }
  assert.equal(s.starts, 1, "one console for five runs");
  assert.equal(groups.length, 1);
  const [pgid] = groups;
  assert.ok(liveGroupMembers(pgid).length >= 1, "the console waits at its prompt");
  await s.close();
  assert.deepEqual(await waitGroupGone(pgid), [], "close() ends the console's whole group");
});

Deno.test("GmatConsoleSession: a failed run ends GMAT's console; its reason quotes GMAT; the next run starts a new one", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  const { session: s, groups } = session(inst);
  const incs = [28.5, 30, 200, 31, 32];
  const results = [];
  for (const [i, inc] of incs.entries()) {
    const prepared = await prepare(inst, join(tmp.path, `run-${i}`), { "Sat.INC": inc });
    results.push(await s.run(prepared, { timeoutMs: 60_000 }));
  }
  assert.deepEqual(results.map((r) => r.ok), [true, true, false, true, true]);
  const failed = results[2];
  assert.equal(failed.exitCode, 1, "GmatConsole exits 1 after a failed script");
  // GMAT's own error line, with the script line it quotes, comes first.
  assert.match(
    failed.reason ?? "",
    /^GmatConsole exited with code 1: .*\*\*\*\* ERROR \*\*\*\* .*"INC" on object "Sat" is not an allowed value/,
  );
  assert.match(failed.reason ?? "", /ERROR!!!!!! ---- Console Application Execution Failed/);
  assert.equal(s.starts, 2, "one console before the failure, one after");
  assert.deepEqual(s.restarts.failed, 1);
  assert.equal(groups.length, 2);
  assert.deepEqual(await waitGroupGone(groups[0]), [], "the failed console's group is gone");
  await s.close();
  assert.deepEqual(await waitGroupGone(groups[1]), []);
});

Deno.test("GmatConsoleSession kills a hung run's console group at the timeout and starts a new console", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  const script = await writeStopDaysScript(tmp.path);
  const { session: s, groups } = session(inst);
  const quick = await prepare(
    inst,
    join(tmp.path, "run-0"),
    { "stopDays.Value": 0.001 },
    "interactive",
    script,
  );
  assert.equal((await s.run(quick, { timeoutMs: 60_000 })).ok, true);
  const hung = await prepare(
    inst,
    join(tmp.path, "run-1"),
    { "stopDays.Value": 100000 },
    "interactive",
    script,
  );
  const result = await s.run(hung, { timeoutMs: 1500 });
  assert.equal(result.ok, false);
  assert.equal(result.timedOut, true);
  assert.match(
    result.reason ?? "",
    /^timed out after 1\.5 s; GmatConsole's process group was killed/,
  );
  assert.deepEqual(liveGroupMembers(groups[0]), [], "no process of the hung console remains");
  assert.equal(s.restarts.timeout, 1);
  // The run's log holds what the console printed for it before it was killed.
  assert.match(await Deno.readTextFile(hung.logPath), /\*\*\*\*\* file: .*run-1/);

  const after = await prepare(
    inst,
    join(tmp.path, "run-2"),
    { "stopDays.Value": 0.001 },
    "interactive",
    script,
  );
  assert.equal((await s.run(after, { timeoutMs: 60_000 })).ok, true);
  assert.equal(s.starts, 2);
  await s.close();
  for (const g of groups) assert.deepEqual(await waitGroupGone(g), []);
});

Deno.test("GmatConsoleSession replaces the console every restartEvery runs", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  const { session: s, groups } = session(inst, { restartEvery: 2 });
  for (let i = 0; i < 5; i++) {
    const prepared = await prepare(inst, join(tmp.path, `run-${i}`), { "Sat.SMA": 7000 + i });
    assert.equal((await s.run(prepared, { timeoutMs: 60_000 })).ok, true);
  }
  assert.equal(s.starts, 3, "runs 1-2, 3-4 and 5");
  assert.equal(s.restarts.every, 2);
  // The two consoles that served their runs quit when asked (q).
  assert.deepEqual(await waitGroupGone(groups[0]), []);
  assert.deepEqual(await waitGroupGone(groups[1]), []);
  await s.close();
  assert.deepEqual(await waitGroupGone(groups[2]), []);
});

Deno.test("GmatConsoleSession: a missing script is a failed run, and the console keeps serving", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  const { session: s } = session(inst);
  const gone = await prepare(inst, join(tmp.path, "run-0"), { "Sat.SMA": 7000 });
  await Deno.remove(gone.scriptPath);
  const missing = await s.run(gone, { timeoutMs: 60_000 });
  assert.equal(missing.ok, false);
  assert.match(
    missing.reason ?? "",
    /never printed 'Mission run completed\.': Script file .* does not exist/,
  );
  const next = await prepare(inst, join(tmp.path, "run-1"), { "Sat.SMA": 7000 });
  assert.equal((await s.run(next, { timeoutMs: 60_000 })).ok, true);
  assert.equal(s.starts, 1, "GMAT's console does not exit for a missing script");
  await s.close();
});

Deno.test("GmatConsoleSession quotes GMAT's first error lines, not the generic Sandbox Exception tail", async () => {
  await using tmp = await tempDir();
  // GmatConsole's interactive protocol around the error text real GMAT R2026a printed for a
  // sample whose CSSI file it could not open (issue 15), then its exit on error.
  const console = [
    `printf 'GMAT Moderator successfully created core engine\\nEnter a script file, q to quit, or an option:  '`,
    "read -r script",
    "echo 'Interpreting scripts from the file.'",
    'echo "***** file: $script"',
    "echo 'Successfully interpreted the script'",
    "echo 'Running mission...'",
    "echo 'Cannot open the CSSI space weather file ../samples/SupportFiles/CSSI_2004To2026.txt, nor the file at the location /gmat/data/atmosphere/earth/CSSI_2004To2026.txt'",
    "echo 'This error occurred on line 49 of file '$script",
    "echo 'Sandbox Exception: Errors were found in the mission control sequence'",
    "echo '*** Mission run failed.'",
    "exit 1",
  ].join("\n");
  const inst = await install(tmp.path, console);
  const { session: s } = session(inst);
  const prepared = await prepare(inst, join(tmp.path, "run-0"), { "Sat.SMA": 7000 });
  const result = await s.run(prepared, { timeoutMs: 60_000 });
  assert.equal(result.exitCode, 1);
  const quoted = (result.reason ?? "").split(": ").slice(1).join(": ").split(" | ");
  assert.match(quoted[0], /^Cannot open the CSSI space weather file \.\.\/samples\/SupportFiles/);
  assert.match(quoted[1], /^This error occurred on line 49 of file /);
  assert.ok(
    quoted.includes("Sandbox Exception: Errors were found in the mission control sequence"),
  );
  await s.close();
});

Deno.test("prepareGmatRun() in interactive mode refuses a script path GmatConsole cannot read as one token", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  await assert.rejects(
    () => prepare(inst, join(tmp.path, "out dir", "run-0"), { "Sat.SMA": 7000 }),
    (e: Error & { code?: string }) =>
      e.code === "GMAT_RUN_DIR" && /--process-per-run/.test(e.message),
  );
  // The same directory is fine with a process per run (the path is one argument there).
  await prepare(inst, join(tmp.path, "out dir", "run-0"), { "Sat.SMA": 7000 }, "process-per-run");
});

Deno.test("GmatConsoleSession replaces a console whose memory passes the bound", async () => {
  await using tmp = await tempDir();
  const inst = await install(tmp.path);
  // Any live console holds more than one byte: each run's console is replaced after it.
  const { session: s, groups } = session(inst, { maxRssBytes: 1 });
  for (let i = 0; i < 3; i++) {
    const prepared = await prepare(inst, join(tmp.path, `run-${i}`), { "Sat.SMA": 7000 + i });
    assert.equal((await s.run(prepared, { timeoutMs: 60_000 })).ok, true);
  }
  assert.equal(s.starts, 3);
  assert.equal(s.restarts.memory, 3);
  for (const g of groups) assert.deepEqual(await waitGroupGone(g), []);
  await s.close();
});
