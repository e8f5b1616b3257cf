/**
 * A plot as a notebook shows it: the Vega-Lite v5 spec (which JupyterLab renders natively), an SVG
 * rendering of it (for front ends without a Vega renderer, and for files) and a line of text.
 *
 * @module
 */

import { renderSvg } from "./render_svg.ts";
import { VEGA_LITE_MIME, type VegaLiteSpec } from "./vega_lite_spec.ts";

/** The MIME bundle of a plot. */
export interface PlotBundle {
  /** The spec itself. */
  readonly [VEGA_LITE_MIME]: VegaLiteSpec;
  /** The SVG rendering; absent when rendering failed (the reason is in `text/plain`). */
  readonly "image/svg+xml"?: string;
  /** A one-line description. */
  readonly "text/plain": string;
}

/** A one-line description of a spec: its title, or its mark. */
function describe(spec: VegaLiteSpec): string {
  const t = (spec as { title?: string | { text?: string | string[] } }).title;
  const text = typeof t === "string" ? t : Array.isArray(t?.text) ? t.text.join(" ") : t?.text;
  return `Vega-Lite plot: ${text ?? "untitled"}`;
}

/**
 * The Jupyter MIME bundle of a Vega-Lite spec, with its SVG rendering.
 *
 * Rendering failures do not throw: the bundle then holds the spec (a Vega renderer still shows
 * it) and the reason in `text/plain`.
 *
 * @param spec A Vega-Lite v5 spec.
 *
 * @example
 * ```ts
 * import { plotBundle } from "./plot.ts";
 * import assert from "node:assert/strict";
 * const spec = {
 *   title: "a point",
 *   data: { values: [{ a: 1, b: 2 }] },
 *   mark: "point",
 *   encoding: { x: { field: "a", type: "quantitative" } },
 * } as const;
 * const bundle = await plotBundle(spec);
 * assert.equal(bundle["text/plain"], "Vega-Lite plot: a point");
 * assert.match(bundle["image/svg+xml"]!, /<svg/);
 * ```
 */
export function plotBundle(spec: VegaLiteSpec): Promise<PlotBundle> {
  return bundleOf(spec, renderSvg(spec));
}

async function bundleOf(spec: VegaLiteSpec, rendering: Promise<string>): Promise<PlotBundle> {
  const text = describe(spec);
  try {
    const svg = await rendering;
    return { [VEGA_LITE_MIME]: spec, "image/svg+xml": svg, "text/plain": text };
  } catch (e) {
    return {
      [VEGA_LITE_MIME]: spec,
      "text/plain": `${text} (no SVG: ${(e as Error).message})`,
    };
  }
}

/**
 * A Vega-Lite plot that displays itself in the Deno Jupyter kernel (spec, SVG and text) and
 * renders to SVG for files.
 *
 * @example
 * ```ts
 * import { Plot } from "./plot.ts";
 * import assert from "node:assert/strict";
 * const plot = new Plot({ data: { values: [{ a: 1 }] }, mark: "tick", encoding: {
 *   x: { field: "a", type: "quantitative" },
 * } });
 * assert.match(await plot.toSVG(), /aria-roledescription="tick"/);
 * ```
 */
export class Plot {
  /** The Vega-Lite v5 spec, data inline (plain JSON: `JSON.stringify` it to save it). */
  readonly spec: VegaLiteSpec;
  #svg: Promise<string> | undefined;

  /**
   * Wraps a spec; nothing is rendered until the SVG or the display bundle is asked for.
   *
   * @param spec A Vega-Lite v5 spec.
   */
  constructor(spec: VegaLiteSpec) {
    this.spec = spec;
  }

  /**
   * The SVG rendering (computed once).
   *
   * @throws {PlotError} `PLOT_RENDER` when Vega cannot render the spec.
   */
  toSVG(): Promise<string> {
    this.#svg ??= renderSvg(this.spec);
    return this.#svg;
  }

  /** The spec, for `JSON.stringify`. */
  toJSON(): VegaLiteSpec {
    return this.spec;
  }

  /** The MIME bundle: see {@link plotBundle}. */
  bundle(): Promise<PlotBundle> {
    return bundleOf(this.spec, this.toSVG());
  }

  /** What the Deno Jupyter kernel calls to display the plot. */
  [Symbol.for("Jupyter.display")](): Promise<PlotBundle> {
    return this.bundle();
  }
}
