/**
 * Disk full, for real: a sweep into a 256 KiB tmpfs (mounted by the test, as root) runs out of
 * space part-way. The CLI ends with exit code 5 and a message naming the path, the fix and the
 * resume command, never a stack trace; the manifest is consistent and every entry recorded ok has
 * its files (`verify` passes). Once the file system is grown, `resume` finishes the sweep: every
 * run exactly once ok. A manifest on a read-only file system ends the same way.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ignoreUnless, IN_CI, requireComponent } from "../_support/components.ts";
import { cli } from "../_support/cli.ts";
import { completeLines } from "../_support/process.ts";
import { LEO, runGrid } from "../_support/sweep_tree.ts";

/** Whether this process can mount a tmpfs (root, with `mount` on the PATH). */
function canMount(): boolean {
  try {
    return Deno.uid() === 0 &&
      new Deno.Command("mount", { args: ["--version"], stdout: "null", stderr: "null" })
        .outputSync().success;
  } catch {
    return false;
  }
}
const CAN_MOUNT = canMount();

async function sh(cmd: string, args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
}

/** Run `fn` with a tmpfs of `size` mounted on a fresh directory; always unmounted after. */
async function withTmpfs(size: string, fn: (mnt: string) => Promise<void>): Promise<void> {
  const mnt = await Deno.makeTempDir({ prefix: "gmat-sweep-tmpfs-" });
  await sh("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", mnt]);
  try {
    await fn(mnt);
  } finally {
    await sh("umount", ["-l", mnt]);
    await Deno.remove(mnt, { recursive: true });
  }
}

Deno.test({
  name: "a tmpfs too small: exit 5 naming the path, a consistent manifest, then a clean resume",
  ignore: ignoreUnless(CAN_MOUNT),
  fn: async () => {
    requireComponent(CAN_MOUNT || !IN_CI, "root and mount(8) for a real tmpfs");
    await withTmpfs("256k", async (mnt) => {
      const out = join(mnt, "out");
      const manifest = join(out, "manifest.jsonl");
      const N = 64;
      const workers = ["--workers", "2"];
      const full = await runGrid(LEO, [`Sat.SMA=7000:7300:${N}`], out, workers);
      assert.equal(full.code, 5, `${full.stdout}\n${full.stderr}`);
      assert.match(full.stderr, new RegExp(`${mnt}/out`), "the message names the path");
      assert.match(full.stderr, /no space left on the device/);
      assert.match(full.stderr, /fix: free space/);
      assert.match(full.stderr, /gmat-sweep resume .*manifest\.jsonl --script /);
      assert.doesNotMatch(full.stderr, /unexpected error| {4}at |Stack/);

      // Consistent: complete lines only, fewer than N, and every ok entry has its files.
      const text = await Deno.readTextFile(manifest);
      assert.ok(text.endsWith("\n"), "no torn line left behind");
      const entries = completeLines(manifest).slice(1).map((l) => JSON.parse(l));
      assert.ok(entries.length < N, `${entries.length} entries`);
      const verify = await cli(["verify", manifest]);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);

      // Grow the file system; resume finishes: every run once, ok.
      await sh("mount", ["-o", "remount,size=32m", mnt]);
      const resume = await cli(["resume", manifest, "--script", LEO, "-q", ...workers]);
      assert.equal(resume.code, 0, resume.stderr);
      const ok = new Map<number, number>();
      for (const e of completeLines(manifest).slice(1).map((l) => JSON.parse(l))) {
        if (e.status === "ok") ok.set(e.run_id, (ok.get(e.run_id) ?? 0) + 1);
      }
      assert.equal(ok.size, N, "every run ok");
      assert.ok([...ok.values()].every((n) => n === 1), "no run recorded ok twice");
      assert.equal((await cli(["verify", manifest])).code, 0);
    });
  },
});

Deno.test({
  name: "a read-only file system: exit 5 naming the path before any run",
  ignore: ignoreUnless(CAN_MOUNT),
  fn: async () => {
    requireComponent(CAN_MOUNT || !IN_CI, "root and mount(8) for a real tmpfs");
    await withTmpfs("1m", async (mnt) => {
      await sh("mount", ["-o", "remount,ro", mnt]);
      const r = await runGrid(LEO, ["Sat.SMA=7000,7100"], join(mnt, "out"));
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, new RegExp(`${mnt}/out: the file system is read-only; fix: `));
      assert.doesNotMatch(r.stderr, /unexpected error| {4}at /);
    });
  },
});
