/**
 * Permission denied, for real: the CLI runs without the capabilities that let root ignore file
 * modes (setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding set; as another
 * user it runs as it is), against directories and files whose modes refuse it. Every refusal ends
 * with exit 5 and a sentence naming the path and the fix (read or write access, as the case
 * needs), never a stack trace; a resume that meets a run directory it cannot write leaves a
 * consistent manifest and, once the mode is fixed, finishes every run once.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../_support/engine.ts";
import { type CliResult, command } from "../_support/cli.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { completeLines } from "../_support/process.ts";
import { LEO, runGrid } from "../_support/sweep_tree.ts";

const SETPRIV = "/usr/bin/setpriv";
const isRoot = Deno.uid() === 0;
const hasSetpriv = (() => {
  try {
    return Deno.statSync(SETPRIV).isFile;
  } catch {
    return false;
  }
})();
const available = !isRoot || hasSetpriv;

/** The CLI without the right to ignore file modes. */
function unprivileged(args: string[]): Promise<CliResult> {
  const deno = [Deno.execPath(), "run", "-A", "--quiet", join(ROOT, "cli.ts"), ...args];
  const [program, ...rest] = isRoot
    ? [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--", ...deno]
    : deno;
  return command(program, rest, {
    cwd: ROOT,
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
  });
}

/** Exit 5 with one sentence: the path, `permission denied` and the fix; no stack, no JS error. */
function refused(r: CliResult, path: string, action: RegExp, access: "read" | "write"): void {
  assert.equal(r.code, 5, r.stdout + r.stderr);
  assert.match(r.stderr, action);
  assert.ok(
    r.stderr.includes(`${path}: permission denied; fix: give this user ${access} access`),
    r.stderr,
  );
  assert.doesNotMatch(r.stderr, /unexpected error| {4}at |PermissionDenied|os error/);
}

Deno.test({
  name:
    "permission denied: exit 5 naming the path and the fix, for outputs, manifests, scripts, tables and archives",
  ignore: ignoreUnless(available),
  fn: async () => {
    requireComponent(available, "setpriv (util-linux) to drop root's CAP_DAC_OVERRIDE");
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-permission-" });
    try {
      // A sweep whose output directory cannot be created: nothing to resume, so no resume hint.
      const locked = join(dir, "locked");
      await Deno.mkdir(locked, { mode: 0o555 });
      await Deno.chmod(locked, 0o555);
      const r1 = await unprivileged([
        "run",
        LEO,
        "--grid",
        "Sat.SMA=7000:7300:4",
        "--out",
        join(locked, "out"),
        "--engine",
        "builtin",
        "-q",
      ]);
      refused(r1, join(locked, "out"), /cannot create the output directory/, "write");
      assert.doesNotMatch(r1.stderr, /resume/);

      // An interrupted sweep (four of eight entries) whose first missing run's directory refuses
      // writing (entries are in completion order, so which runs are missing is read back).
      const out = join(dir, "sweep");
      const manifest = join(out, "manifest.jsonl");
      assert.equal((await runGrid(LEO, ["Sat.SMA=7000:7300:8"], out)).code, 0);
      const lines = completeLines(manifest);
      await Deno.writeTextFile(manifest, lines.slice(0, 5).join("\n") + "\n");
      const kept = new Set(lines.slice(1, 5).map((l) => JSON.parse(l).run_id as number));
      const id = [0, 1, 2, 3, 4, 5, 6, 7].find((i) => !kept.has(i))!;
      const runDir = join(out, `run-${id}`);
      await Deno.chmod(runDir, 0o555);
      const r2 = await unprivileged(["resume", manifest, "--script", LEO, "-q"]);
      refused(r2, runDir, new RegExp(`run ${id} cannot write`), "write");
      assert.match(r2.stderr, /gmat-sweep resume .*manifest\.jsonl --script /);
      const partway = completeLines(manifest).slice(1).map((l) => JSON.parse(l));
      assert.ok(partway.every((e) => e.run_id !== id), `run ${id} is not recorded`);
      assert.ok((await Deno.readTextFile(manifest)).endsWith("\n"), "no torn line");
      await Deno.chmod(runDir, 0o755);
      const r3 = await unprivileged(["resume", manifest, "--script", LEO, "-q"]);
      assert.equal(r3.code, 0, r3.stderr);
      const ok = new Map<number, number>();
      for (const e of completeLines(manifest).slice(1).map((l) => JSON.parse(l))) {
        if (e.status === "ok") ok.set(e.run_id, (ok.get(e.run_id) ?? 0) + 1);
      }
      assert.deepEqual([...ok.keys()].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.ok([...ok.values()].every((n) => n === 1), "every run ok exactly once");

      // A manifest it may not read: every reader says so.
      await Deno.chmod(manifest, 0o200);
      for (const args of [["show"], ["verify"], ["table", "--out", join(dir, "t.csv")]]) {
        const r = await unprivileged([args[0], manifest, ...args.slice(1)]);
        refused(r, manifest, /cannot open the manifest/, "read");
      }
      await Deno.chmod(manifest, 0o644);

      // A script it may not read.
      const script = join(dir, "private.script");
      await Deno.copyFile(LEO, script);
      await Deno.chmod(script, 0o200);
      const r4 = await unprivileged(["engine", script, "--out", join(dir, "engine-out")]);
      refused(r4, script, /cannot read script/, "read");
      const r5 = await unprivileged(["resume", manifest, "--script", script]);
      refused(r5, script, /cannot read script/, "read");

      // A table or an archive written into a directory it may not write: nothing left behind.
      const table = join(locked, "t.csv");
      refused(
        await unprivileged(["table", manifest, "--out", table]),
        table,
        /cannot write the table to/,
        "write",
      );
      const zip = join(locked, "a.zip");
      refused(
        await unprivileged(["archive", manifest, "--script", LEO, "--out", zip]),
        zip,
        /cannot write the archive to/,
        "write",
      );
      // A plot has no wrapper of its own: the CLI's last resort still names the path (exit 5).
      const svg = join(locked, "p.svg");
      refused(
        await unprivileged([
          "plot",
          "scatter",
          manifest,
          "--out",
          svg,
          "--x",
          "Sat.SMA",
          "--metric",
          "Sat.Earth.SMA",
        ]),
        svg,
        /cannot access/,
        "write",
      );
      assert.deepEqual([...Deno.readDirSync(locked)], []);

      // A run output it may not read is a damaged run, not a crash.
      const report = join(out, "run-2", "report__RF.parquet");
      await Deno.chmod(report, 0o200);
      const v = await unprivileged(["verify", manifest]);
      assert.equal(v.code, 3, v.stdout + v.stderr);
      assert.match(
        v.stdout,
        /^run 2: output_paths\.report__RF run-2\/report__RF\.parquet: unreadable/m,
      );
      await Deno.chmod(report, 0o644);
    } finally {
      await Deno.chmod(join(dir, "locked"), 0o755).catch(() => {});
      await Deno.remove(dir, { recursive: true });
    }
  },
});
