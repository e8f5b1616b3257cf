/**
 * What a `deno compile` binary relies on, tested without building one (its runtime download is
 * unreachable here): the commands gmat-sweep starts itself with, the hidden `__pool-worker`
 * subcommand driving a real local pool, the `deno` the hook sandbox needs, and a hook run from
 * copies of the sandbox modules (as a binary's embedded files must be).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { GmatSweepError } from "../../src/errors/mod.ts";
import { HookRunner, parseHookSpecifier, planHook } from "../../src/hooks/mod.ts";
import { LocalPool, type RunJob, runOne } from "../../src/pool/mod.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import {
  POOL_WORKER_COMMAND,
  type RuntimeFacts,
  sandboxDeno,
  selfCommand,
} from "../../src/runtime/mod.ts";
import { canonicalScriptFileSha256 } from "../../src/script/mod.ts";
import { fixture, ROOT } from "../_support/engine.ts";

const LEO = fixture("scripts/leo_basic.script");

function facts(over: Partial<RuntimeFacts>): RuntimeFacts {
  return { standalone: false, execPath: "/usr/bin/deno", env: () => undefined, ...over };
}

Deno.test("selfCommand(): deno run of the entry, or the binary's hidden subcommand", () => {
  const entry = new URL("../../src/pool/worker_main.ts", import.meta.url);
  assert.deepEqual(
    selfCommand(entry, POOL_WORKER_COMMAND, ["--v8-flags=x"], facts({})),
    [
      "/usr/bin/deno",
      "run",
      "-A",
      "--quiet",
      "--v8-flags=x",
      "--config",
      join(ROOT, "deno.json"),
      join(ROOT, "src/pool/worker_main.ts"),
    ],
  );
  assert.deepEqual(
    selfCommand(entry, POOL_WORKER_COMMAND, [], facts({ standalone: true, execPath: "/opt/gs" })),
    ["/opt/gs", "__pool-worker"],
  );
});

Deno.test("sandboxDeno(): $GMAT_SWEEP_DENO, this deno, or a deno on PATH for a binary", async () => {
  assert.equal(
    sandboxDeno(facts({ env: (n) => n === "GMAT_SWEEP_DENO" ? "/x/deno" : undefined })),
    "/x/deno",
  );
  assert.equal(sandboxDeno(facts({})), "/usr/bin/deno");
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-runtime-" });
  const fake = join(dir, "deno");
  await Deno.writeTextFile(fake, "#!/bin/sh\n");
  await Deno.chmod(fake, 0o755);
  const standalone = (path: string) =>
    facts({ standalone: true, execPath: "/opt/gs", env: (n) => (n === "PATH" ? path : undefined) });
  assert.equal(sandboxDeno(standalone(`/nonexistent:${dir}`)), fake);
  assert.throws(
    () => sandboxDeno(standalone("/nonexistent")),
    (e) =>
      e instanceof GmatSweepError && e.code === "HOOK_SANDBOX" &&
      /found no `deno` executable on PATH; install Deno .* or set GMAT_SWEEP_DENO/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

async function leoJobs(out: string, n: number): Promise<RunJob[]> {
  const sha = await canonicalScriptFileSha256(LEO);
  return Array.from({ length: n }, (_, i) => ({
    spec: { runId: i, overrides: { "Sat.SMA": 7000 + 10 * i }, seed: null, context: {} },
    scriptPath: LEO,
    scriptSha256: sha,
    runDir: join(out, `run-${i}`),
    engine: { kind: "builtin" as const },
    attempt: 1,
    timeoutMs: null,
  }));
}

Deno.test("the hidden __pool-worker subcommand of cli.ts serves a real local pool", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-runtime-" });
  await using pool = new LocalPool({
    workers: 2,
    workerCommand: [
      Deno.execPath(),
      "run",
      "-A",
      "--quiet",
      "--config",
      join(ROOT, "deno.json"),
      join(ROOT, "cli.ts"),
      POOL_WORKER_COMMAND,
    ],
  });
  const outcomes: RunOutcome[] = [];
  for await (const o of pool.run(await leoJobs(out, 4))) outcomes.push(o);
  assert.deepEqual(outcomes.map((o) => o.status), ["ok", "ok", "ok", "ok"]);
  for (const o of outcomes) await Deno.stat(o.outputPaths["report__RF"]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("a hook runs from copies of the sandbox modules, as a compiled binary runs it", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-runtime-" });
  const hook = parseHookSpecifier(
    `${join(ROOT, "examples/downstream_pipeline.ts")}#deriveOrbitMetrics`,
    {
      cwd: ROOT,
    },
  );
  await using plan = await planHook(hook, { copySandbox: true });
  assert.ok(plan.hostMainUrl.startsWith(`file://${plan.wrapperDir}/`), plan.hostMainUrl);
  assert.ok(plan.moduleFiles.includes(join(plan.wrapperDir, "hook_worker.ts")));
  await using runner = HookRunner.start(plan, { runTree: out, timeoutMs: 60_000 });
  await runner.probe();
  const [job] = await leoJobs(out, 1);
  const outcome = await runOne(job);
  const result = await runner.run(job.spec, outcome, job.runDir);
  assert.equal(result.status, "ok", result.error ?? "");
  assert.deepEqual(Object.keys(result.extraOutputs), ["orbit_metrics"]);
  await Deno.remove(out, { recursive: true });
});
