/**
 * Hooks across resume: the manifest's hook is re-applied to the runs a resume does (without being
 * passed again), a resume cannot switch or add a hook, a manifest whose hook no longer loads is an
 * error before any run, and run contexts are recorded, restored for retried runs, and supplied by
 * the context provider for runs that never ran.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { HookError } from "../../src/hooks/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { lazyExtraOutputs, Sweep, SweepConfigError } from "../../src/sweep/mod.ts";
import { LEO, PROBES } from "./_support.ts";

const GRID = gridRunSet({ "Sat.SMA": [7000, 7050, 7100, 7150, 7200, 7250] });

/** Run the grid with the echo hook, aborting after `stopAfter` entries. */
async function interrupted(dir: string, hookPath: string, stopAfter: number) {
  const out = join(dir, "out");
  const abort = new AbortController();
  const sweep = await Sweep.create(LEO, GRID, {
    outputDir: out,
    manifestPath: join(dir, "manifests", "m.jsonl"),
    engine: "builtin",
    workers: 1,
    postprocess: `${hookPath}#echo`,
    contextProvider: ({ runId }) => ({ arm: "baseline", k: runId * 2 }),
    onProgress: (p) => {
      if (p.done >= stopAfter) abort.abort();
    },
  });
  const summary = await sweep.run(abort.signal);
  assert.ok(summary.interrupted);
  return { out, sweep };
}

Deno.test("resume re-applies the manifest's hook and restores or supplies contexts", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-resume-" });
  const { out, sweep } = await interrupted(dir, PROBES, 2);
  const before = (await sweep.manifest()).entries;
  assert.ok(before.length >= 2 && before.length < 6, `${before.length} entries at the stop`);
  for (const e of before) {
    assert.equal(e.postprocess_status, "ok");
    assert.deepEqual(e.context, { arm: "baseline", k: e.run_id * 2 });
  }
  // Reopen with the output tree elsewhere than the manifest, no hook passed, another provider.
  const reopened = await Sweep.fromManifest(sweep.manifestPath, LEO, {
    outputDir: out,
    contextProvider: ({ runId }) => ({ arm: "resumed", k: runId }),
  });
  const loaded = () => reopened.hook?.specifier.text;
  assert.equal(reopened.hookSpecifier, `file://${PROBES}#echo`);
  assert.equal(loaded(), undefined, "reopening does not load the hook");
  const summary = await reopened.resume();
  assert.equal(loaded(), `file://${PROBES}#echo`, "resume loaded it");
  assert.equal(summary.ran, 6 - before.length);
  const entries = (await reopened.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
  assert.equal(entries.length, 6);
  for (const e of entries) {
    assert.equal(e.status, "ok");
    assert.equal(e.postprocess_status, "ok", "the recorded hook ran on resumed runs too");
    assert.equal(e.postprocess, `file://${PROBES}#echo`);
    const resumed = !before.some((b) => b.run_id === e.run_id);
    assert.deepEqual(
      e.context,
      resumed ? { arm: "resumed", k: e.run_id } : {
        arm: "baseline",
        k: e.run_id * 2,
      },
    );
    const echo = JSON.parse(await Deno.readTextFile(join(out, e.extra_outputs.echo)));
    assert.deepEqual(echo.spec.context, e.context, "the hook saw the recorded context");
  }
  // The extra outputs, from the manifest alone.
  await assert.rejects(
    lazyExtraOutputs(reopened.manifestPath, "orbit", { outputDir: out }),
    /No run registered the hook output 'orbit'; registered outputs: echo/,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a retried failed run keeps its recorded context", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-retry-" });
  const out = join(dir, "out");
  // Run 1 fails (a parabolic orbit has no Keplerian state), with a context from the provider.
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.ECC": [0.001, 1] }), {
    outputDir: out,
    engine: "builtin",
    workers: 1,
    postprocess: `${PROBES}#echo`,
    contextProvider: ({ runId }) => ({ tag: `first-${runId}` }),
  });
  await sweep.run();
  const first = (await sweep.manifest()).entries.find((e) => e.run_id === 1)!;
  assert.equal(first.status, "failed");
  assert.equal(first.postprocess_status, "none", "no hook on a failed run");
  assert.deepEqual(first.context, { tag: "first-1" });
  const reopened = await Sweep.fromManifest(sweep.manifestPath, LEO, {
    contextProvider: () => ({ tag: "provider" }),
  });
  await reopened.resume();
  const retried = (await reopened.manifest()).entries.filter((e) => e.run_id === 1).at(-1)!;
  assert.equal(retried.attempt, 2);
  assert.deepEqual(retried.context, { tag: "first-1" });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a resume cannot switch or add a hook", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-switch-" });
  const { sweep } = await interrupted(dir, PROBES, 1);
  await assert.rejects(
    Sweep.fromManifest(sweep.manifestPath, LEO, {
      outputDir: join(dir, "out"),
      postprocess: `${PROBES}#throws`,
    }),
    (e) =>
      e instanceof SweepConfigError &&
      /records the hook .*#echo; a resume re-applies/.test(e.message),
  );
  // The same hook, named again, is accepted.
  const same = await Sweep.fromManifest(sweep.manifestPath, LEO, {
    outputDir: join(dir, "out"),
    postprocess: `${PROBES}#echo`,
  });
  assert.equal(same.hookSpecifier, `file://${PROBES}#echo`);
  const plain = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000] }), {
    outputDir: join(dir, "plain"),
    engine: "builtin",
  });
  await plain.run();
  await assert.rejects(
    Sweep.fromManifest(plain.manifestPath, LEO, { postprocess: `${PROBES}#echo` }),
    /records no postprocess hook, so a resume cannot add/,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a manifest whose hook no longer loads is an error before any run", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-gone-" });
  const hook = join(dir, "pipeline.ts");
  await Deno.copyFile(PROBES, hook);
  await Deno.writeTextFile(
    hook,
    (await Deno.readTextFile(hook)).replaceAll(
      "../../hook.ts",
      new URL("../../hook.ts", import.meta.url).href,
    ),
  );
  const { sweep } = await interrupted(dir, hook, 2);
  const count = (await sweep.manifest()).entries.length;
  await Deno.remove(hook);
  // Reopening (tables, show) never loads the hook; resume must, and refuses before any run.
  const reopened = await Sweep.fromManifest(sweep.manifestPath, LEO, {
    outputDir: join(dir, "out"),
  });
  await assert.rejects(
    reopened.resume(),
    (e) =>
      e instanceof HookError && e.code === "HOOK_NOT_FOUND" &&
      /records the postprocess hook .*pipeline\.ts#echo, which a resume must re-apply, but it no longer loads/
        .test(e.message),
  );
  assert.equal((await sweep.manifest()).entries.length, count, "nothing ran");
  await Deno.remove(dir, { recursive: true });
});
