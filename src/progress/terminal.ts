/**
 * Progress on a terminal: the one-line bar redrawn in place on stderr, at most ten times a
 * second; silent when stderr is not a terminal (logs and CI stay clean).
 *
 * @module
 */

import type { SlurmStatus } from "../pool/mod.ts";
import { renderProgress, renderSlurmStatus } from "./render.ts";
import type { SweepProgress } from "./sweep_progress.ts";

/** A progress display: told of every finished run and SLURM status, finished once. */
export interface ProgressDisplay {
  /** A run finished. */
  update(p: SweepProgress): void;
  /** SLURM's task counts changed. */
  slurm(s: SlurmStatus): void;
  /** The invocation ended (its last state stays shown). */
  finish(): void;
}

/** A progress sink that draws on stderr when it is a terminal. */
export function terminalProgress(label: string, enabled: boolean): ProgressDisplay {
  const tty = enabled && Deno.stderr.isTerminal();
  const encoder = new TextEncoder();
  let last = 0;
  let drawn = false;
  let latest: SweepProgress | undefined;
  let slurm = "";
  const draw = (force: boolean) => {
    if (!tty) return;
    const now = performance.now();
    if (!force && now - last < 100) return;
    last = now;
    drawn = true;
    const cols = Deno.consoleSize?.().columns ?? 100;
    const line = latest ? renderProgress(latest, label) : `${label} starting`;
    Deno.stderr.writeSync(encoder.encode(`\r${(line + slurm).slice(0, cols - 1)}\x1b[K`));
  };
  return {
    update(p) {
      latest = p;
      draw(p.done >= p.total);
    },
    slurm(s) {
      slurm = renderSlurmStatus(s);
      draw(false);
    },
    finish() {
      if (tty && drawn) Deno.stderr.writeSync(encoder.encode("\n"));
    },
  };
}
