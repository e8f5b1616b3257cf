/**
 * GMAT's Jacchia-Roberts atmosphere (`JacchiaRobertsAtmosphere.cpp`, derived from GTDS / Swingby):
 * Roberts' (1971) closed-form integration of Jacchia's 1970 static profiles, with GMAT's constants
 * (g0 = 9.80665 m/s^2, R = 8.31432 J/(K mol), Avogadro 6.022045e23, rho(90 km) = 3.46e-9 g/cm^3,
 * T(90 km) = 183 K) and the Earth's polar radius R(1 - f) as the integration radius.
 *
 * Inputs as GMAT forms them (`JacchiaRobertsAtmosphere::Density`, `JacchiaRoberts`):
 * - nighttime minimum exospheric temperature `Tc = 379 + 3.24 F10.7a + 1.3 (F10.7 - F10.7a)`;
 * - the Sun's declination and the spacecraft-Sun hour angle both come from the *inertial*
 *   (EarthMJ2000Eq) Sun and spacecraft vectors: the hour angle is the signed angle between their
 *   projections on the equator, so Earth's rotation never enters;
 * - geodetic height and geodetic latitude (`CalculateGeodetics`);
 * - Kp enters directly (28 Kp + 0.03 e^Kp, 14 Kp + 0.02 e^Kp below 200 km, and the 0.012 Kp
 *   geomagnetic density correction below 200 km);
 * - the semiannual and seasonal-latitudinal corrections use the UTC modified Julian date (GMAT MJD;
 *   the code's `a1_time` argument is the UTC epoch).
 *
 * Regions: up to 90 km the constant 3.46e-9 g/cm^3, 90-100 km Roberts' mixed-gas integral, 100-125
 * km the per-species integral, 125-2500 km the diffusion solution with Jacchia's species tables
 * (helium with its seasonal-latitudinal factor, hydrogen only above 500 km), 0 above 2500 km; every
 * region is multiplied by the correction factor 10^(geomagnetic + semiannual + seasonal-latitude).
 * {@link jacchiaRobertsDensity} refuses heights of 100 km and below as GMAT R2026a's `Density`
 * does; {@link jacchiaRobertsModelDensity} evaluates the model itself at any height.
 *
 * @module
 */

import { EARTH_FLATTENING, EARTH_RADIUS } from "../constants.ts";
import { AtmosphereError } from "./atmosphere_error.ts";

/** What the Jacchia-Roberts model needs for one density. */
export interface JacchiaRobertsInput {
  /** Geodetic height, km. */
  readonly heightKm: number;
  /** Geodetic latitude, degrees. */
  readonly latDeg: number;
  /** Spacecraft position relative to Earth, EarthMJ2000Eq axes, km. */
  readonly positionKm: ArrayLike<number>;
  /** Sun position relative to Earth, EarthMJ2000Eq axes, km (only its direction matters). */
  readonly sunKm: ArrayLike<number>;
  /** UTC epoch as a GMAT modified Julian date (days since JD 2430000.0). */
  readonly utcMjd: number;
  /** F10.7 (GMAT: the previous day's observed value, or the constant), sfu. */
  readonly f107: number;
  /** F10.7 81-day centred average, sfu. */
  readonly f107a: number;
  /** Geomagnetic index Kp. */
  readonly kp: number;
}

/** Density below 90 km and the base of the 90-100 km integral, g/cm^3. */
const RHO_ZERO = 3.46e-9;
/** Temperature at 90 km, K. */
const T_ZERO = 183.0;
/** Acceleration of gravity GMAT uses, m/s^2. */
const G_ZERO = 9.80665;
/** Gas constant GMAT uses, J/(K mol). */
const GAS_CON = 8.31432;
/** Avogadro's number GMAT uses. */
const AVOGADRO = 6.022045e23;
/** Mean molecular mass at 90 km, g/mol. */
const M_ZERO = 28.82678;
/** Ratio fixing T(100 km) between T(90 km) and Tx. */
const OMEGA = -0.94585589;

