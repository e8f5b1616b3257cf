/**
 * Pieces shared by the spec builders: the Vega-Lite v5 schema, field references that survive
 * dotted GMAT names, and the scale and color choices every plot uses.
 *
 * @module
 */

/** A value of inline data: JSON only, so a spec can be written to a notebook as is. */
export type Datum = Record<string, number | string | null>;

/**
 * A Vega-Lite field reference to a column named `name`: dots and brackets are escaped so
 * `Sat.SMA` is one field, not `SMA` nested in `Sat`.
 */
export function fieldRef(name: string): string {
  return name.replace(/[\\.\[\]]/g, (c) => `\\${c}`);
}

/** A quantitative scale that fits the data instead of starting at zero. */
export const FIT_SCALE = { zero: false, nice: true } as const;

/** The sequential color scheme of metric colors (readable in print and for color-blind eyes). */
export const METRIC_SCHEME = "viridis";

/** Default size of one panel, in pixels. */
export const PANEL = { width: 320, height: 240 } as const;

/** True for a finite number. */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
