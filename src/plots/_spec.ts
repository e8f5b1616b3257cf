/**
 * Pieces shared by the spec builders: the Vega-Lite v5 schema, field references that survive
 * dotted GMAT names, and the scale and color choices every plot uses.
 *
 * @module
 */

import type { TopLevelSpec } from "npm:vega-lite@5.23.0";

/** A value of inline data: JSON only, so a spec can be written to a notebook as is. */
export type Datum = Record<string, number | string | null>;

/**
 * A Vega-Lite field reference to a column named `name`: dots and brackets are escaped so
 * `Sat.SMA` is one field, not `SMA` nested in `Sat`.
 */
export function fieldRef(name: string): string {
  return name.replace(/[\\.\[\]]/g, (c) => `\\${c}`);
}

/**
 * A quantitative scale that fits the data instead of starting at zero, padded by a few pixels so
 * points at the ends of the domain are drawn whole.
 */
export const FIT_SCALE = { zero: false, nice: true, padding: 8 } as const;

/** The sequential color scheme of metric colors (readable in print and for color-blind eyes). */
export const METRIC_SCHEME = "viridis";

/** Default size of one panel, in pixels: about a notebook cell's width. */
export const PANEL = { width: 560, height: 340 } as const;

/** Size of one panel of a corner plot, in pixels. */
export const CORNER_PANEL = 210;

/**
 * Above this many points a scatter panel becomes a 2D histogram (counts per cell), and a running
 * mean is drawn from at most this many steps: thousands of marks make a slow, unreadable SVG.
 */
export const DENSITY_POINTS = 2000;

/** Top-level padding and view settings every plot uses. */
export const PLOT_CONFIG = { padding: 12, config: { view: { stroke: "#ddd" } } } as const;

/** True for a finite number. */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Options of {@link bandLayers}. */
export interface BandLayersOptions {
  /** The x encoding shared by both layers. */
  readonly x: Record<string, unknown>;
  /** The y axis title. */
  readonly yTitle: string;
  /** Tooltip fields shared by both layers. */
  readonly tooltip: readonly Record<string, unknown>[];
  /** The field of the line (`median`, `mean`); the band spans `lower` to `upper`. */
  readonly center: string;
  /** Colour of the band and of the line with its points. */
  readonly colors: { readonly band: string; readonly line: string };
  /** Size of the line's points; 0 draws the line without points. */
  readonly pointSize: number;
}

/** The layers of a layered Vega-Lite spec. */
export type Layers = Extract<TopLevelSpec, { layer: unknown }>["layer"];

/** Two layers: a translucent area from `lower` to `upper`, and a line with a point per datum. */
export function bandLayers(o: BandLayersOptions): Layers {
  const y = (field: string) => ({ field, type: "quantitative", title: o.yTitle, scale: FIT_SCALE });
  return [
    {
      mark: { type: "area", opacity: 0.3, color: o.colors.band },
      encoding: { x: o.x, y: y("lower"), y2: { field: "upper" }, tooltip: o.tooltip },
    },
    {
      mark: {
        type: "line",
        color: o.colors.line,
        point: o.pointSize > 0 ? { filled: true, size: o.pointSize, color: o.colors.line } : false,
      },
      encoding: { x: o.x, y: y(o.center), tooltip: o.tooltip },
    },
  ] as unknown as Layers;
}
