/**
 * The plain-JSON form of the plots: a Vega-Lite v5 spec with its data inline, and the schema and
 * Jupyter MIME type that go with it.
 *
 * @module
 */

/** The `$schema` of every spec built here (Vega-Lite 5, what JupyterLab renders natively). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** The MIME type of a Vega-Lite v5 spec in a Jupyter bundle. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/**
 * A Vega-Lite v5 spec as plain JSON (`JSON.stringify` writes it as is). The builders check theirs
 * against npm `vega-lite`'s `TopLevelSpec` type; Vega-Lite itself validates any spec when it is
 * rendered.
 */
export type VegaLiteSpec = { readonly [key: string]: unknown };