/** Temperature-profile polynomial in height below 125 km (Roberts' C_i). */
const CON_C = [-89284375.0, 3542400.0, -52687.5, 340.5, -0.8];
/** Temperature-profile polynomial in T-infinity above 125 km (Roberts' l_i). */
const CON_L = [0.1031445e5, 0.2341230e1, 0.1579202e-2, -0.1252487e-5, 0.2462708e-9];
/** Mean molecular mass polynomial M(z), 90-100 km. */
const M_CON = [
  -435093.363387,
  28275.5646391,
  -765.33466108,
  11.043387545,
  -0.08958790995,
  0.00038737586,
  -0.000000697444,
];
/** S(z) polynomial, 90-100 km. */
const S_CON = [
  3144902516.672729,
  -123774885.4832917,
  1816141.096520398,
  -11403.31079489267,
  24.36498612105595,
  0.008957502869707995,
];
/** Temperature part of S(z), 90-100 km. */
const S_BETA = [-52864482.17910969, -16632.50847336828, -1.308252378125, 0, 0, 0];
/** Density at 100 km polynomial in T-infinity (Roberts' zeta). */
const ZETA_CON = [
  0.1985549e-10,
  -0.1833490e-14,
  0.1711735e-17,
  -0.1021474e-20,
  0.3727894e-24,
  -0.7734110e-28,
  0.7026942e-32,
];
/** Molecular masses: N2, Ar, He, O2, O, H, g/mol. */
const MOL_MASS = [28.0134, 39.948, 4.0026, 31.9988, 15.9994, 1.00797];
/** Sea-level number fractions (divided by Avogadro's number): N2, Ar, He, O2, O. */
const NUM_DENS = [0.78110, 0.93432e-2, 0.61471e-5, 0.161778, 0.95544e-1];
/** log10 number density at 125 km polynomials in T-infinity: N2, Ar, He, O2, O. */
const CON_DEN = [
  [
    0.1093155e2,
    0.1186783e-2,
    -0.1677341e-5,
    0.1420228e-8,
    -0.7139785e-12,
    0.1969715e-15,
    -0.2296182e-19,
  ],
  [
    0.8049405e1,
    0.2382822e-2,
    -0.3391366e-5,
    0.2909714e-8,
    -0.1481702e-11,
    0.4127600e-15,
    -0.4837461e-19,
  ],
  [0.7646886e1, -0.4383486e-3, 0.4694319e-6, -0.2894886e-9, 0.9451989e-13, -0.1270838e-16, 0],
  [
    0.9924237e1,
    0.1600311e-2,
    -0.2274761e-5,
    0.1938454e-8,
    -0.9782183e-12,
    0.2698450e-15,
    -0.3131808e-19,
  ],
  [0.1097083e2, 0.6118742e-4, -0.1165003e-6, 0.9239354e-10, -0.3490739e-13, 0.5116298e-17, 0],
];

/** GMAT's `GmatRealConstants::REAL_TOL`, the hour-angle degeneracy threshold. */
const REAL_TOL = 1.0e-16;

/** Earth's polar radius as GMAT's `CelestialBody::GetPolarRadius` gives it, km. */
export const EARTH_POLAR_RADIUS = EARTH_RADIUS * (1 - EARTH_FLATTENING);

