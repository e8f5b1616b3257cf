/**
 * Progress in a Jupyter notebook (the Deno kernel): one display under the running cell, updated
 * in place (`display_data`, then `update_display_data` with the same display id) at most four
 * times a second and once at the end, as HTML (a progress bar) and plain text.
 *
 * @module
 */

import type { SlurmStatus } from "../pool/mod.ts";
import { escapeHtml } from "../display/html.ts";
import { renderProgress, renderSlurmStatus } from "./render.ts";
import type { SweepProgress } from "./sweep_progress.ts";
import type { ProgressDisplay } from "./terminal.ts";

/** The part of the kernel's `Deno.jupyter` used here. */
export interface JupyterBroadcast {
  broadcast(msgType: string, content: Record<string, unknown>): Promise<void> | void;
}

/**
 * The kernel's `Deno.jupyter`, or undefined outside a Jupyter kernel (where reading it throws).
 *
 * @returns The broadcast API, when this process is a Deno Jupyter kernel.
 */
export function jupyterKernel(): JupyterBroadcast | undefined {
  try {
    const j = (Deno as unknown as { jupyter?: Partial<JupyterBroadcast> }).jupyter;
    return typeof j?.broadcast === "function" ? j as JupyterBroadcast : undefined;
  } catch {
    return undefined;
  }
}

function bundle(label: string, p: SweepProgress | undefined, slurm: string) {
  const text = (p ? renderProgress(p, label) : `${label} starting`) + slurm;
  const value = p ? p.done : 0;
  const max = p ? Math.max(p.total, 1) : 1;
  const html = `<div style="font-family:monospace;white-space:nowrap">` +
    `<progress value="${value}" max="${max}" style="width:240px;vertical-align:middle"></progress> ` +
    `${escapeHtml(text)}</div>`;
  return { "text/plain": text, "text/html": html };
}

/**
 * A progress display in a notebook cell.
 *
 * @param kernel The kernel's broadcast API ({@link jupyterKernel}).
 * @param label What the sweep is (its output directory, say).
 * @returns The display.
 */
export function notebookProgress(kernel: JupyterBroadcast, label: string): ProgressDisplay {
  const id = `gmat-sweep-progress-${crypto.randomUUID()}`;
  let shown = false;
  let last = 0;
  let latest: SweepProgress | undefined;
  let slurm = "";
  const send = (force: boolean) => {
    const now = performance.now();
    if (!force && shown && now - last < 250) return;
    last = now;
    const type = shown ? "update_display_data" : "display_data";
    shown = true;
    try {
      // Some kernels return a promise, some nothing; a closed channel must not fail the sweep.
      Promise.resolve(kernel.broadcast(type, {
        data: bundle(label, latest, slurm),
        metadata: {},
        transient: { display_id: id },
      })).catch(() => {});
    } catch { /* nothing to show progress on */ }
  };
  return {
    update(p) {
      latest = p;
      send(p.done >= p.total);
    },
    slurm(s: SlurmStatus) {
      slurm = renderSlurmStatus(s);
      send(false);
    },
    finish() {
      if (shown) send(true);
    },
  };
}
