/**
 * Hooks that misbehave without escaping: one that throws, hangs, spins, returns a path outside
 * its run directory, or returns a file it never wrote. Each is a recorded hook failure with a
 * clear reason; the runs stay ok and the sweep completes. And hooks that cannot be used at all
 * (missing module, missing or non-function export) stop the sweep before any run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { HookError } from "../../src/hooks/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { LEO, ownHosts, PROBES, sweepWithHook } from "./_support.ts";

async function assertHookFailed(
  exportName: string,
  says: RegExp,
  options: Parameters<typeof sweepWithHook>[1] = {},
) {
  const { dir, out, entries } = await sweepWithHook(exportName, options);
  try {
    assert.equal(entries.length, 2, "the sweep completes");
    for (const e of entries) {
      assert.equal(e.status, "ok");
      assert.equal(e.postprocess_status, "failed");
      assert.match(e.postprocess_error ?? "", says);
      assert.deepEqual(e.extra_outputs, {});
      assert.ok(Object.keys(e.output_paths).length > 0, "the engine's outputs are kept");
      const log = await Deno.readTextFile(join(out, e.postprocess_log_path!));
      assert.match(log, /: failed\n/);
      assert.match(log, says);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a hook that throws: its error and stack are recorded, the runs stay ok", async () => {
  await assertHookFailed("throws", /RangeError: radius out of range in run hook/);
  const { dir, out, entries } = await sweepWithHook("throws", {}, 1);
  assert.equal(entries[0].postprocess_error, "RangeError: radius out of range in run hook");
  const log = await Deno.readTextFile(join(out, entries[0].postprocess_log_path!));
  assert.match(log, /at throws \(file:\/\/.*probes\.ts:\d+:\d+\)/, "the stack names the hook");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that never settles is stopped at its timeout", async () => {
  await assertHookFailed("hangs", /did not return within 1 s and was stopped/, {
    postprocessTimeoutS: 1,
  });
});

Deno.test("a hook in a busy loop is stopped at its timeout", async () => {
  await assertHookFailed("spins", /did not return within 1 s and was stopped/, {
    postprocessTimeoutS: 1,
  });
});

Deno.test("a hook returning a path outside its run directory fails", async () => {
  await assertHookFailed("outsidePath", /leak -> .* which is outside the run directory/);
});

Deno.test("a hook returning a file it never wrote fails", async () => {
  await assertHookFailed("missingFile", /ghost -> .*ghost\.parquet, which does not exist/);
});

Deno.test("a hook that cannot be used stops the sweep before any run", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-bad-" });
  const cases: [string, string, RegExp][] = [
    [
      `${join(dir, "nope.ts")}#f`,
      "HOOK_NOT_FOUND",
      /the hook module cannot be loaded: .*not found/i,
    ],
    [`${PROBES}#noSuchExport`, "HOOK_EXPORT", /has no export 'noSuchExport'/],
    [`${PROBES}#notAFunction`, "HOOK_EXPORT", /export 'notAFunction' is a number, not a function/],
    ["./x.ts#not-an-identifier", "HOOK_SPEC", /is not a JavaScript identifier/],
  ];
  for (const [spec, code, says] of cases) {
    await t.step(code + " " + spec.split("#")[1], async () => {
      const out = join(dir, "out");
      await assert.rejects(
        Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000] }), {
          outputDir: out,
          engine: "builtin",
          postprocess: spec,
        }),
        (e) => e instanceof HookError && e.code === code && says.test(e.message),
      );
      await assert.rejects(Deno.stat(out), Deno.errors.NotFound, "nothing ran");
    });
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("the default export is the hook when the specifier has no #", async () => {
  const { dir, out, entries, sweep } = await sweepWithHook("default", {}, 6);
  try {
    assert.equal(await ownHosts(out), 0, "no sandbox host outlives its sweep");
    assert.match((await sweep.manifest()).header.postprocess!, /^file:\/\/.*probes\.ts#default$/);
    for (const e of entries) {
      assert.equal(e.postprocess_status, "ok");
      const echo = JSON.parse(await Deno.readTextFile(join(out, e.extra_outputs.echo)));
      assert.equal(echo.spec.runId, e.run_id);
      assert.equal(echo.spec.outputDir, join(out, `run-${e.run_id}`));
      assert.deepEqual(echo.spec.overrides, e.overrides);
      assert.deepEqual(echo.keys, ["report__RF"]);
      const log = await Deno.readTextFile(join(out, e.postprocess_log_path!));
      assert.match(log, new RegExp(`^echo ${e.run_id}$`, "m"), "console output goes to the log");
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