/** Evaluates sum(c[i] x^i). */
function poly(c: readonly number[], x: number): number {
  let s = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** The temperature state GMAT's `exotherm` leaves behind for the density routines. */
interface Exotherm {
  /** Temperature at the height, K. */
  readonly temperature: number;
  /** Exospheric temperature T-infinity, K. */
  readonly tInf: number;
  /** Inflection temperature Tx at 125 km, K. */
  readonly tx: number;
  /** The CON_L polynomial in T-infinity (above 125 km). */
  readonly sum: number;
  /** Real roots and the complex pair (x +- iy) of the height polynomial (at or below 125 km). */
  readonly root1: number;
  readonly root2: number;
  readonly xRoot: number;
  readonly yRoot: number;
}

/**
 * Finds one complex root of sum(a[i] z^i) by Newton's method from `(re, im)`, iterating until
 * the summed relative change of the parts is at most 1e-14 (GMAT's `roots`).
 */
function newtonRoot(a: readonly number[], re: number, im: number): [number, number] {
  const n1 = a.length - 1;
  let zr = re;
  let zi = im;
  for (let iteration = 0; iteration < 200; iteration++) {
    let pr = a[n1];
    let pi = 0;
    let dr = a[n1];
    let di = 0;
    for (let j = n1 - 1; j >= 0; j--) {
      const t = zr * pr - zi * pi + a[j];
      pi = zr * pi + zi * pr;
      pr = t;
      if (j !== 0) {
        const u = zr * dr - zi * di + pr;
        di = zr * di + zi * dr + pi;
        dr = u;
      }
    }
    const sr = zr;
    const si = zi;
    const denom = dr * dr + di * di;
    zr -= (pr * dr + pi * di) / denom;
    zi += (pr * di - pi * dr) / denom;
    let dif = Math.abs((sr - zr) / sr);
    if (si !== 0) dif += Math.abs((si - zi) / si);
    if (!(dif > 1.0e-14)) return [zr, zi];
  }
  throw new AtmosphereError(
    "Jacchia-Roberts: the temperature-profile root search did not converge; the exospheric " +
      "temperature is outside the model's range (check F10.7, F10.7A and Kp).",
  );
}

/** Divides sum(c[i] z^i) by (z - root), returning the quotient's coefficients. */
function deflate(c: readonly number[], root: number): number[] {
  const n = c.length;
  const q = new Array<number>(n - 1);
  let sum = c[n - 1];
  for (let i = n - 2; i >= 0; i--) {
    q[i] = sum;
    sum = c[i] + sum * root;
  }
  return q;
}

/** GMAT's `exotherm`: local temperature and the auxiliary quantities at `height`. */
function exotherm(
  sc: ArrayLike<number>,
  sun: ArrayLike<number>,
  xtemp: number,
  kp: number,
  height: number,
  sunDec: number,
  geoLat: number,
  polarRadius: number,
  previousSum: number,
): Exotherm {
  const sunDenom = Math.sqrt(sun[0] * sun[0] + sun[1] * sun[1]);
  const cross = sun[0] * sc[1] - sun[1] * sc[0];
  const crossDenom = Math.abs(cross);
  const cosDenom = Math.sqrt(sc[0] * sc[0] + sc[1] * sc[1]);
  if (crossDenom < REAL_TOL || cosDenom < REAL_TOL) {
    throw new AtmosphereError(
      "Jacchia-Roberts: the spacecraft is over a pole or exactly in the Sun's meridian plane, " +
        "where GMAT's hour-angle formula divides by zero; offset the state slightly.",
    );
  }
  const cosAlpha = (sun[0] * sc[0] + sun[1] * sc[1]) / (sunDenom * cosDenom);
  let hourAngle: number;
  if (cosAlpha >= 1 - 1e-14) hourAngle = 0;
  else if (cosAlpha <= -1 + 1e-14) hourAngle = (cross / crossDenom) * Math.PI;
  else hourAngle = (cross / crossDenom) * Math.acos(cosAlpha);

  const theta = 0.5 * Math.abs(geoLat + sunDec);
  const eta = 0.5 * Math.abs(geoLat - sunDec);
  let tau = hourAngle - 0.64577182325 + 0.10471975512 * Math.sin(hourAngle + 0.75049157836);
  if (tau < -Math.PI) tau += 2 * Math.PI;
  else if (tau > Math.PI) tau -= 2 * Math.PI;
  const th22 = Math.pow(Math.sin(theta), 2.2);
  const t1 = xtemp *
    (1 + 0.3 * (th22 + Math.pow(Math.cos(0.5 * tau), 3) * (Math.pow(Math.cos(eta), 2.2) - th22)));
  const expkp = Math.exp(kp);
  const tInf = height < 200 ? t1 + 14 * kp + 0.02 * expkp : t1 + 28 * kp + 0.03 * expkp;
  const tx = 371.6678 + 0.0518806 * tInf - 294.3505 * Math.exp(-0.00216222 * tInf);

  let sum = previousSum;
  let temperature: number;
  if (height < 125) {
    sum = poly(CON_C, height);
    temperature = tx + (tx - T_ZERO) * sum / 1.500625e6;
  } else if (height > 125) {
    sum = poly(CON_L, tInf);
    temperature = tInf -
      (tInf - tx) *
        Math.exp(
          -(tx - T_ZERO) / (tInf - tx) * (height - 125) / 35 * sum / (polarRadius + height),
        );
  } else {
    temperature = tx;
  }

  let root1 = NaN;
  let root2 = NaN;
  let xRoot = NaN;
  let yRoot = NaN;
  if (height <= 125) {
    const cStar = [
      CON_C[0] + 1500625.0 * tx / (tx - T_ZERO),
      CON_C[1],
      CON_C[2],
      CON_C[3],
      CON_C[4],
    ];
    root1 = newtonRoot(cStar, 125, 0)[0];
    const c4 = deflate(cStar, root1);
    root2 = newtonRoot(c4, 200, 0)[0];
    const c3 = deflate(c4, root2);
    const [xr, yr] = newtonRoot(c3, 10, 125);
    xRoot = xr;
    yRoot = Math.abs(yr);
  }
  return { temperature, tInf, tx, sum, root1, root2, xRoot, yRoot };
}

/** Auxiliary products of the roots shared by the 90-100 and 100-125 km integrals. */
function rootTerms(e: Exotherm, rp: number) {
  const { root1: r1, root2: r2, xRoot: x } = e;
  const rp2 = rp * rp;
  const roots2 = x * x + e.yRoot * e.yRoot;
  const quad = rp2 + 2 * rp * x + roots2;
  return {
    roots2,
    xStar: -2 * r1 * r2 * rp * quad,
    v: (rp + r1) * (rp + r2) * quad,
    u0: (r1 - r2) * (r1 + rp) * (r1 + rp) * (r1 * r1 - 2 * r1 * x + roots2),
    u1: (r1 - r2) * (r2 + rp) * (r2 + rp) * (r2 * r2 - 2 * r2 * x + roots2),
    w0: r1 * r2 * rp * (rp + r1) * (rp + roots2 / r1),
    w1: r1 * r2 * rp * (rp + r2) * (rp + roots2 / r2),
  };
}

/** GMAT's `rho_100`: density between 90 and 100 km, g/cm^3. */
function rho100(h: number, e: Exotherm, rp: number): number {
  const { root1: r1, root2: r2, xRoot: x, yRoot: y, tx } = e;
  const rp2 = rp * rp;
  const mPoly = poly(M_CON, h);
  const b = S_CON.map((s, i) => s + S_BETA[i] * tx / (tx - T_ZERO));
  const t = rootTerms(e, rp);
  const p2 = poly(b, r1) / t.u0;
  const p3 = -poly(b, r2) / t.u1;
  const p5 = poly(b, -rp) / t.v;
  const p4 = (b[0] - r1 * r2 * rp2 * (b[4] + b[5] * (2 * x + r1 + r2 - rp)) + t.w0 * p2 +
    t.w1 * p3 - r1 * r2 * b[5] * rp * t.roots2 + r1 * r2 * (rp2 - t.roots2) * p5) / t.xStar;
  const p1 = b[5] - 2 * p4 - p3 - p2;
  const p6 = b[4] + b[5] * (2 * x + r1 + r2 - rp) - p5 - 2 * (x + rp) * p4 - (r2 + rp) * p3 -
    (r1 + rp) * p2;
  const logF1 = p1 * Math.log((h + rp) / (90 + rp)) + p2 * Math.log((h - r1) / (90 - r1)) +
    p3 * Math.log((h - r2) / (90 - r2)) +
    p4 * Math.log((h * h - 2 * x * h + t.roots2) / (8100 - 180 * x + t.roots2));
  const f2 = (h - 90) * (M_CON[6] + p5 / ((h + rp) * (90 + rp))) +
    p6 * Math.atan(y * (h - 90) / (y * y + (h - x) * (90 - x))) / y;
  const k = -G_ZERO / (GAS_CON * (tx - T_ZERO));
  return RHO_ZERO * T_ZERO * mPoly * Math.exp(k * (logF1 + f2)) / (M_ZERO * e.temperature);
}

/** GMAT's `rho_125`: density between 100 and 125 km, g/cm^3. */
function rho125(h: number, e: Exotherm, rp: number): number {
  const { root1: r1, root2: r2, xRoot: x, yRoot: y, tx } = e;
  const rp2 = rp * rp;
  const rhoPrime = poly(ZETA_CON, e.tInf);
  const t100 = tx + OMEGA * (tx - T_ZERO);
  const t = rootTerms(e, rp);
  const q2 = 1 / t.u0;
  const q3 = -1 / t.u1;
  const q5 = 1 / t.v;
  const q4 = (1 + t.w0 * q2 + t.w1 * q3 + r1 * r2 * (rp2 - t.roots2) * q5) / t.xStar;
  const q1 = -2 * q4 - q3 - q2;
  const q6 = -q5 - 2 * (x + rp) * q4 - (r2 + rp) * q3 - (r1 + rp) * q2;
  const logF3 = q1 * Math.log((h + rp) / (100 + rp)) + q2 * Math.log((h - r1) / (100 - r1)) +
    q3 * Math.log((h - r2) / (100 - r2)) +
    q4 * Math.log((h * h - 2 * x * h + t.roots2) / (1.0e4 - 200 * x + t.roots2));
  const f4 = (h - 100) * q5 / ((h + rp) * (100 + rp)) +
    q6 * Math.atan(y * (h - 100) / (y * y + (h - x) * (100 - x))) / y;
  const k = -1500625.0 * G_ZERO * rp2 / (GAS_CON * CON_C[4] * (tx - T_ZERO));
  let rhoSum = 0;
  for (let i = 0; i <= 4; i++) {
    let rhoi = MOL_MASS[i] * NUM_DENS[i] * Math.exp(MOL_MASS[i] * k * (f4 + logF3));
    if (i === 2) rhoi *= Math.pow(t100 / e.temperature, -0.38);
    rhoSum += rhoi;
  }
  return rhoSum * rhoPrime * t100 / e.temperature;
}

/** GMAT's `rho_high`: density between 125 and 2500 km, g/cm^3. */
function rhoHigh(
  h: number,
  e: Exotherm,
  t500: number,
  sunDec: number,
  geoLat: number,
  rp: number,
): number {
  const { tInf, tx, sum, temperature } = e;
  let rho = 0;
  for (let i = 0; i <= 5; i++) {
    const gamma = 35 * MOL_MASS[i] * G_ZERO * rp * rp * (tInf - tx) /
      (GAS_CON * sum * tInf * (tx - T_ZERO) * (rp + 125));
    let exp1 = 1 + gamma;
    if (i <= 4) {
      const di = Math.pow(10, poly(CON_DEN[i], tInf)) / AVOGADRO;
      let f = 1;
      if (i === 2) {
        exp1 -= 0.38;
        const s = Math.sin(0.25 * Math.PI - 0.5 * geoLat * sunDec / Math.abs(sunDec));
        f = Math.pow(10, 4.9914 * Math.abs(sunDec) * (s * s * s - 0.35355) / Math.PI);
      }
      rho += f * MOL_MASS[i] * di * Math.pow(tx / temperature, exp1) *
        Math.pow((tInf - temperature) / (tInf - tx), gamma);
    } else if (h > 500) {
      const lt = Math.log10(t500);
      rho += MOL_MASS[5] * Math.pow(10, 73.13 - (39.4 - 5.5 * lt) * lt) *
        Math.pow(t500 / temperature, exp1) *
        Math.pow((tInf - temperature) / (tInf - t500), gamma) / AVOGADRO;
    }
  }
  return rho;
}

/** GMAT's `rho_cor`: the multiplicative correction 10^(geomagnetic + semiannual + lat.). */
function rhoCorrection(h: number, utcMjd: number, geoLat: number, kp: number): number {
  const geoCor = h < 200 ? 0.012 * kp + 0.000012 * Math.exp(kp) : 0;
  const f = (5.876e-7 * Math.pow(h, 2.331) + 0.06328) * Math.exp(-0.002868 * h);
  const day58 = (utcMjd - 6204.5) / 365.2422;
  const tausa = day58 +
    0.09544 * (Math.pow(0.5 * (1 + Math.sin(2 * Math.PI * day58 + 6.035)), 1.65) - 0.5);
  const alpha = Math.sin(4 * Math.PI * tausa + 4.259);
  const g = 0.02835 + (0.3817 + 0.17829 * Math.sin(2 * Math.PI * tausa + 4.137)) * alpha;
  const sinLat = Math.sin(geoLat);
  const etaLat = Math.sin(2 * Math.PI * day58 + 1.72) * sinLat * Math.abs(sinLat);
  const slatCor = 0.014 * (h - 90) * etaLat * Math.exp(-0.0013 * (h - 90) * (h - 90));
  return Math.pow(10, geoCor + f * g + slatCor);
}

/**
 * The Jacchia-Roberts model density at any height (GMAT's `JacchiaRoberts`), without the 100 km
 * floor GMAT R2026a's drag applies.
 *
 * @param input Position, Sun, epoch and space weather.
 * @param polarRadius Integration radius, km (default Earth's polar radius).
 * @returns Density, kg/m^3.
 */
export function jacchiaRobertsModelDensity(
  input: JacchiaRobertsInput,
  polarRadius: number = EARTH_POLAR_RADIUS,
): number {
  const { heightKm: h, positionKm: sc, sunKm: sun, kp } = input;
  const xtemp = 379.0 + 3.24 * input.f107a + 1.3 * (input.f107 - input.f107a);
  const sunDec = Math.atan2(sun[2], Math.sqrt(sun[0] * sun[0] + sun[1] * sun[1]));
  const geoLat = input.latDeg * (Math.PI / 180);
  const at = (height: number, previousSum: number) =>
    exotherm(sc, sun, xtemp, kp, height, sunDec, geoLat, polarRadius, previousSum);

  let rho: number;
  if (h <= 90) rho = RHO_ZERO;
  else if (h < 100) rho = rho100(h, at(h, NaN), polarRadius);
  else if (h <= 125) rho = rho125(h, at(h, NaN), polarRadius);
  else if (h <= 2500) {
    const e500 = at(500, NaN);
    rho = rhoHigh(h, at(h, e500.sum), e500.temperature, sunDec, geoLat, polarRadius);
  } else rho = 0;
  return 1.0e3 * rho * rhoCorrection(h, input.utcMjd, geoLat, kp);
}

/**
 * Density of GMAT's Jacchia-Roberts drag atmosphere (`JacchiaRobertsAtmosphere::Density`).
 *
 * @param input Position, Sun, epoch and space weather.
 * @param polarRadius Integration radius, km (default Earth's polar radius).
 * @returns Density, kg/m^3 (0 above 2500 km).
 */
export function jacchiaRobertsDensity(
  input: JacchiaRobertsInput,
  polarRadius: number = EARTH_POLAR_RADIUS,
): number {
  if (!(input.heightKm > 100)) {
    throw new AtmosphereError(
      `Jacchia-Roberts: height ${input.heightKm} km is not above 100 km, where GMAT's model ` +
        `stops (as in GMAT R2026a); use the Exponential or MSISE90 atmosphere for lower orbits, ` +
        `or end the propagation above 100 km.`,
    );
  }
  return jacchiaRobertsModelDensity(input, polarRadius);
}
