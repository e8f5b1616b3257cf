/**
 * The progress display a library call gets by default: in a notebook an in-place display, on a
 * terminal the redrawn line on stderr, elsewhere (a pipe, a log, CI) none.
 *
 * @module
 */

import { jupyterKernel, notebookProgress } from "./notebook.ts";
import { type ProgressDisplay, terminalProgress } from "./terminal.ts";

/**
 * The display for where this process runs.
 *
 * @param label What the sweep is, shown before the bar.
 * @returns A notebook display, a terminal line, or undefined when neither can be shown.
 */
export function autoProgress(label: string): ProgressDisplay | undefined {
  const kernel = jupyterKernel();
  if (kernel !== undefined) return notebookProgress(kernel, label);
  return Deno.stderr.isTerminal() ? terminalProgress(label, true) : undefined;
}
