/**
 * The GmatConsole-compatible entry, run as a real subprocess from a directory laid out like a
 * GMAT install (`bin/GmatConsole`, `bin/gmat_startup_file.txt`, `output/`).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fixture, ROOT } from "../_support/engine.ts";

async function makeInstall(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "gmat-install-" });
  await Deno.mkdir(join(root, "bin"));
  await Deno.mkdir(join(root, "output"));
  await Deno.writeTextFile(
    join(root, "bin", "gmat_startup_file.txt"),
    "# startup file of a GMAT-shaped install\nROOT_PATH = ../\nOUTPUT_PATH = ../output/\n" +
      "LOG_FILE = OUTPUT_PATH/GmatLog.txt\n",
  );
  const exe = join(root, "bin", "GmatConsole");
  await Deno.writeTextFile(
    exe,
    `#!/usr/bin/env bash\nGMAT_SWEEP_BIN_DIR="$(cd "$(dirname "$0")" && pwd)" exec "${Deno.execPath()}" run -A "${
      join(ROOT, "cli.ts")
    }" gmat-console "$@"\n`,
  );
  await Deno.chmod(exe, 0o755);
  return root;
}

async function run(root: string, args: string[], cwd = root) {
  const out = await new Deno.Command(join(root, "bin", "GmatConsole"), {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test("GmatConsole --startup_file --logfile --run writes outputs and log in the run dir", async () => {
  const root = await makeInstall();
  const runDir = join(root, "runs", "run-0");
  await Deno.mkdir(runDir, { recursive: true });
  const startup = join(runDir, "startup.txt");
  await Deno.writeTextFile(
    startup,
    `OUTPUT_PATH = ${runDir}/\nLOG_FILE = OUTPUT_PATH/GmatLog.txt\n`,
  );
  const log = join(runDir, "GmatLog.txt");
  const r = await run(root, [
    "--startup_file",
    startup,
    "--logfile",
    log,
    "--run",
    fixture("scripts/leo_basic.script"),
  ]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Successfully interpreted the script/);
  assert.match(r.stdout, /\nMission run completed\.\n/);
  assert.match(r.stdout, /===> Total Run Time: [\d.]+ seconds/);
  const report = await Deno.readTextFile(join(runDir, "sat.report"));
  assert.equal(report.trim().split("\n").length, 4, "header and three rows");
  const logText = await Deno.readTextFile(log);
  assert.match(logText, /^GMAT Build Date: /);
  assert.match(logText, new RegExp(`GMAT Log file set to ${log}`));
  assert.match(logText, /Mission run completed\./);
  await Deno.remove(root, { recursive: true });
});

Deno.test("GmatConsole without a startup file uses bin/gmat_startup_file.txt (OUTPUT_PATH ../output)", async () => {
  const root = await makeInstall();
  const r = await run(root, ["--run", fixture("scripts/leo_basic.script")], join(root, "bin"));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  await Deno.stat(join(root, "output", "sat.report"));
  await Deno.stat(join(root, "output", "GmatLog.txt"));
  await Deno.remove(root, { recursive: true });
});

Deno.test("GmatConsole: script errors exit 1 with GMAT's error lines; a missing script exits 0", async () => {
  const root = await makeInstall();
  const bad = join(root, "bad.script");
  await Deno.writeTextFile(bad, "Create Spacecraft Sat\nSat.SMAA = 7000\nBeginMissionSequence\n");
  const r = await run(root, ["--run", bad]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /\*\*\*\* ERROR \*\*\*\* Interpreter Exception: .*'SMAA'/);
  assert.match(r.stdout, /in line:\n {3}"2: Sat\.SMAA = 7000"/);
  assert.match(r.stdout, /\*\*\*Could not read script\.\*\*\*/);
  assert.match(r.stdout, /ERROR!!!!!! ---- Errors were found in the script named/);
  assert.doesNotMatch(r.stdout, /Mission run completed/);

  // GMAT's own gotcha, kept on purpose: a missing script prints a line and exits 0.
  const missing = await run(root, ["--run", join(root, "nope.script")]);
  assert.equal(missing.code, 0);
  assert.match(missing.stdout, /Script file .*nope\.script does not exist/);
  assert.doesNotMatch(missing.stdout, /Mission run completed/);
  await Deno.remove(root, { recursive: true });
});

