/**
 * A manifest is untrusted input (an archive from a colleague, a file edited by hand): through the
 * real CLI and library, a hostile manifest reads no file outside its sweep and writes or deletes
 * nothing outside it. Three attacks on a real two-run sweep: a header `output_dir` of
 * `../victim` (resume would re-run a run there and empty `victim/run-1/`), output paths that climb
 * out or are absolute (`/etc/passwd`, `/proc/self/environ`, another sweep's Parquet, a symbolic
 * link), and a hook in the header (reading tables must never load it).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ManifestCorruptError, ManifestPathError } from "../../src/manifest/mod.ts";
import { lazyExtraOutputs, lazyOutputs, Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { LEO, runGrid, snapshot } from "../_support/sweep_tree.ts";

interface Lab {
  dir: string;
  study: string;
  victim: string;
  outside: string;
  lines: string[];
}

/** A real two-run sweep in `study/`, a `victim/` beside it and a foreign Parquet in `outside/`. */
async function lab(): Promise<Lab> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hostile-" });
  const study = join(dir, "study");
  const run = await runGrid(LEO, ["Sat.SMA=7000,7100"], study);
  assert.equal(run.code, 0, run.stderr);
  const other = await runGrid(LEO, ["Sat.SMA=9000"], join(dir, "other"));
  assert.equal(other.code, 0, other.stderr);
  const outside = join(dir, "outside");
  await Deno.mkdir(outside);
  await Deno.copyFile(
    join(dir, "other", "run-0", "report__RF.parquet"),
    join(outside, "f.parquet"),
  );
  const victim = join(dir, "victim");
  for (const id of [0, 1]) {
    await Deno.mkdir(join(victim, `run-${id}`), { recursive: true });
    await Deno.writeTextFile(join(victim, `run-${id}`, "keep.txt"), `precious ${id}\n`);
  }
  const [header, ...entries] = (await Deno.readTextFile(join(study, "manifest.jsonl"))).trimEnd()
    .split("\n");
  // Entries in run id order (the sweep wrote them in completion order).
  entries.sort((a, b) => JSON.parse(a).run_id - JSON.parse(b).run_id);
  return { dir, study, victim, outside, lines: [header, ...entries] };
}

/** Write a manifest made of (edited) lines into a directory of its own. */
async function hostile(l: Lab, name: string, lines: string[]): Promise<string> {
  const at = join(l.dir, name);
  await Deno.mkdir(at, { recursive: true });
  const path = join(at, "manifest.jsonl");
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  return path;
}

function edit(line: string, change: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(line);
  change(o);
  return JSON.stringify(o);
}

