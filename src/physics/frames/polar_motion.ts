/**
 * The polar-motion matrix GMAT R2026a uses (`AxisSystem::ComputePolarMotionRotation`):
 *   PM = R2(-x_p) R1(-y_p)   (pseudo-Earth-fixed -> Earth-fixed),
 * with x_p, y_p in arcseconds from the EOP file.
 *
 * @module
 */

import { RAD_PER_ARCSEC } from "./iau1980_nutation.ts";

/**
 * Fills the polar-motion matrix, row-major.
 *
 * @param xp Pole x coordinate, arcsec.
 * @param yp Pole y coordinate, arcsec.
 * @param out Receives the 9 elements.
 */
export function polarMotionMatrix(xp: number, yp: number, out: Float64Array): void {
  const cx = Math.cos(-xp * RAD_PER_ARCSEC);
  const sx = Math.sin(-xp * RAD_PER_ARCSEC);
  const cy = Math.cos(-yp * RAD_PER_ARCSEC);
  const sy = Math.sin(-yp * RAD_PER_ARCSEC);
  out[0] = cx;
  out[1] = sx * sy;
  out[2] = -sx * cy;
  out[3] = 0;
  out[4] = cy;
  out[5] = sy;
  out[6] = sx;
  out[7] = -cx * sy;
  out[8] = cx * cy;
}
