/**
 * Notebook display for the Deno Jupyter kernel: sweeps, manifests and tables show an HTML
 * summary (and plain text elsewhere) through `Symbol.for("Jupyter.display")`.
 *
 * @module
 */

export { attachDisplay, type Displayable, JUPYTER_DISPLAY, type MimeBundle } from "./bundle.ts";
export { escapeHtml, htmlFacts, htmlStatusBar, htmlTable } from "./html.ts";
export { manifestBundle, type SweepFacts } from "./manifest_display.ts";
export { readManifest } from "./displayed_manifest.ts";
export {
  displayTable,
  indexColumns,
  runStatusCounts,
  tableBundle,
  type TableDisplayOptions,
} from "./table_display.ts";
