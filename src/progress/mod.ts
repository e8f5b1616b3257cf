/**
 * How a running sweep shows its progress: the progress record, its one-line rendering, a
 * terminal line redrawn in place, a notebook display updated in place, and the default choice
 * among them for library calls.
 *
 * @module
 */

export type { SweepProgress } from "./sweep_progress.ts";
export { formatDuration, renderProgress, renderSlurmStatus } from "./render.ts";
export { type ProgressDisplay, terminalProgress } from "./terminal.ts";
export { type JupyterBroadcast, jupyterKernel, notebookProgress } from "./notebook.ts";
export { autoProgress } from "./auto.ts";
