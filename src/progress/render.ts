/**
 * A sweep's progress as one line of text: bar, runs done, failures (engine and hook), rate and
 * ETA, and SLURM's task counts.
 *
 * @module
 */

import type { SlurmStatus } from "../pool/mod.ts";
import type { SweepProgress } from "./sweep_progress.ts";

/** Format seconds as `1h02m`, `3m05s` or `12.3s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The SLURM part of a progress line: task counts. */
export function renderSlurmStatus(s: SlurmStatus): string {
  return ` | slurm pending ${s.pending} running ${s.running} done ${s.done}` +
    (s.lost > 0 ? ` lost ${s.lost}` : "");
}

/** One progress line (without carriage return). */
export function renderProgress(p: SweepProgress, label: string, width = 24): string {
  const frac = p.total > 0 ? p.done / p.total : 1;
  const filled = Math.round(frac * width);
  const bar = "#".repeat(filled) + ".".repeat(width - filled);
  const failed = p.failed > 0 ? ` failed ${p.failed}` : "";
  const hooks = p.hooksFailed > 0 ? ` hook-failed ${p.hooksFailed}` : "";
  return `${label} [${bar}] ${p.done}/${p.total} ok ${p.ok}${failed}${hooks} ` +
    `${p.rate.toFixed(1)} runs/s ETA ${p.etaS === undefined ? "?" : formatDuration(p.etaS)}`;
}