Deno.test("GmatConsole: a mission that fails while running exits 1 with 'Mission run failed'", async () => {
  const root = await makeInstall();
  const text = (await Deno.readTextFile(fixture("scripts/leo_basic.script")))
    .replace("Prop.Accuracy = 1e-9", "Prop.Accuracy = 1e-30")
    .replace("Prop.MinStep = 0.001", "Prop.MinStep = 10");
  const script = join(root, "fails.script");
  await Deno.writeTextFile(script, text);
  const r = await run(root, ["--run", script]);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /\*\*\* Mission run failed\./);
  assert.doesNotMatch(r.stdout, /Mission run completed/);
  await Deno.remove(root, { recursive: true });
});

Deno.test("GmatConsole --help and --version", async () => {
  const root = await makeInstall();
  const help = await run(root, ["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--startup_file/);
  const version = await run(root, ["--version"]);
  assert.match(version.stdout, /^Build Date: /);
  await Deno.remove(root, { recursive: true });
});

/** Run the console with no arguments, `input` on its standard input. */
async function interactive(root: string, input: string) {
  const child = new Deno.Command(join(root, "bin", "GmatConsole"), {
    cwd: root,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const out = await child.output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout) };
}

const PROMPT = "Enter a script file, q to quit, or an option:  ";

Deno.test("GmatConsole with no arguments is GmatConsole's interactive mode: prompt, per-script lines, q", async () => {
  const root = await makeInstall();
  const leo = fixture("scripts/leo_basic.script");
  const r = await interactive(root, `${leo}\n${leo}\nq\n`);
  assert.equal(r.code, 0, r.stdout);
  // The engine starts once, then the prompt (two trailing spaces, no newline) before each read.
  assert.match(r.stdout, /GMAT Moderator successfully created core engine\n/);
  assert.equal(r.stdout.split(PROMPT).length - 1, 3, "a prompt before each of the three reads");
  assert.ok(r.stdout.endsWith(PROMPT), "q ends it right after the prompt");
  const perScript = r.stdout.split(PROMPT).slice(1, 3);
  for (const part of perScript) {
    const lines = part.split("\n").filter((l) => l !== "");
    assert.deepEqual(lines.slice(0, 3), [
      "Interpreting scripts from the file.",
      `***** file: ${leo}`,
      "Successfully interpreted the script",
    ]);
    assert.ok(lines.includes("Running mission..."));
    assert.ok(lines.includes("Mission run completed."));
    assert.match(part, /===> Total Run Time: [\d.]+ seconds\n\n={40}\n/);
    assert.equal(
      lines[lines.length - 1],
      "*** GMAT Integration test (Console version) successful! ***",
    );
  }
  // Interactive mode ignores --logfile: the log is bin/gmat_startup_file.txt's LOG_FILE.
  const log = await Deno.readTextFile(join(root, "output", "GmatLog.txt"));
  assert.equal(log.match(/Mission run completed\./g)?.length, 2);
  await Deno.remove(root, { recursive: true });
});

Deno.test("interactive GmatConsole: a missing script prompts again; a failed script ends it with exit 1", async () => {
  const root = await makeInstall();
  const bad = join(root, "bad.script");
  await Deno.writeTextFile(bad, "Create Spacecraft Sat\nSat.SMAA = 7000\nBeginMissionSequence\n");
  const leo = fixture("scripts/leo_basic.script");
  const r = await interactive(root, `${join(root, "nope.script")}\n${bad}\n${leo}\nq\n`);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Script file .*nope\.script does not exist\nEnter a script file/);
  assert.match(r.stdout, /\*\*\*\* ERROR \*\*\*\* Interpreter Exception: .*'SMAA'/);
  assert.match(
    r.stdout,
    new RegExp(
      `ERROR!!!!!! ---- Console Application Execution Failed: Errors were found in the script named "${bad}"`,
    ),
  );
  // Like GMAT, it reads no further script after the failed one.
  assert.doesNotMatch(r.stdout, /Mission run completed/);
  assert.equal(r.stdout.split(PROMPT).length - 1, 2);
  await Deno.remove(root, { recursive: true });
});
