/**
 * Hooks that try to leave their sandbox: read a sibling run, write outside their run directory,
 * fetch a URL, read an environment variable, spawn a process. Each attempt must fail: the run
 * stays ok, the hook is `failed` with a permission error in the manifest and its log, and nothing
 * is written outside the run directory. A named grant lets the same hook through.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { filesUnder, sweepWithHook } from "./_support.ts";

const RUN_FILES = /^run-\d+\/(.*)$/;

async function assertEscapeFailed(
  exportName: string,
  says: RegExp,
  options: Parameters<typeof sweepWithHook>[1] = {},
) {
  const { dir, out, entries } = await sweepWithHook(exportName, options);
  try {
    assert.equal(entries.length, 2);
    for (const e of entries) {
      assert.equal(e.status, "ok", "the run itself stays ok");
      assert.equal(e.postprocess_status, "failed");
      assert.match(e.postprocess_error ?? "", says);
      assert.match(e.postprocess_error ?? "", /sandbox may read and write only its run directory/);
      assert.deepEqual(e.extra_outputs, {});
      assert.equal(e.stderr, null, "the engine's stderr is not the hook's");
      const log = await Deno.readTextFile(join(out, e.postprocess_log_path!));
      assert.match(log, says);
    }
    // Nothing outside the run directories but the manifest and the driver's lock file.
    for (const f of await filesUnder(out)) {
      assert.ok(
        f === "manifest.jsonl" || f === ".gmat-sweep.lock" || RUN_FILES.test(f),
        `unexpected file ${f}`,
      );
    }
    assert.deepEqual(
      await filesUnder(dir).then((fs) => fs.filter((f) => !f.startsWith("out/"))),
      [],
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a hook cannot read a sibling run's directory", async () => {
  await assertEscapeFailed("escapeRead", /NotCapable: Requires read access to ".*run-[01]"/);
});

Deno.test("a hook cannot write outside its run directory", async () => {
  await assertEscapeFailed(
    "escapeWrite",
    /NotCapable: Requires write access to ".*escaped-\d\.txt"/,
  );
});

Deno.test("a hook cannot fetch a URL", async () => {
  let requests = 0;
  await using server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () => {
    requests++;
    return new Response("secret");
  });
  const url = `http://127.0.0.1:${server.addr.port}/`;
  await assertEscapeFailed("escapeNet", /NotCapable: Requires net access to "127\.0\.0\.1:\d+"/, {
    contextProvider: () => ({ url }),
  });
  assert.equal(requests, 0);
});

Deno.test("a hook cannot read an environment variable", async () => {
  Deno.env.set("GMAT_SWEEP_HOOK_SECRET", "s3cret");
  await assertEscapeFailed(
    "escapeEnv",
    /NotCapable: Requires env access to "GMAT_SWEEP_HOOK_SECRET"/,
  );
});

Deno.test("a hook cannot spawn a process", async () => {
  await assertEscapeFailed("escapeRun", /NotCapable: Requires run access to "touch"/);
});

Deno.test("a named grant (env=NAME) lets the hook read exactly that variable", async () => {
  Deno.env.set("GMAT_SWEEP_HOOK_SECRET", "s3cret");
  const { dir, out, entries, sweep } = await sweepWithHook("escapeEnv", {
    postprocessPermissions: ["env=GMAT_SWEEP_HOOK_SECRET"],
  });
  try {
    assert.deepEqual((await sweep.manifest()).header.postprocess_permissions, [
      "env=GMAT_SWEEP_HOOK_SECRET",
    ]);
    for (const e of entries) {
      assert.equal(e.postprocess_status, "ok", e.postprocess_error ?? "");
      assert.equal(await Deno.readTextFile(join(out, e.extra_outputs.env)), "s3cret");
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
