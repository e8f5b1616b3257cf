/**
 * Shared helpers of the manifest tests: sample headers and entries, temp dirs, the Python oracle.
 *
 * @module
 */

import { join } from "node:path";
import type { ManifestEntryInput, ManifestHeaderInput } from "../../src/manifest/mod.ts";

/** The repository root. */
export const ROOT: string = new URL("../../", import.meta.url).pathname;

/** A manifest fixture path. */
export function fixture(path: string): string {
  return join(ROOT, "fixtures", "manifest", path);
}

/** A header as this tool writes it. */
export function sampleHeader(overrides: Partial<ManifestHeaderInput> = {}): ManifestHeaderInput {
  return {
    schema_version: 1,
    script_sha256: "a".repeat(64),
    gmat_sweep_version: "0.1.0",
    gmat_run_version: "n/a",
    gmat_install_version: "builtin-0.1.0",
    python_version: null,
    os_platform: "Linux-6.1.0-x86_64",
    deno_version: "2.9.6",
    engine: { kind: "builtin", version: "0.1.0" },
    sweep_seed: null,
    parameter_spec: { _kind: "grid", "Sat.SMA": [7000, 7100.5, 7200] },
    run_count: 3,
    backend: "local",
    backend_settings: { workers: 2 },
    postprocess: "./pipeline.ts#deriveOrbitMetrics",
    postprocess_permissions: [],
    script_path: "mission.script",
    created_at: "2026-11-24T10:00:00.000Z",
    ...overrides,
  };
}

/** An entry as this tool writes it (relative paths). */
export function sampleEntry(
  runId: number,
  overrides: Partial<ManifestEntryInput> = {},
): ManifestEntryInput {
  return {
    run_id: runId,
    overrides: { "Sat.SMA": 7000 + 100.5 * runId, "Sat.Name": "Sat" },
    status: "ok",
    output_paths: { report__RF: `run-${runId}/report__RF.parquet` },
    extra_outputs: { orbit_metrics: `run-${runId}/orbit_metrics.parquet` },
    postprocess_status: "ok",
    postprocess: "./pipeline.ts#deriveOrbitMetrics",
    context: { arm: "baseline", truth: [1.5e-7, 6678.137] },
    started_at: "2026-11-24T10:00:01.000Z",
    ended_at: "2026-11-24T10:00:02.250Z",
    duration_s: 1.25,
    stderr: null,
    log_path: `run-${runId}/worker.log`,
    attempt: 1,
    ...overrides,
  };
}

/** A fresh temporary directory (small files only; see {@link scratchDir} for large ones). */
export function tempDir(): Promise<string> {
  return Deno.makeTempDir({ prefix: "gmat-sweep-manifest-" });
}

/** A fresh temporary directory removed on disposal (`await using dir = await scratchDir()`). */
export async function scratchDir(): Promise<AsyncDisposable & { path: string }> {
  const path = await tempDir();
  return { path, [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }) };
}

const PYTHON = "/usr/bin/python3";

/** Whether `/usr/bin/python3` (with its `json` module) can be run. */
export const HAS_PYTHON: boolean = (() => {
  try {
    return new Deno.Command(PYTHON, { args: ["-c", "import json"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
})();

const REENCODE = [
  "import json, sys",
  "text = sys.stdin.buffer.read().decode('utf-8', 'surrogatepass')",
  "out = ''.join(json.dumps(json.loads(l), sort_keys=True) + '\\n' for l in text.split('\\n') if l)",
  "sys.stdout.buffer.write(out.encode('ascii'))",
].join("\n");

/**
 * Re-encode JSON lines with Python: `json.dumps(json.loads(line), sort_keys=True)` for each line.
 *
 * @param jsonText JSON lines (any key order, any number formatting).
 * @returns Python's encoding, one line each, each ending in `\n`.
 */
export async function pythonReencode(jsonText: string): Promise<string> {
  const child = new Deno.Command(PYTHON, {
    args: ["-c", REENCODE],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(jsonText));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  if (!success) throw new Error(`python3 failed: ${new TextDecoder().decode(stderr)}`);
  return new TextDecoder().decode(stdout);
}
