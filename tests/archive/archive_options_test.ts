/**
 * What goes into an archive and what is refused, on a hand-written sweep tree (no engine): whole
 * run directories or only referenced files, superseded attempts kept in the manifest, Python-style
 * absolute paths made relative, and each refusal (script drift, a missing run file, a path outside
 * the output directory, a missing script or output directory, an archive inside a run directory)
 * naming the file, with no archive or temporary file left behind.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ScriptDriftError } from "../../mod.ts";
import { ArchiveError, archiveSweep } from "../../src/archive/mod.ts";
import {
  fakeSweep,
  IGNORE_WITHOUT_UNZIP,
  requireUnzip,
  run,
  unzipInto,
  zipMembers,
} from "./_support.ts";

async function listDir(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test({
  name: "archive: whole run directories by default, referenced files with runFiles: referenced",
  ignore: IGNORE_WITHOUT_UNZIP,
  fn: async () => {
    requireUnzip();
    const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-" });
    const s = await fakeSweep(join(root, "s"));
    const opts = { manifestPath: s.manifest, scriptPath: s.script };
    const all = await archiveSweep({ ...opts, out: join(root, "all.zip") });
    assert.deepEqual(await zipMembers(all.out), [
      "MANIFEST.hash",
      "README.md",
      "manifest.jsonl",
      "runs/run-0/report__RF.parquet",
      "runs/run-0/sat.report",
      "runs/run-0/worker.log",
      "runs/run-1/sat.report",
      "runs/run-1/worker.log",
      "script/mission.script",
    ]);
    assert.equal(all.runs, 2);
    const ref = await archiveSweep({ ...opts, out: join(root, "ref.zip"), runFiles: "referenced" });
    assert.deepEqual(await zipMembers(ref.out), [
      "MANIFEST.hash",
      "README.md",
      "manifest.jsonl",
      "runs/run-0/report__RF.parquet",
      "runs/run-0/worker.log",
      "runs/run-1/worker.log",
      "script/mission.script",
    ]);
    const bundle = await unzipInto(ref.out, join(root, "ref"));
    const check = await run("sha256sum", ["-c", "MANIFEST.hash"], bundle);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    // Every attempt is kept: header + 3 entry lines, as in the original.
    const lines = (await Deno.readTextFile(join(bundle, "manifest.jsonl"))).trimEnd().split("\n");
    const original = (await Deno.readTextFile(s.manifest)).trimEnd().split("\n");
    assert.deepEqual(lines.slice(1), original.slice(1));
    assert.equal(JSON.parse(lines[0]).script_path, "script/mission.script");
    const readme = await Deno.readTextFile(join(bundle, "README.md"));
    assert.match(readme, /Runs recorded: 2 \(1 ok, 1 failed\)/);
    assert.match(readme, /the files the manifest names for each recorded run/);
    await Deno.remove(root, { recursive: true });
  },
});

Deno.test({
  name: "archive: absolute (Python-style) paths become relative to runs/, other bytes unchanged",
  ignore: IGNORE_WITHOUT_UNZIP,
  fn: async () => {
    requireUnzip();
    const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-" });
    const dir = join(root, "py");
    const s = await fakeSweep(dir, (list) =>
      list.map((e) => ({
        ...e,
        log_path: e.log_path === null ? null : join(dir, e.log_path),
        output_paths: Object.fromEntries(
          Object.entries(e.output_paths).map(([k, p]) => [k, join(dir, p)]),
        ),
      })));
    const res = await archiveSweep({
      manifestPath: s.manifest,
      scriptPath: s.script,
      out: join(root, "py.zip"),
    });
    const text = (await run("unzip", ["-p", res.out, "manifest.jsonl"])).stdout;
    const original = await Deno.readTextFile(s.manifest);
    assert.ok(!text.includes(dir), text);
    const back = original.split("\n").slice(1).join("\n").replaceAll(`${dir}/`, "");
    assert.equal(text.split("\n").slice(1).join("\n"), back);
    await Deno.remove(root, { recursive: true });
  },
});

Deno.test("archive: refusals name the file and leave nothing behind", async () => {
  const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-" });
  const s = await fakeSweep(join(root, "s"));
  const out = join(root, "out", "study.zip");
  await Deno.mkdir(join(root, "out"));
  const opts = { manifestPath: s.manifest, scriptPath: s.script, out };
  const code = (c: string, re: RegExp) => (e: unknown) =>
    e instanceof ArchiveError && e.code === c && re.test(e.message);

  // Script drift: refused, or bundled with a warning when allowed.
  const other = join(root, "other.script");
  await Deno.writeTextFile(other, "Create Spacecraft Other;\n");
  await assert.rejects(
    () => archiveSweep({ ...opts, scriptPath: other }),
    (e) => e instanceof ScriptDriftError && /--allow-script-drift/.test(e.message),
  );
  const warnings: string[] = [];
  await archiveSweep({
    ...opts,
    scriptPath: other,
    allowScriptDrift: true,
    onWarning: (w) => warnings.push(w),
  });
  assert.match(warnings.join(), /script drift/);
  await Deno.remove(out);

  await assert.rejects(
    () => archiveSweep({ ...opts, scriptPath: join(root, "nope.script") }),
    code("ARCHIVE_SCRIPT_NOT_FOUND", /nope\.script: cannot read the script.*fix: pass the script/),
  );
  await assert.rejects(
    () => archiveSweep({ ...opts, outputDir: join(root, "no-such-dir") }),
    code("ARCHIVE_OUTPUT_DIR_NOT_FOUND", /no-such-dir: the output directory does not exist/),
  );
  await assert.rejects(
    () => archiveSweep({ ...opts, out: join(s.dir, "run-1", "x.zip") }),
    code("ARCHIVE_OUT_PATH", /inside a run directory/),
  );
  await assert.rejects(
    () => archiveSweep({ ...opts, out: join(root, "missing-dir", "x.zip") }),
    code("ARCHIVE_OUT_PATH", /missing-dir does not exist/),
  );

  // A file the latest entry of a run names is missing.
  const parquet = join(s.dir, "run-0", "report__RF.parquet");
  await Deno.remove(parquet);
  await assert.rejects(
    () => archiveSweep(opts),
    code(
      "ARCHIVE_RUN_FILE_MISSING",
      /report__RF\.parquet: run 0's output_paths\.report__RF \(recorded in .*manifest\.jsonl\)/,
    ),
  );
  assert.deepEqual(await listDir(join(root, "out")), []);

  // A path that climbs out of the output directory.
  const t = await fakeSweep(
    join(root, "t"),
    (list) => list.map((e) => e.run_id === 1 ? { ...e, log_path: "../../etc/passwd" } : e),
  );
  await assert.rejects(
    () => archiveSweep({ manifestPath: t.manifest, scriptPath: t.script, out }),
    code("ARCHIVE_PATH_OUTSIDE", /manifest\.jsonl: line 3 \(run 1\): log_path "\.\.\/\.\.\/etc/),
  );
  assert.deepEqual(await listDir(join(root, "out")), []);
  await Deno.remove(root, { recursive: true });
});

Deno.test("archive: files of superseded attempts are optional", async () => {
  const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-" });
  // Run 0's failed first attempt named a log that the retry removed.
  const s = await fakeSweep(
    join(root, "s"),
    (list) => list.map((e, i) => i === 0 ? { ...e, log_path: "run-0/attempt-1.log" } : e),
  );
  const res = await archiveSweep({
    manifestPath: s.manifest,
    scriptPath: s.script,
    out: join(root, "s.zip"),
  });
  assert.ok(!res.members.includes("runs/run-0/attempt-1.log"));
  assert.ok(res.members.includes("runs/run-0/worker.log"));
  await Deno.remove(root, { recursive: true });
});
