/**
 * Helpers of the archive tests: running real commands (`unzip`, `sha256sum`, `zipinfo`), whether
 * `unzip` is installed (Debian package `unzip`, installed by scripts/install_test_deps.sh), the
 * values of a table column by column, and a small synthetic sweep tree for error cases.
 *
 * @module
 */

import { join } from "node:path";
import type { Table } from "apache-arrow";
import { type ManifestEntryInput, ManifestWriter } from "../../src/manifest/mod.ts";
import { canonicalScriptSha256 } from "../../src/script/mod.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";

/** Result of a command. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a command and capture its output. */
export async function run(cmd: string, args: string[], cwd?: string): Promise<CommandResult> {
  const out = await new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

function has(cmd: string): boolean {
  try {
    return new Deno.Command(cmd, { args: ["-v"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
}

/** Whether Info-ZIP `unzip` (and its `zipinfo`) is installed. */
export const HAS_UNZIP: boolean = has("unzip");

/** The `ignore` flag of a test that needs `unzip`: skipped locally without it, never in CI. */
export const IGNORE_WITHOUT_UNZIP: boolean = ignoreUnless(HAS_UNZIP);

/** Fail clearly (in CI) when `unzip` is missing. */
export function requireUnzip(): void {
  requireComponent(HAS_UNZIP, "unzip (Debian package unzip)");
}

/** Extract an archive with the real `unzip` into a new directory; returns the directory. */
export async function unzipInto(zip: string, dir: string): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  const res = await run("unzip", ["-q", zip, "-d", dir]);
  if (res.code !== 0) throw new Error(`unzip ${zip} failed (${res.code}): ${res.stderr}`);
  return dir;
}

/** A table as plain data: column names and every column's values. */
export function tableData(table: Table): { names: string[]; columns: unknown[][] } {
  const names = table.schema.fields.map((f) => f.name);
  return { names, columns: names.map((n) => [...table.getChild(n)!]) };
}

/** A small sweep tree written by hand: a script, a manifest and its run files. */
export interface FakeSweep {
  readonly dir: string;
  readonly script: string;
  readonly manifest: string;
}

/** The text of the fake sweep's script. */
export const FAKE_SCRIPT = "Create Spacecraft Sat;\nBeginMissionSequence;\n";

/**
 * Write a fake two-run sweep: run 0 ok (attempt 2 after a failed attempt 1), run 1 failed. Each
 * run directory holds `report__RF.parquet` (ok runs), `worker.log` and a raw `sat.report`.
 *
 * @param dir A directory to create (or an empty one).
 * @param entries Changes applied to the entries before they are written.
 */
export async function fakeSweep(
  dir: string,
  entries: (list: ManifestEntryInput[]) => ManifestEntryInput[] = (l) => l,
): Promise<FakeSweep> {
  const script = join(dir, "mission.script");
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(script, FAKE_SCRIPT);
  for (const id of [0, 1]) {
    await Deno.mkdir(join(dir, `run-${id}`), { recursive: true });
    await Deno.writeTextFile(join(dir, `run-${id}`, "worker.log"), `run ${id}\n`);
    await Deno.writeTextFile(join(dir, `run-${id}`, "sat.report"), `raw ${id}\n`);
  }
  await Deno.writeTextFile(join(dir, "run-0", "report__RF.parquet"), "PAR1 fake PAR1");
  const manifest = join(dir, "manifest.jsonl");
  const base = {
    started_at: "2026-01-01T00:00:00.000Z",
    ended_at: "2026-01-01T00:00:01.000Z",
    duration_s: 1,
    context: {},
  };
  const list: ManifestEntryInput[] = [
    {
      ...base,
      run_id: 0,
      overrides: { "Sat.SMA": 7000 },
      status: "failed",
      output_paths: {},
      stderr: "boom",
      log_path: "run-0/worker.log",
    },
    {
      ...base,
      run_id: 1,
      overrides: { "Sat.SMA": 7100 },
      status: "failed",
      output_paths: {},
      stderr: "bad orbit",
      log_path: "run-1/worker.log",
    },
    {
      ...base,
      run_id: 0,
      overrides: { "Sat.SMA": 7000 },
      status: "ok",
      output_paths: { report__RF: "run-0/report__RF.parquet" },
      stderr: null,
      log_path: "run-0/worker.log",
      attempt: 2,
    },
  ];
  const writer = await ManifestWriter.create(manifest, {
    script_sha256: canonicalScriptSha256(FAKE_SCRIPT),
    gmat_sweep_version: "0.1.0",
    gmat_run_version: "n/a",
    gmat_install_version: "builtin",
    python_version: null,
    os_platform: "Linux",
    sweep_seed: null,
    parameter_spec: { _kind: "grid", "Sat.SMA": [7000, 7100] },
    run_count: 2,
    script_path: script,
  });
  for (const e of entries(list)) await writer.append(e);
  await writer.close();
  return { dir, script, manifest };
}

/** The member names of a zip, from `unzip -Z1`. */
export async function zipMembers(zip: string): Promise<string[]> {
  const res = await run("unzip", ["-Z1", zip]);
  if (res.code !== 0) throw new Error(`unzip -Z1 ${zip} failed: ${res.stderr}`);
  return res.stdout.split("\n").filter((l) => l !== "");
}
