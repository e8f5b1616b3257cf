/**
 * The archive's Must-show, on a real sweep run by the built-in engine: two archives of the same
 * sweep are byte-identical (also after every file's mtime and mode changed, and after the study
 * moved to another directory); the real `sha256sum -c MANIFEST.hash` passes on the archive
 * unpacked by the real `unzip`; the unpacked archive, with the original sweep deleted, aggregates
 * to the same table and resumes (nothing to do, then one run whose entry was removed).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { lazyOutputs, readManifest, Sweep, sweep } from "../../mod.ts";
import { archiveSweep } from "../../src/archive/mod.ts";
import { fixture } from "../_support/engine.ts";
import {
  IGNORE_WITHOUT_UNZIP,
  requireUnzip,
  run,
  tableData,
  unzipInto,
  zipMembers,
} from "./_support.ts";

const LEO = fixture("scripts/leo_basic.script");

async function touchAll(dir: string, when: Date, mode: number): Promise<number> {
  let n = 0;
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) n += await touchAll(path, when, mode);
    else {
      await Deno.utime(path, when, when);
      await Deno.chmod(path, mode);
      n++;
    }
  }
  return n;
}

Deno.test({
  name: "an archive is byte-deterministic, passes sha256sum -c and aggregates and resumes " +
    "unpacked elsewhere",
  ignore: IGNORE_WITHOUT_UNZIP,
  fn: async () => {
    requireUnzip();
    const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-" });
    const study = join(root, "study");
    const res = await sweep(LEO, {
      grid: { "Sat.SMA": [7000, 7100, 7200, 7300] },
      outputDir: study,
      engine: "builtin",
      workers: 2,
    });
    assert.equal(res.summary.ok, 4);
    const original = tableData(res.table!);
    const manifestPath = join(study, "manifest.jsonl");
    const opts = { manifestPath, scriptPath: LEO };

    // Same sweep twice, with every file's mtime and mode changed in between: same bytes.
    const a1 = await archiveSweep({ ...opts, out: join(root, "a1.zip") });
    const touched = await touchAll(study, new Date("2031-05-06T07:08:09Z"), 0o600);
    assert.ok(touched >= 17, `touched ${touched} files`);
    const a2 = await archiveSweep({ ...opts, out: join(root, "a2.zip") });
    const bytes1 = await Deno.readFile(a1.out);
    assert.deepEqual(await Deno.readFile(a2.out), bytes1);
    assert.equal(a1.bytes, bytes1.length);

    // The study moved to another directory: the same bytes again.
    const moved = join(root, "elsewhere", "renamed-study");
    await Deno.mkdir(join(root, "elsewhere"));
    assert.equal((await run("cp", ["-r", study, moved])).code, 0);
    const a3 = await archiveSweep({
      manifestPath: join(moved, "manifest.jsonl"),
      scriptPath: LEO,
      out: join(root, "a3.zip"),
    });
    assert.deepEqual(await Deno.readFile(a3.out), bytes1);

    // Layout: sorted members, hash file first; every run's files (raw GMAT report too).
    const members = await zipMembers(a1.out);
    assert.deepEqual(members, a1.members);
    assert.deepEqual(members.slice(0, 3), ["MANIFEST.hash", "README.md", "manifest.jsonl"]);
    assert.equal(members.at(-1), "script/leo_basic.script");
    for (const id of [0, 1, 2, 3]) {
      for (const f of ["report__RF.parquet", "worker.log", "sat.report", "leo_basic.script"]) {
        assert.ok(members.includes(`runs/run-${id}/${f}`), `runs/run-${id}/${f} in ${members}`);
      }
    }
    // Fixed modes and timestamps, as zipinfo reports them.
    const info = await run("zipinfo", [a1.out]);
    const rows = info.stdout.split("\n").filter((l) => l.startsWith("-"));
    assert.equal(rows.length, members.length);
    for (const row of rows) assert.match(row, /^-rw-r--r-- .* unx .* 26-Jan-01 00:00 /);

    // The original sweep is gone: everything below reads the unpacked archive only.
    const originalLines = (await Deno.readTextFile(manifestPath)).split("\n");
    await Deno.remove(study, { recursive: true });
    await Deno.remove(moved, { recursive: true });
    const bundle = await unzipInto(a1.out, join(root, "unpacked", "bundle"));
    const check = await run("sha256sum", ["-c", "--strict", "MANIFEST.hash"], bundle);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const listed = check.stdout.trim().split("\n");
    assert.equal(listed.length, members.length - 1);
    assert.ok(listed.every((l) => l.endsWith(": OK")), check.stdout);

    // The manifest: the header's script_path changed and output_dir (the run tree) was added;
    // every other byte as written.
    const bundleLines = (await Deno.readTextFile(join(bundle, "manifest.jsonl"))).split("\n");
    assert.equal(bundleLines.length, originalLines.length);
    assert.deepEqual(bundleLines.slice(1), originalLines.slice(1));
    assert.equal(
      bundleLines[0],
      originalLines[0]
        .replace(/"script_path": "[^"]*"/, '"script_path": "script/leo_basic.script"')
        .replace('"parameter_spec": ', '"output_dir": "runs", "parameter_spec": '),
    );
    assert.match(
      await Deno.readTextFile(join(bundle, "README.md")),
      /gmat-sweep resume manifest\.jsonl --script script\/leo_basic\.script --output-dir runs/,
    );

    // Aggregation from the bundle: the same table, value for value, with or without naming the
    // run tree (the header's output_dir says where it is).
    const reopened = await Sweep.fromManifest(
      join(bundle, "manifest.jsonl"),
      join(bundle, "script", "leo_basic.script"),
      { outputDir: join(bundle, "runs"), workers: 1 },
    );
    assert.deepEqual(tableData(await reopened.toTable()), original);
    const plain = await Sweep.fromManifest(
      join(bundle, "manifest.jsonl"),
      join(bundle, "script", "leo_basic.script"),
    );
    assert.equal(plain.outputDir, join(bundle, "runs"));
    assert.deepEqual(tableData(await plain.toTable()), original);
    const lazy = await lazyOutputs(join(bundle, "manifest.jsonl"));
    assert.deepEqual(tableData(lazy), original);

    // Resume: nothing to do, and the archive's files are untouched.
    const nothing = await reopened.resume();
    assert.equal(nothing.ran, 0);
    assert.equal((await run("sha256sum", ["-c", "--quiet", "MANIFEST.hash"], bundle)).code, 0);

    // Drop run 2's entry and directory: resume re-runs exactly it, and the table is the same.
    const manifestText = await Deno.readTextFile(join(bundle, "manifest.jsonl"));
    const kept = manifestText.split("\n").filter((l) => !l.includes('"run_id": 2,'));
    assert.equal(kept.length, bundleLines.length - 1);
    await Deno.writeTextFile(join(bundle, "manifest.jsonl"), kept.join("\n"));
    await Deno.remove(join(bundle, "runs", "run-2"), { recursive: true });
    const again = await Sweep.fromManifest(
      join(bundle, "manifest.jsonl"),
      join(bundle, "script", "leo_basic.script"),
      { outputDir: join(bundle, "runs"), workers: 1 },
    );
    const one = await again.resume();
    assert.deepEqual([one.ran, one.ok], [1, 1]);
    const after = await readManifest(join(bundle, "manifest.jsonl"));
    assert.deepEqual(after.entries.map((e) => e.run_id).sort(), [0, 1, 2, 3]);
    // Run 2's new paths are relative to runs/, like the archived ones.
    assert.equal(
      after.entries.find((e) => e.run_id === 2)!.output_paths.report__RF,
      "run-2/report__RF.parquet",
    );
    const resumed = tableData(await again.toTable());
    assert.deepEqual(resumed.names, original.names);
    // The re-run reproduces run 2 (the built-in engine is deterministic): same values.
    assert.deepEqual(resumed.columns, original.columns);

    await Deno.remove(root, { recursive: true });
  },
});
