/**
 * Keplerian elements to a Cartesian state, as GMAT does it
 * (`StateConversionUtil::KeplerianToCartesian` / `ComputeKeplToCart`).
 *
 * Input fixes, as in GMAT (which prints a warning for each): a negative ECC is made positive; an
 * SMA > 0 with ECC > 1 is made negative; an SMA < 0 with ECC < 1 is made positive.
 * Refused (StateError `STATE_CONVERSION`): mu below 1e-15, |SMA (1 - ECC)| < 0.001 km (periapsis
 * below 1 m), |1 - ECC| < 1e-7 (parabolic), and for a hyperbola a true anomaly at or beyond the
 * asymptote, i.e. TA in [acos(-1/e), 360 - acos(-1/e)] degrees.
 *
 * Then p = a (1 - e^2), r = p / (1 + e cos TA), and the position and velocity come from the
 * perifocal frame rotated by RAAN, INC and AOP + TA, with speed scale sqrt(mu / p).
 *
 * @module
 */

import type { Keplerian, Vec6 } from "./types.ts";
import { StateError } from "./state_error.ts";
import { DEG, wrapRadians } from "./_vector.ts";

/**
 * Converts Keplerian elements (true anomaly) to a Cartesian state with GMAT's rules.
 *
 * @param k Elements: SMA km (negative for a hyperbola), ECC, INC/RAAN/AOP/TA degrees. To start from
 *   a mean anomaly, convert it first with `meanToTrue`.
 * @param mu Gravitational parameter of the central body, km^3/s^2.
 * @returns Cartesian state `[x, y, z, vx, vy, vz]`, km and km/s.
 * @throws {StateError} `STATE_CONVERSION` when the elements do not define a state (see module doc).
 *
 * @example A LEO at periapsis
 * ```ts
 * import { keplerianToCartesian } from "./keplerian_to_cartesian.ts";
 * const s = keplerianToCartesian(
 *   { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
 *   398600.4415,
 * );
 * s[0]; // 6993 (= a (1 - e))
 * ```
 */
export function keplerianToCartesian(k: Keplerian, mu: number): Vec6 {
  let sma = k.sma;
  let ecc = k.ecc;
  if (ecc < 0) ecc = -ecc;
  if (sma > 0 && ecc > 1) sma = -sma;
  if (sma < 0 && ecc < 1) sma = -sma;
  if (!(mu >= 1e-15)) {
    throw new StateError(
      `Cannot convert Keplerian elements to a Cartesian state with mu = ${mu}: the ` +
        "gravitational parameter of the central body must be positive",
    );
  }
  for (const [name, value] of Object.entries(k)) {
    if (!Number.isFinite(value)) {
      throw new StateError(
        `Cannot convert Keplerian elements to a Cartesian state: ${name.toUpperCase()} = ` +
          `${value} is not a finite number`,
      );
    }
  }
  const radPer = Math.abs(sma * (1 - ecc));
  if (radPer < 0.001) {
    throw new StateError(
      `Cannot convert Keplerian elements (SMA = ${k.sma}, ECC = ${k.ecc}) to a Cartesian state: ` +
        `the radius of periapsis ${radPer} km must be at least 1 m; raise SMA or lower ECC`,
    );
  }
  if (Math.abs(1 - ecc) < 1e-7) {
    throw new StateError(
      `Cannot convert Keplerian elements to a Cartesian state: the orbit is nearly parabolic ` +
        `(ECC = ${ecc}) and Keplerian elements are undefined for |1 - ECC| < 1e-7; move ECC ` +
        "away from 1",
    );
  }
  const inc = k.inc / DEG;
  const raan = k.raan / DEG;
  const aop = k.aop / DEG;
  const ta = k.ta / DEG;
  const p = sma * (1 - ecc * ecc);
  const onePlusECos = 1 + ecc * Math.cos(ta);
  if (ecc > 1) {
    const asymptote = Math.acos(-1 / ecc);
    const wrapped = wrapRadians(ta);
    if (onePlusECos <= 1e-10 && wrapped >= asymptote && wrapped <= 2 * Math.PI - asymptote) {
      const deg = asymptote * DEG;
      throw new StateError(
        `The true anomaly ${k.ta} deg does not fall on the hyperbola with ECC = ${ecc}; valid ` +
          `true anomalies are below ${deg} deg or above ${360 - deg} deg; change TA or ECC`,
      );
    }
  }
  if (onePlusECos === 0 || Math.abs(p) < 1e-30) {
    throw new StateError(
      `Cannot convert Keplerian elements to a Cartesian state: the radius is infinite at ` +
        `TA = ${k.ta} deg with ECC = ${ecc}; change TA`,
    );
  }
  const rad = p / onePlusECos;
  const cosPerAnom = Math.cos(aop + ta);
  const sinPerAnom = Math.sin(aop + ta);
  const cosInc = Math.cos(inc);
  const sinInc = Math.sin(inc);
  const cosRaan = Math.cos(raan);
  const sinRaan = Math.sin(raan);
  const sqrtMuP = Math.sqrt(mu / p);
  const cosAnomPlusE = Math.cos(ta) + ecc;
  const sinAnom = Math.sin(ta);
  const cosPer = Math.cos(aop);
  const sinPer = Math.sin(aop);
  const out = new Float64Array(6);
  out[0] = rad * (cosPerAnom * cosRaan - cosInc * sinPerAnom * sinRaan);
  out[1] = rad * (cosPerAnom * sinRaan + cosInc * sinPerAnom * cosRaan);
  out[2] = rad * sinPerAnom * sinInc;
  out[3] = sqrtMuP * cosAnomPlusE * (-sinPer * cosRaan - cosInc * sinRaan * cosPer) -
    sqrtMuP * sinAnom * (cosPer * cosRaan - cosInc * sinRaan * sinPer);
  out[4] = sqrtMuP * cosAnomPlusE * (-sinPer * sinRaan + cosInc * cosRaan * cosPer) -
    sqrtMuP * sinAnom * (cosPer * sinRaan + cosInc * cosRaan * sinPer);
  out[5] = sqrtMuP * (cosAnomPlusE * sinInc * cosPer - sinAnom * sinInc * sinPer);
  // A signed zero (e.g. VX = -0 at a periapsis on the node) prints as "-0"; GMAT's own order
  // of operations gives +0 there, so zeros are made positive.
  for (let i = 0; i < 6; i++) out[i] += 0;
  return out;
}
