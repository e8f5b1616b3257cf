/**
 * GMAT's Exponential atmosphere: a piecewise exponential density table over geodetic height.
 *
 * GMAT R2026a reads the bands from `EarthExponentialAtmosphereData.txt` (one `h0, rho0, H` line
 * per band: base height km, base density kg/m^3, scale height km; a byte-exact copy is in
 * `data/gmat/atmosphere/earth/`). Its 28 bands are Vallado's table (4th ed. Table 8-4, as in
 * Wertz) with GMAT's one correction, 9.518e-12 kg/m^3 at 350 km; {@link EXPONENTIAL_BANDS}
 * holds them and {@link parseExponentialTable} reads any file of that form.
 *
 * Density (`ExponentialAtmosphere::Density`): the band is the first `i` with `h < h0[i+1]`, the
 * last band above its base; `rho = rho0[i] exp(-(h - h0[i]) / H[i])`. There is no smoothing across
 * band edges, no upper cut-off, and a negative height is refused.
 *
 * @module
 */

import { AtmosphereError } from "./atmosphere_error.ts";

/** One band of the exponential table. */
export interface ExponentialBand {
  /** Base geodetic height, km. */
  readonly baseHeightKm: number;
  /** Density at the base height, kg/m^3. */
  readonly baseDensity: number;
  /** Scale height, km. */
  readonly scaleHeightKm: number;
}

/** The table as `[h0 km, rho0 kg/m^3, H km]` rows (GMAT's file and `SetConstants`). */
const ROWS: readonly (readonly [number, number, number])[] = [
  [0, 1.225, 7.249],
  [25, 3.899e-2, 6.349],
  [30, 1.774e-2, 6.682],
  [40, 3.972e-3, 7.554],
  [50, 1.057e-3, 8.382],
  [60, 3.206e-4, 7.714],
  [70, 8.770e-5, 6.549],
  [80, 1.905e-5, 5.799],
  [90, 3.396e-6, 5.382],
  [100, 5.297e-7, 5.877],
  [110, 9.661e-8, 7.263],
  [120, 2.438e-8, 9.473],
  [130, 8.484e-9, 12.636],
  [140, 3.845e-9, 16.149],
  [150, 2.070e-9, 22.523],
  [180, 5.464e-10, 29.740],
  [200, 2.789e-10, 37.105],
  [250, 7.248e-11, 45.546],
  [300, 2.418e-11, 53.628],
  [350, 9.518e-12, 53.298],
  [400, 3.725e-12, 58.515],
  [450, 1.585e-12, 60.828],
  [500, 6.967e-13, 63.822],
  [600, 1.454e-13, 71.835],
  [700, 3.614e-14, 88.667],
  [800, 1.170e-14, 124.64],
  [900, 5.245e-15, 181.05],
  [1000, 3.019e-15, 268.00],
];

/** GMAT's built-in Earth exponential table (28 bands, 0 to 1000 km). */
export const EXPONENTIAL_BANDS: readonly ExponentialBand[] = Object.freeze(
  ROWS.map(([baseHeightKm, baseDensity, scaleHeightKm]) =>
    Object.freeze({ baseHeightKm, baseDensity, scaleHeightKm })
  ),
);

/**
 * Parses an exponential-atmosphere file as GMAT does: blank lines are skipped, every other line
 * must hold exactly three comma-separated numbers.
 *
 * @param text The file text.
 * @param source A name for the file in error messages.
 * @returns The bands in file order.
 */
export function parseExponentialTable(
  text: string,
  source = "exponential table",
): ExponentialBand[] {
  const bands: ExponentialBand[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const fields = line.split(",").map((f) => f.trim());
    const values = fields.map(Number);
    if (fields.length !== 3 || fields.some((f) => f === "") || values.some((v) => !isFinite(v))) {
      throw new AtmosphereError(
        `${source} line ${i + 1} is "${line}": expected "height km, density kg/m^3, ` +
          `scale height km" (three comma-separated numbers); fix or remove the line.`,
      );
    }
    bands.push(
      Object.freeze({ baseHeightKm: values[0], baseDensity: values[1], scaleHeightKm: values[2] }),
    );
  });
  if (bands.length === 0) {
    throw new AtmosphereError(`${source} holds no bands; give at least one "h, rho, H" line.`);
  }
  return bands;
}

/** What the Exponential model needs: only the geodetic height. */
export interface ExponentialInput {
  /** Geodetic height above the reference ellipsoid, km (must not be negative). */
  readonly heightKm: number;
}

/**
 * Density of GMAT's Exponential model.
 *
 * @param input The geodetic height.
 * @param bands The table (default GMAT's Earth table).
 * @returns Density, kg/m^3.
 */
export function exponentialDensity(
  input: ExponentialInput,
  bands: readonly ExponentialBand[] = EXPONENTIAL_BANDS,
): number {
  const heightKm = input.heightKm;
  if (!(heightKm >= 0)) {
    throw new AtmosphereError(
      `Exponential atmosphere: height ${heightKm} km is inside the central body; the drag ` +
        `model needs a position above the reference ellipsoid (check the orbit or stop ` +
        `propagation before impact).`,
    );
  }
  let index = bands.length - 1;
  for (let i = 0; i < bands.length - 1; i++) {
    if (heightKm < bands[i + 1].baseHeightKm) {
      index = i;
      break;
    }
  }
  const band = bands[index];
  return band.baseDensity * Math.exp(-(heightKm - band.baseHeightKm) / band.scaleHeightKm);
}
