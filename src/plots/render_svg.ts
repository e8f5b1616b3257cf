/**
 * Headless rendering of a Vega-Lite spec: compile it to Vega with npm `vega-lite`, run it in a
 * `vega.View` without a renderer and serialize the scenegraph to SVG. No canvas and no browser are
 * needed (text widths are estimated).
 *
 * Both packages are loaded on first use, so importing the plots costs nothing until a plot is
 * rendered. Loading `vega` pulls in `node-fetch`, whose dependency warns once that Node's
 * `punycode` module is deprecated; that warning is silenced for the duration of the import only.
 *
 * @module
 */

import process from "node:process";
import type { TopLevelSpec } from "npm:vega-lite@5.23.0";
import type { VegaLiteSpec } from "./vega_lite_spec.ts";
import { PlotError } from "./plot_error.ts";

type VegaModule = typeof import("npm:vega@5.33.1");
type VegaLiteModule = typeof import("npm:vega-lite@5.23.0");

let loaded: Promise<[VegaModule, VegaLiteModule]> | undefined;

async function importQuietly(): Promise<[VegaModule, VegaLiteModule]> {
  // Node's documented switch (missing from the type declarations), read by `emitWarning`.
  const proc = process as typeof process & { noDeprecation?: boolean };
  const before = proc.noDeprecation;
  proc.noDeprecation = true;
  try {
    return await Promise.all([import("npm:vega@5.33.1"), import("npm:vega-lite@5.23.0")]);
  } finally {
    proc.noDeprecation = before;
  }
}

/** The vega and vega-lite modules, loaded once. */
function modules(): Promise<[VegaModule, VegaLiteModule]> {
  loaded ??= importQuietly();
  return loaded;
}

/** A Vega spec as plain JSON (what Vega-Lite compiles to). */
export type VegaSpec = { readonly [key: string]: unknown };

/** Options of {@link renderSvg} and {@link compileToVega}. */
export interface RenderOptions {
  /** Receives Vega-Lite's and Vega's warnings (dropped properties...). @default {dropped} */
  readonly onWarning?: (message: string) => void;
}

/** A vega-util logger that passes warnings on and drops info and debug messages. */
function warningLogger(vega: VegaModule, onWarning: (message: string) => void) {
  const base = vega.logger(vega.Warn);
  const text = (args: readonly unknown[]) => args.map(String).join(" ");
  return Object.assign(base, {
    warn: (...args: readonly unknown[]) => {
      onWarning(text(args));
      return base;
    },
    error: (...args: readonly unknown[]) => {
      onWarning(text(args));
      return base;
    },
  });
}

/**
 * Compile a Vega-Lite spec to a Vega spec.
 *
 * @param spec A Vega-Lite v5 spec.
 * @param options Where warnings go.
 * @returns The Vega spec (plain JSON).
 * @throws {PlotError} `PLOT_RENDER` with Vega-Lite's reason when the spec does not compile.
 */
export async function compileToVega(
  spec: VegaLiteSpec,
  options: RenderOptions = {},
): Promise<VegaSpec> {
  const [vega, vl] = await modules();
  try {
    const logger = warningLogger(vega, options.onWarning ?? (() => {}));
    return vl.compile(spec as unknown as TopLevelSpec, { logger }).spec as unknown as VegaSpec;
  } catch (e) {
    throw new PlotError(
      "PLOT_RENDER",
      `Vega-Lite could not compile the plot: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/**
 * Render a Vega-Lite spec to an SVG document, headless.
 *
 * @param spec A Vega-Lite v5 spec (data inline).
 * @param options Where warnings go.
 * @returns The SVG text (`<svg xmlns=...>...</svg>`), marks annotated with `role` and
 *   `aria-roledescription` attributes and axes with their titles.
 * @throws {PlotError} `PLOT_RENDER` with the reason when the spec does not compile or render.
 *
 * @example
 * ```ts
 * import { renderSvg } from "./render_svg.ts";
 * import assert from "node:assert/strict";
 * const svg = await renderSvg({
 *   data: { values: [{ a: 1, b: 2 }] },
 *   mark: "point",
 *   encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
 * });
 * assert.match(svg, /^<svg /);
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec, options: RenderOptions = {}): Promise<string> {
  const vegaSpec = await compileToVega(spec, options);
  const [vega] = await modules();
  let view: import("npm:vega@5.33.1").View | undefined;
  try {
    const logger = warningLogger(vega, options.onWarning ?? (() => {}));
    view = new vega.View(vega.parse(vegaSpec as unknown as import("npm:vega@5.33.1").Spec), {
      renderer: "none",
      logger,
    });
    return await view.toSVG();
  } catch (e) {
    throw new PlotError("PLOT_RENDER", `Vega could not render the plot: ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    view?.finalize();
  }
}