Deno.test("a header output_dir of ../victim: resume, verify and tables refuse; victim untouched", async () => {
  const l = await lab();
  const header = edit(l.lines[0], (h) => (h.output_dir = "../victim"));
  // Run 1 has no entry: a resume that believed the header would re-run it in victim/run-1/,
  // emptying that directory first.
  const manifest = await hostile(l, "a", [header, l.lines[1]]);
  const before = await snapshot(l.victim);
  const resume = await cli(["resume", manifest, "--script", LEO, "--engine", "builtin", "-q"]);
  assert.equal(resume.code, 3, resume.stderr);
  assert.match(resume.stderr, /header output_dir "\.\.\/victim" is not a directory inside/);
  assert.doesNotMatch(resume.stderr, /unexpected error| {4}at /);
  const verify = await cli(["verify", manifest]);
  assert.equal(verify.code, 3, verify.stderr);
  assert.match(verify.stderr, /output_dir/);
  const archive = await cli(["archive", manifest, "--script", LEO, "--out", join(l.dir, "a.zip")]);
  assert.equal(archive.code, 3, archive.stderr);
  await assert.rejects(lazyOutputs(manifest), ManifestCorruptError);
  await assert.rejects(Sweep.fromManifest(manifest, LEO), ManifestCorruptError);
  assert.deepEqual(await snapshot(l.victim), before, "nothing written or deleted in victim/");
  // An absolute output_dir is refused the same way.
  const abs = await hostile(l, "a2", [edit(l.lines[0], (h) => (h.output_dir = l.victim))]);
  assert.equal((await cli(["resume", abs, "--script", LEO, "-q"])).code, 3);
  assert.deepEqual(await snapshot(l.victim), before);
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("output paths out of the tree (../, /etc/passwd, /proc/self/environ, a link) are refused unread", async () => {
  const l = await lab();
  const foreign = join(l.outside, "f.parquet");
  const entries = [
    edit(l.lines[1], (e) => {
      e.output_paths = { report__RF: "../outside/f.parquet" };
      e.output_digests = {};
    }),
    edit(l.lines[2], (e) => {
      e.output_paths = { report__RF: "/etc/passwd" };
      e.extra_outputs = { env: "/proc/self/environ" };
      e.output_digests = {};
    }),
  ];
  const manifest = await hostile(l, "b", [l.lines[0], ...entries]);
  const before = await snapshot(l.dir);

  for (const read of [() => lazyOutputs(manifest), () => lazyExtraOutputs(manifest, "env")]) {
    await assert.rejects(
      read,
      (e) =>
        e instanceof ManifestPathError &&
        /resolves outside the output directory/.test(e.message) && /fix: /.test(e.message),
    );
  }
  const sweep = await Sweep.fromManifest(manifest, LEO);
  await assert.rejects(sweep.toTable(), ManifestPathError);
  const verify = await cli(["verify", manifest]);
  assert.equal(verify.code, 3, verify.stderr);
  assert.match(verify.stdout, /run 0: output_paths\.report__RF \.\.\/outside\/f\.parquet: outside/);
  assert.match(verify.stdout, /run 1: output_paths\.report__RF \/etc\/passwd: outside/);
  assert.match(verify.stdout, /run 1: extra_outputs\.env \/proc\/self\/environ: outside/);
  assert.doesNotMatch(verify.stdout, /root:|PATH=/, "nothing of those files is shown");
  const archive = await cli(["archive", manifest, "--script", LEO, "--out", join(l.dir, "b.zip")]);
  assert.equal(archive.code, 2, archive.stderr);
  assert.match(archive.stderr, /outside the output directory/);

  // A link inside the tree that points out of it is refused the same way.
  const linked = join(l.study, "run-0", "report__RF.parquet");
  await Deno.remove(linked);
  await Deno.symlink(foreign, linked);
  await assert.rejects(
    lazyOutputs(join(l.study, "manifest.jsonl")),
    (e) => e instanceof ManifestPathError && /is a link to .*outside/.test(e.message),
  );
  const linkVerify = await cli(["verify", join(l.study, "manifest.jsonl")]);
  assert.equal(linkVerify.code, 3);
  assert.match(linkVerify.stdout, /run 0: .* outside \(.*is a link to/);
  const linkArchive = await cli([
    "archive",
    join(l.study, "manifest.jsonl"),
    "--script",
    LEO,
    "--out",
    join(l.dir, "link.zip"),
  ]);
  assert.equal(linkArchive.code, 2, linkArchive.stderr);
  assert.match(linkArchive.stderr, /is a link to .*f\.parquet, outside the output directory/);
  await Deno.remove(linked);
  await Deno.copyFile(join(l.dir, "other", "run-0", "report__RF.parquet"), linked);

  // Nothing was written or deleted anywhere (the archive's temp file included).
  const after = await snapshot(l.dir);
  for (const [k, v] of before) {
    if (k.startsWith("study/run-0/report__RF")) continue;
    assert.equal(after.get(k), v, `${k} unchanged`);
  }
  for (const k of after.keys()) assert.ok(before.has(k), `${k} was not created`);
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("a hook in the header is never loaded to read tables, show or verify; resume refuses it before any run", async () => {
  const l = await lab();
  // A module that, were it ever imported, leaves a marker and fails.
  const marker = join(l.dir, "LOADED");
  const evil = join(l.dir, "evil.ts");
  await Deno.writeTextFile(
    evil,
    `Deno.writeTextFileSync(${JSON.stringify(marker)}, "x");\n` +
      `throw new Error("loaded");\nexport const f = () => ({});\n`,
  );
  const header = edit(l.lines[0], (h) => (h.postprocess = `file://${evil}#f`));
  const manifest = join(l.study, "manifest.jsonl");
  await Deno.writeTextFile(manifest, [header, l.lines[1], l.lines[2]].join("\n") + "\n");

  const sweep = await Sweep.fromManifest(manifest, LEO);
  assert.equal(sweep.hookSpecifier, `file://${evil}#f`);
  const table = await sweep.toTable({ onWarning: (w) => assert.fail(w) });
  assert.deepEqual(new Set(table.getChild("__status")!.toArray()), new Set(["ok"]));
  assert.ok((await lazyOutputs(manifest)).numRows > 2);
  assert.equal((await cli(["show", manifest, "--run", "1"])).code, 0);
  const verify = await cli(["verify", manifest]);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);

  // Resume of run 1 (its entry dropped) must load the hook: refused before any run.
  await Deno.writeTextFile(manifest, [header, l.lines[1]].join("\n") + "\n");
  const before = await snapshot(l.study, [".gmat-sweep.lock"]);
  const resume = await cli(["resume", manifest, "--script", LEO, "--engine", "builtin", "-q"]);
  assert.equal(resume.code, 2, resume.stderr);
  assert.match(resume.stderr, /records the postprocess hook .*evil\.ts#f/);
  assert.deepEqual(await snapshot(l.study, [".gmat-sweep.lock"]), before, "no run started");
  await assert.rejects(Deno.stat(marker), Deno.errors.NotFound, "the hook never ran unsandboxed");
  await Deno.remove(l.dir, { recursive: true });
});
