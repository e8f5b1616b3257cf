/**
 * Scalar orbit parameters of a Cartesian state, defined the way GMAT's report parameters define
 * them (`OrbitData::GetKepReal`, `StateConversionUtil::CartesianToSMA/ECC/INC/RAAN/AOP/TA/MA/EA/HA`,
 * `GmatCalcUtil::CalculateKeplerianData` and `CalculateAngularData`).
 *
 * Units: km, km/s, seconds; angles in degrees ([0, 360) except INC in [0, 180]; the hyperbolic
 * MA and HA are signed, radians x 180/pi, as GMAT reports them); Energy in km^2/s^2 (specific
 * energy -mu/(2 SMA)); C3Energy in km^2/s^2 (-mu/SMA); MeanMotion in rad/s; HMAG/HX/HY/HZ in
 * km^2/s; SemilatusRectum in km.
 *
 * GMAT-specific values reproduced here:
 * - SMA is negative for a hyperbola; `RadApo` is SMA (1 + ECC), i.e. negative for a hyperbola;
 *   `OrbitPeriod` is 0 for a hyperbola; `EA` is 0 unless ECC <= 1 - 1e-12 and `HA` is 0 unless
 *   ECC >= 1 + 1e-11; `MA` is 0 for a near-parabola.
 * - RAAN/AOP/TA use the degenerate-case rules of `cartesianToKeplerian` with the threshold 1e-11,
 *   but, like GMAT's single-parameter functions, do NOT negate AOP or TA for retrograde-equatorial
 *   orbits.
 * - SMA and everything derived from it (RadPer, RadApo, OrbitPeriod, Energy, C3Energy,
 *   MeanMotion, VelPeriapsis, VelApoapsis) refuse near-parabolic states (|1 - ECC| <= 1e-7) and
 *   states whose periapsis radius SMA (1 - ECC) is below 1 m, with a StateError.
 *
 * @module
 */

import type { Vec6 } from "./types.ts";
import { StateError } from "./state_error.ts";
import { trueToEccentricRad, trueToHyperbolicRad, trueToMeanRad } from "./anomaly.ts";
import {
  acosClamped,
  cross,
  DEG,
  dot,
  eccentricityVector,
  norm,
  split,
  type V3,
  wrapRadians,
} from "./_vector.ts";

const KEP_TOL = 1e-11;
const KEP_ECC_TOL = 1e-7;

/** Names of the scalar orbit parameters, spelled as in GMAT scripts (`Sat.Earth.RadPer`). */
export const ORBIT_PARAMETER_NAMES = [
  "SMA",
  "ECC",
  "INC",
  "RAAN",
  "AOP",
  "TA",
  "MA",
  "EA",
  "HA",
  "RMAG",
  "VMAG",
  "RadPer",
  "RadApo",
  "OrbitPeriod",
  "Energy",
  "C3Energy",
  "MeanMotion",
  "VelPeriapsis",
  "VelApoapsis",
  "HMAG",
  "HX",
  "HY",
  "HZ",
  "SemilatusRectum",
] as const;

/** A scalar orbit parameter name. */
export type OrbitParameterName = typeof ORBIT_PARAMETER_NAMES[number];

/** All scalar orbit parameters of a state, keyed by GMAT name. */
export type OrbitParameters = Record<OrbitParameterName, number>;

interface Basics {
  r: V3;
  v: V3;
  rMag: number;
  eVec: V3;
  ecc: number;
  h: V3;
  hMag: number;
  incRad: number;
}

function basics(s: Vec6, mu: number): Basics {
  const { r, v } = split(s);
  const rMag = norm(r);
  if (rMag < 1e-30) {
    throw new StateError(
      "Cannot compute orbit parameters: the position vector is a zero vector",
    );
  }
  if (!(mu > 0)) {
    throw new StateError(
      `Cannot compute orbit parameters with mu = ${mu}: the gravitational parameter must be positive`,
    );
  }
  const eVec = eccentricityVector(r, v, mu);
  const h = cross(r, v);
  const hMag = norm(h);
  return { r, v, rMag, eVec, ecc: norm(eVec), h, hMag, incRad: NaN };
}

