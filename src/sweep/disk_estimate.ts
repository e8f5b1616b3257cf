/**
 * What a sweep will take on disk, measured rather than guessed: its first run is done once in a
 * scratch directory (the same code a worker runs), its files are summed, and the figure is scaled
 * to the run count together with the manifest line it would add.
 *
 * @module
 */

import { join } from "node:path";
import { digestFile, entryFromOutcome, sortedJsonStringify } from "../manifest/mod.ts";
import { type RunJob, runOne } from "../pool/mod.ts";
import { runDirName } from "../runs/mod.ts";

/** A sweep's expected disk use. */
export interface DiskEstimate {
  /** Runs it covers. */
  readonly runs: number;
  /** Bytes the probe run's directory takes on disk, allocated blocks (undefined when it failed). */
  readonly perRunBytes: number | undefined;
  /** Bytes of the manifest line of the probe run. */
  readonly manifestBytesPerRun: number;
  /** Estimated total (run directories and manifest), undefined when the probe failed. */
  readonly totalBytes: number | undefined;
  /** Why the probe run failed, if it did. */
  readonly probeError: string | undefined;
}

/** Space a file or directory takes on disk: its allocated blocks where the platform says. */
async function onDisk(path: string): Promise<number> {
  const s = await Deno.stat(path);
  return s.blocks === null ? s.size : Math.max(s.blocks * 512, s.size === 0 ? 0 : 1);
}

async function treeBytes(dir: string): Promise<number> {
  let total = await onDisk(dir);
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) total += await treeBytes(p);
    else if (e.isFile) total += await onDisk(p);
  }
  return total;
}

/**
 * Do one run in a scratch directory and scale its disk use to `runs`.
 *
 * @param job A job for the sweep's first run (its run directory is replaced by a scratch one).
 * @param runs How many runs the estimate covers.
 * @returns The estimate.
 */
export async function estimateDiskUse(job: RunJob, runs: number): Promise<DiskEstimate> {
  const scratch = await Deno.makeTempDir({ prefix: "gmat-sweep-probe-" });
  try {
    const runDir = join(scratch, runDirName(job.spec.runId));
    const outcome = await runOne({ ...job, runDir });
    const digests = Object.fromEntries(
      await Promise.all(
        Object.values(outcome.outputPaths).map(async (p) => [p, await digestFile(p)] as const),
      ),
    );
    const entry = entryFromOutcome({ ...outcome, outputDigests: digests }, job.spec, {
      outputDir: scratch,
      postprocess: null,
    });
    const manifestBytesPerRun = new TextEncoder().encode(sortedJsonStringify(entry)).length + 1;
    if (outcome.status !== "ok") {
      return {
        runs,
        perRunBytes: undefined,
        manifestBytesPerRun,
        totalBytes: undefined,
        probeError: outcome.stderr ?? "failed",
      };
    }
    const perRunBytes = await treeBytes(runDir);
    return {
      runs,
      perRunBytes,
      manifestBytesPerRun,
      totalBytes: runs * (perRunBytes + manifestBytesPerRun),
      probeError: undefined,
    };
  } finally {
    await Deno.remove(scratch, { recursive: true }).catch(() => {});
  }
}