function inclination(b: Basics): number {
  if (Math.abs(1 - b.ecc) <= 1e-30) {
    throw new StateError("Cannot compute INC: the state is exactly parabolic");
  }
  if (b.hMag === 0) {
    throw new StateError(
      "Cannot compute INC: position and velocity are parallel (zero angular momentum)",
    );
  }
  return acosClamped(b.h[2] / b.hMag);
}

function sma(b: Basics, mu: number): number {
  const zeta = 0.5 * dot(b.v, b.v) - mu / b.rMag;
  if (zeta === 0 || Math.abs(1 - b.ecc) <= KEP_ECC_TOL) {
    throw new StateError(
      `Cannot compute SMA: the orbit is nearly parabolic (ECC = ${b.ecc}); SMA and the ` +
        "parameters derived from it are undefined for |1 - ECC| <= 1e-7",
    );
  }
  const a = -mu / (2 * zeta);
  if (a * (1 - b.ecc) < 0.001) {
    throw new StateError(
      `Cannot compute SMA: the radius of periapsis SMA (1 - ECC) = ${a * (1 - b.ecc)} km is ` +
        "below 1 m (a singular conic)",
    );
  }
  return a;
}

type Regime = "inclined" | "equatorial";

function cases(b: Basics): { circular: boolean; regime: Regime } {
  const i = inclination(b);
  const regime: Regime = i >= KEP_TOL && i <= Math.PI - KEP_TOL ? "inclined" : "equatorial";
  return { circular: b.ecc < KEP_TOL, regime };
}

function nodeVector(b: Basics): { n: V3; nMag: number } {
  const n: V3 = [-b.h[1], b.h[0], 0];
  const nMag = norm(n);
  if (nMag === 0) throw new StateError("Cannot compute the node: the line of nodes is undefined");
  return { n, nMag };
}

function raanRad(b: Basics): number {
  const { regime } = cases(b);
  if (regime === "equatorial") return 0;
  const { n, nMag } = nodeVector(b);
  let raan = acosClamped(n[0] / nMag);
  if (n[1] < 0) raan = 2 * Math.PI - raan;
  return wrapRadians(raan);
}

function aopRad(b: Basics): number {
  const { circular, regime } = cases(b);
  if (circular) return 0;
  let aop: number;
  if (regime === "inclined") {
    const { n, nMag } = nodeVector(b);
    aop = acosClamped(dot(n, b.eVec) / (nMag * b.ecc));
    if (b.eVec[2] < 0) aop = 2 * Math.PI - aop;
  } else {
    aop = acosClamped(b.eVec[0] / b.ecc);
    if (b.eVec[1] < 0) aop = 2 * Math.PI - aop;
  }
  return wrapRadians(aop);
}

function taRad(b: Basics): number {
  const { circular, regime } = cases(b);
  let ta: number;
  if (!circular) {
    ta = acosClamped(dot(b.eVec, b.r) / (b.ecc * b.rMag));
    if (dot(b.r, b.v) < 0) ta = 2 * Math.PI - ta;
  } else if (regime === "inclined") {
    const { n, nMag } = nodeVector(b);
    ta = acosClamped(dot(n, b.r) / (nMag * b.rMag));
    if (b.r[2] < 0) ta = 2 * Math.PI - ta;
  } else {
    ta = acosClamped(b.r[0] / b.rMag);
    if (b.r[1] < 0) ta = 2 * Math.PI - ta;
  }
  return wrapRadians(ta);
}

function compute(name: OrbitParameterName, b: Basics, mu: number): number {
  switch (name) {
    case "ECC":
      return b.ecc;
    case "INC":
      return inclination(b) * DEG;
    case "RAAN":
      return raanRad(b) * DEG;
    case "AOP":
      return aopRad(b) * DEG;
    case "TA":
      return taRad(b) * DEG;
    case "MA":
      return trueToMeanRad(taRad(b), b.ecc) * DEG;
    case "EA":
      return trueToEccentricRad(taRad(b), b.ecc) * DEG;
    case "HA":
      return trueToHyperbolicRad(taRad(b), b.ecc) * DEG;
    case "RMAG":
      return b.rMag;
    case "VMAG":
      return norm(b.v);
    case "HMAG":
      return b.hMag;
    case "HX":
      return b.h[0];
    case "HY":
      return b.h[1];
    case "HZ":
      return b.h[2];
    case "SemilatusRectum":
      return b.hMag < KEP_TOL ? 0 : (b.hMag / mu) * b.hMag;
    default:
      break;
  }
  const a = sma(b, mu);
  const e = b.ecc;
  const notParabolic = e < 1 - KEP_ECC_TOL || e > 1 + KEP_ECC_TOL;
  switch (name) {
    case "SMA":
      return a;
    case "RadPer":
      return a * (1 - e);
    case "RadApo":
      return notParabolic ? a * (1 + e) : 0;
    case "OrbitPeriod":
      return a < 0 ? 0 : 2 * Math.PI * Math.sqrt((a * a * a) / mu);
    case "Energy":
      return -mu / (2 * a);
    case "C3Energy":
      return -mu / a;
    case "MeanMotion":
      if (e < 1 - KEP_ECC_TOL) return Math.sqrt(mu / (a * a * a));
      if (e > 1 + KEP_ECC_TOL) return Math.sqrt(-(mu / (a * a * a)));
      return 2 * Math.sqrt(mu);
    case "VelPeriapsis":
      return Math.sqrt((mu / a) * ((1 + e) / (1 - e)));
    case "VelApoapsis":
      return notParabolic ? Math.sqrt((mu / a) * ((1 - e) / (1 + e))) : 0;
    default:
      throw new RangeError(`Unknown orbit parameter '${name}'`);
  }
}

/**
 * One scalar orbit parameter of a Cartesian state, as GMAT computes the report parameter of the
 * same name.
 *
 * @param name Parameter name, e.g. `SMA`, `TA`, `RadApo`, `OrbitPeriod` (see
 *   {@link ORBIT_PARAMETER_NAMES}).
 * @param s Cartesian state, km and km/s, relative to the central body.
 * @param mu Gravitational parameter of the central body, km^3/s^2.
 * @returns The value in the units listed in the module doc.
 * @throws {StateError} `STATE_CONVERSION` when the parameter is undefined for the state.
 *
 * @example SMA and period of GMAT's default spacecraft
 * ```ts
 * import { orbitParameter } from "./orbit_parameters.ts";
 * const s = new Float64Array([7100, 0, 1300, 0, 7.35, 1]);
 * orbitParameter("SMA", s, 398600.4415); // 7191.938817629013
 * orbitParameter("OrbitPeriod", s, 398600.4415); // about 6069.88 s
 * ```
 */
export function orbitParameter(name: OrbitParameterName, s: Vec6, mu: number): number {
  return compute(name, basics(s, mu), mu);
}

/**
 * All scalar orbit parameters of a state at once (see {@link orbitParameter}).
 *
 * @param s Cartesian state, km and km/s.
 * @param mu Gravitational parameter, km^3/s^2.
 * @throws {StateError} `STATE_CONVERSION` when any of them is undefined (e.g. a near-parabola).
 */
export function orbitParameters(s: Vec6, mu: number): OrbitParameters {
  const b = basics(s, mu);
  const out = {} as OrbitParameters;
  for (const name of ORBIT_PARAMETER_NAMES) out[name] = compute(name, b, mu);
  return out;
}
