/**
 * GMAT's Brouwer-Lyddane mean elements (`StateConversionUtil::BrouwerMeanShortToOsculating
 * Elements`, `BrouwerMeanLongToOsculatingElements`, `CartesianToBrouwerMeanShort`,
 * `CartesianToBrouwerMeanLong`), ported term by term.
 *
 * Elements: `[SMA, ECC, INC, RAAN, AOP, MA]` (km, degrees) of the mean orbit. "Short" removes the
 * J2 short-period terms only; "Long" removes short- and long-period terms of J2..J5 (GMAT's
 * constants: Re 6378.1363 km, J2 1.082626925638815e-3, J3 -2.532307818191774e-6, J4
 * -1.62042999e-6, J5 -2.270711043920343e-7). Mean -> osculating is closed form; osculating ->
 * mean is GMAT's fixed-point iteration on alternate-equinoctial differences (tolerance 1e-8 in
 * the relative Cartesian error, at most 76 passes, stopped early when the error grows).
 *
 * Limits, as GMAT's: Earth only (mu within 1 of 398600.44), 0 <= ECC <= 0.99, periapsis radius
 * above 6378 km; inclinations above 177 deg use the mirrored orbit. Near the critical
 * inclinations (63.4 / 116.6 deg) the Long set drops its long-period terms (GMAT warns).
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { trueToMeanRad } from "./anomaly.ts";
import { cartesianToKeplerian } from "./cartesian_to_keplerian.ts";
import { keplerianToCartesian } from "./keplerian_to_cartesian.ts";
import { DEG } from "./_vector.ts";
import type { Elements6 } from "./spherical.ts";

/** Which Brouwer-Lyddane mean set. */
export type BrouwerKind = "Short" | "Long";

const RE = 6378.1363;
const J2 = 1.082626925638815e-3;
const J3 = -0.2532307818191774e-5;
const J4 = -0.1620429990000000e-5;
const J5 = -0.2270711043920343e-6;
const TWO_PI = 2 * Math.PI;

/** Receives GMAT's non-fatal messages (non-convergence, critical inclination). */
export type BrouwerWarn = (message: string) => void;

function fail(kind: BrouwerKind, why: string): never {
  throw new StateError(`Cannot convert with BrouwerMean${kind}: ${why}`);
}

function checkMu(kind: BrouwerKind, mu: number, earthMu: number): void {
  if (Math.abs(mu - earthMu) > 1) fail(kind, "it is applicable only to the Earth");
}

function mod(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

/** Kepler's equation as GMAT's ComputeMeanToTrueAnomaly, with the caller's tolerance. */
function meanToTrue(ma: number, e: number, tol: number): number {
  let e2 = ma + e * Math.sin(ma);
  for (let i = 0; i < 75; i++) {
    const e1 = e2 - (e2 - e * Math.sin(e2) - ma) / (1 - e * Math.cos(e2));
    const done = Math.abs(e2 - e1) < tol;
    e2 = e1;
    if (done) break;
  }
  let ea = e2;
  if (ea < 0) ea += TWO_PI;
  const ta = Math.abs(ea - Math.PI) >= 1e-8
    ? 2 * Math.atan(Math.sqrt((1 + e) / (1 - e)) * Math.tan(ea / 2))
    : ea;
  return mod(ta, TWO_PI);
}

/** Mean elements (short-period J2 removed) -> osculating `[SMA, ECC, INC, RAAN, AOP, MA]`. */
export function brouwerShortToOsculating(mu: number, m: ArrayLike<number>): Elements6 {
  checkMu("Short", mu, 398600.4415);
  const smap = m[0] / RE;
  let e = m[1];
  const inc = m[2] / DEG;
  let raan = m[3] / DEG;
  let aop = m[4] / DEG;
  let M = m[5] / DEG;
  if (inc < 0 || inc > Math.PI) fail("Short", "the mean INC must be in [0, 180] deg");
  if (m[0] * (1 - m[1]) < 6378) fail("Short", "the mean RadPer must be larger than 6378 km");
  if (e < 0) {
    e = -e;
    M += Math.PI;
    aop += Math.PI;
  }
  if (e > 0.99) fail("Short", "the mean ECC must be smaller than 0.99");
  raan = mod(raan, TWO_PI);
  aop = mod(aop, TWO_PI);
  M = mod(M, TWO_PI);
  const eta = Math.sqrt(1 - e * e);
  const th = Math.cos(inc);
  const th2 = th * th;
  const p = smap * eta * eta;
  const gm2 = J2 / 2 / (smap * smap);
  const gm2p = gm2 / eta ** 4;
  const f = meanToTrue(M, e, 1e-8);
  const rp = p / (1 + e * Math.cos(f));
  const adr = smap / rp;
  const cf = Math.cos(f);
  const sf = Math.sin(f);
  const sma1 = smap + smap * gm2 * ((adr ** 3 - 1 / eta ** 3) * (-1 + 3 * th2) +
        3 * (1 - th2) * adr ** 3 * Math.cos(2 * aop + 2 * f));
  const decc = eta * eta / 2 * (
    3 / eta ** 6 * gm2 * (1 - th2) * Math.cos(2 * aop + 2 * f) *
      (3 * e * cf * cf + 3 * cf + e * e * cf ** 3 + e) -
    gm2p * (1 - th2) * (3 * Math.cos(2 * aop + f) + Math.cos(3 * f + 2 * aop)) +
    (3 * th2 - 1) * gm2 / eta ** 6 *
      (e * eta + e / (1 + eta) + 3 * e * cf * cf + 3 * cf + e * e * cf ** 3)
  );
  const dinc = gm2p / 2 * th * Math.sin(inc) * (3 * Math.cos(2 * aop + 2 * f) +
    3 * e * Math.cos(2 * aop + f) + e * Math.cos(2 * aop + 3 * f));
  const draan = -gm2p / 2 * th * (6 * (f - M + e * sf) - 3 * Math.sin(2 * aop + 2 * f) -
    3 * e * Math.sin(2 * aop + f) - e * Math.sin(2 * aop + 3 * f));
  const q = adr * adr * eta * eta + adr;
  const lgh = raan + aop + M + gm2p / 4 * (6 * (-1 - 2 * th + 5 * th2) * (f - M + e * sf) +
        (3 + 2 * th - 5 * th2) * (3 * Math.sin(2 * aop + 2 * f) + 3 * e * Math.sin(2 * aop + f) +
            e * Math.sin(2 * aop + 3 * f))) +
    gm2p / 4 * eta * eta / (eta + 1) * e * (3 * (1 - th2) *
          (Math.sin(3 * f + 2 * aop) * (1 / 3 + q) + Math.sin(2 * aop + f) * (1 - q)) +
        2 * sf * (3 * th2 - 1) * (1 + q));
  const edl = -(eta ** 3) / 4 * gm2p * (2 * (-1 + 3 * th2) * (q + 1) * sf +
    3 * (1 - th2) * ((-q + 1) * Math.sin(2 * aop + f) + (q + 1 / 3) * Math.sin(2 * aop + 3 * f)));
  const ecosl = (e + decc) * Math.cos(M) - edl * Math.sin(M);
  const esinl = (e + decc) * Math.sin(M) + edl * Math.cos(M);
  const ecc1 = Math.sqrt(ecosl * ecosl + esinl * esinl);
  let ma1 = 0;
  if (ecc1 >= 1e-11) {
    ma1 = Math.atan2(esinl, ecosl);
    if (ma1 < 0) ma1 += TWO_PI;
  }
  const a = Math.sin(0.5 * inc) + Math.cos(0.5 * inc) * 0.5 * dinc;
  const b = 0.5 * Math.sin(inc) / Math.cos(inc / 2) * draan;
  const sis = a * Math.sin(raan) + b * Math.cos(raan);
  const sic = a * Math.cos(raan) - b * Math.sin(raan);
  const inc1 = 2 * Math.asin(Math.sqrt(sis * sis + sic * sic));
  let raan1 = inc1 === 0 ? 0 : Math.atan2(sis, sic);
  let aop1 = mod(lgh - ma1 - raan1, TWO_PI);
  if (raan1 < 0) raan1 += TWO_PI;
  if (aop1 < 0) aop1 += TWO_PI;
  return [sma1 * RE, ecc1, inc1 * DEG, raan1 * DEG, aop1 * DEG, ma1 * DEG];
}

/** Mean elements (short and long period J2..J5 removed) -> osculating elements. */
export function brouwerLongToOsculating(
  mu: number,
  m: ArrayLike<number>,
  warn?: BrouwerWarn,
): Elements6 {
  checkMu("Long", mu, 398600.4418);
  let pseudo = false;
  const smadp = m[0] / RE;
  let e = m[1];
  let inc = m[2] / DEG;
  let raan = m[3] / DEG;
  let aop = m[4] / DEG;
  let M = m[5] / DEG;
  if (inc > 177 / DEG) {
    inc = Math.PI - inc;
    raan = -raan;
    pseudo = true;
  }
  if (e < 0) {
    e = -e;
    aop -= Math.PI;
    M += Math.PI;
  }
  if (e > 0.99) fail("Long", "the mean ECC must be smaller than 0.99");
  if (m[0] * (1 - m[1]) < 6378) fail("Long", "the mean RadPer must be larger than 6378 km");
  if (m[2] > 180) fail("Long", "the mean INC must be smaller than 180 deg");
  raan = mod(raan, TWO_PI);
  aop = mod(aop, TWO_PI);
  M = mod(M, TWO_PI);

  const bk2 = J2 / 2;
  const bk3 = -J3;
  const bk4 = -(3 / 8) * J4;
  const bk5 = -J5;
  const e2 = e * e;
  const cn2 = 1 - e2;
  const cn = Math.sqrt(cn2);
  const gm2 = bk2 / smadp ** 2;
  const gmp2 = gm2 / (cn2 * cn2);
  const gm4 = bk4 / smadp ** 4;
  const gmp4 = gm4 / cn ** 8;
  const th = Math.cos(inc);
  const th2 = th * th;
  const th4 = th2 * th2;
  const gm3 = bk3 / smadp ** 3;
  const gmp3 = gm3 / (cn2 * cn2 * cn2);
  const gm5 = bk5 / smadp ** 5;
  const gmp5 = gm5 / cn ** 10;
  const g3dg2 = gmp3 / gmp2;
  const g4dg2 = gmp4 / gmp2;
  const g5dg2 = gmp5 / gmp2;
  const sinM = Math.sin(M);
  const cosM = Math.cos(M);
  const sinR = Math.sin(raan);
  const cosR = Math.cos(raan);

  const f = meanToTrue(M, e, 0.5e-15);
  const rp = smadp * (1 - e * e) / (1 + e * Math.cos(f));
  const adr = smadp / rp;
  const sinta = Math.sin(f);
  const costa = Math.cos(f);
  const cs2gta = Math.cos(2 * aop + 2 * f);
  const adr2 = adr * adr;
  const adr3 = adr2 * adr;
  const costa2 = costa * costa;
  const d5 = 1 - 5 * th2;

  const a1 = (gmp2 * cn2 / 8) * (1 - 11 * th2 - 40 * th4 / d5);
  const a2 = (5 / 12 * g4dg2 * cn2) * (1 - 8 * th4 / d5 - 3 * th2);
  const a3 = g5dg2 * (3 * e2 + 4);
  const a4 = g5dg2 * (1 - 24 * th4 / d5 - 9 * th2);
  const a5 = (g5dg2 * (3 * e2 + 4)) * (1 - 24 * th4 / d5 - 9 * th2);
  const a6 = g3dg2 / 4;
  const sinI = Math.sin(inc);
  const a10 = cn2 * sinI;
  const a7 = a6 * a10;
  const a8p = g5dg2 * e * (1 - 16 * th4 / d5 - 5 * th2);
  const a8 = a8p * e;
  const b13 = e * (a1 - a2);
  const b14 = a7 + 5 / 64 * a5 * a10;
  const b15 = a8 * a10 * (35 / 384);
  const a11 = 2 + e2;
  const a12 = 3 * e2 + 2;
  const a13 = th2 * a12;
  const a14 = (5 * e2 + 2) * (th4 / d5);
  const a17 = th4 / (d5 * d5);
  const a15 = e2 * th4 * th2 / (d5 * d5);
  const a16 = th2 / d5;
  const a18 = e * sinI;
  const a19 = a18 / (1 + cn);
  const a21 = e * th;
  const a22 = e2 * th;
  const sinI2 = Math.sin(inc / 2);
  const cosI2 = Math.cos(inc / 2);
  const tanI2 = Math.tan(inc / 2);
  const a26 = 16 * a16 + 40 * a17 + 3;
  const a27 = a22 / 8 * (11 + 200 * a17 + 80 * a16);

  const b1 = cn * (a1 - a2) -
    ((a11 - 400 * a15 - 40 * a14 - 11 * a13) / 16 + (11 + 200 * a17 + 80 * a16) * a22 / 8) * gmp2 +
    ((-80 * a15 - 8 * a14 - 3 * a13 + a11) * (5 / 24) + 5 / 12 * a26 * a22) * g4dg2;
  const b2 = a6 * a19 * (2 + cn - e2) + 5 / 64 * a5 * a19 * cn2 -
    15 / 32 * a4 * a18 * cn * cn2 + (5 / 64 * a5 + a6) * a21 * tanI2 +
    (9 * e2 + 26) * (5 / 64) * a4 * a18 + 15 / 32 * a3 * a21 * a26 * sinI * (1 - th);
  const b3 = (80 * a17 + 5 + 32 * a16) * a22 * sinI * (th - 1) * (35 / 576) * g5dg2 * e -
    (a22 * tanI2 + (2 * e2 + 3 * (1 - cn2 * cn)) * sinI) * (35 / 1152) * a8p;
  const b4 = cn * e * (a1 - a2);
  const b5 = ((9 * e2 + 4) * a10 * a4 * (5 / 64) + a7) * cn;
  const b6 = 35 / 384 * a8 * cn2 * cn * sinI;
  const b7 = (cn2 * a18 / d5) * (gmp2 / 8 * (1 - 15 * th2) + (1 - 7 * th2) * g4dg2 * (-5 / 12));
  const b8 = 5 / 64 * (a3 * cn2 * (1 - 9 * th2 - 24 * th4 / d5)) + a6 * cn2;
  const b9 = a8 * (35 / 384) * cn2;
  const b10 = sinI * (a22 * a26 * g4dg2 * (5 / 12) - a27 * gmp2);
  const b11 = a21 * (a5 * (5 / 64) + a6 + a3 * a26 * (15 / 32) * sinI * sinI);
  const b12 = -((80 * a17 + 32 * a16 + 5) * (a22 * e * sinI * sinI * (35 / 576) * g5dg2) +
    a8 * a21 * (35 / 1152));

  const sma = smadp * (1 + gm2 * ((3 * th2 - 1) * (e2 / (cn2 * cn2 * cn2)) * (cn + 1 / (1 + cn)) +
        ((3 * th2 - 1) / (cn2 * cn2 * cn2)) * (e * costa) * (3 + 3 * e * costa + e2 * costa2) +
        3 * (1 - th2) * adr3 * cs2gta));
  const sn2gta = Math.sin(2 * aop + 2 * f);
  const snf2gd = Math.sin(2 * aop + f);
  const csf2gd = Math.cos(2 * aop + f);
  const sn2gd = Math.sin(2 * aop);
  const cs2gd = Math.cos(2 * aop);
  const sin3gd = Math.sin(3 * aop);
  const cs3gd = Math.cos(3 * aop);
  const sn3fgd = Math.sin(3 * f + 2 * aop);
  const cs3fgd = Math.cos(3 * f + 2 * aop);
  const sinGD = Math.sin(aop);
  const cosGD = Math.cos(aop);

  const bisubc = d5 ** -2 * (25 * th4 * th) * (gmp2 * e2);
  let blghp = 0, edl = 0, dltI = 0, sinDH = 0, dlt1e = 0;
  if (bisubc >= 0.001) {
    warn?.(
      "Mean inclination is close to critical inclination 63 or 117 DEG. There is a possible " +
        "inaccuracy.",
    );
  } else {
    blghp = mod(raan + aop + M + b3 * cs3gd + b1 * sn2gd + b2 * cosGD, TWO_PI);
    dlt1e = b14 * sinGD + b13 * cs2gd - b15 * sin3gd;
    edl = b4 * sn2gd - b5 * cosGD + b6 * cs3gd - cn2 * cn * gmp2 / 4 *
        (2 * (3 * th2 - 1) * (adr2 * cn2 + adr + 1) * sinta +
          3 * (1 - th2) * ((-adr2 * cn2 - adr + 1) * snf2gd + (adr2 * cn2 + adr + 1 / 3) * sn3fgd));
    dltI = 0.5 * th * gmp2 * sinI * (e * cs3fgd + 3 * (e * csf2gd + cs2gta)) -
      (a21 / cn2) * (b8 * sinGD + b7 * cs2gd - b9 * sin3gd);
    sinDH = (1 / cosI2) * (0.5 * (b12 * cs3gd + b11 * cosGD + b10 * sn2gd -
      (0.5 * gmp2 * th * sinI *
        (6 * (e * sinta - M + f) - (3 * (sn2gta + e * snf2gd) + e * sn3fgd)))));
  }
  const blgh = mod(
    blghp + (1 / (cn + 1)) / 4 * e * gmp2 * cn2 *
        (3 * (1 - th2) * (sn3fgd * (1 / 3 + adr2 * cn2 + adr) + snf2gd * (1 - (adr2 * cn2 + adr))) +
          2 * sinta * (3 * th2 - 1) * (adr2 * cn2 + adr + 1)) +
      gmp2 * 1.5 * ((-2 * th - 1 + 5 * th2) * (e * sinta + f - M)) +
      (3 + 2 * th - 5 * th2) * (gmp2 / 4 * (e * sn3fgd + 3 * (sn2gta + e * snf2gd))),
    TWO_PI,
  );
  const dlte = dlt1e + 0.5 * cn2 * (
        3 / (cn2 * cn2 * cn2) * gm2 * (1 - th2) * cs2gta *
          (3 * e * costa2 + 3 * costa + e2 * costa * costa2 + e) -
        gmp2 * (1 - th2) * (3 * csf2gd + cs3fgd) +
        (3 * th2 - 1) * gm2 / (cn2 * cn2 * cn2) *
          (e * cn + e / (1 + cn) + 3 * e * costa2 + 3 * costa + e2 * costa * costa2)
      );
  const ecc = Math.sqrt(edl * edl + (e + dlte) * (e + dlte));
  const halfI = dltI * cosI2 / 2 + sinI2;
  const incOut = mod(2 * Math.asin(Math.sqrt(sinDH * sinDH + halfI * halfI)), TWO_PI);
  let ma = 0;
  if (ecc > 1e-11) {
    ma = mod(Math.atan2(edl * cosM + (e + dlte) * sinM, (e + dlte) * cosM - edl * sinM), TWO_PI);
  }
  let raanOut: number;
  let aopOut: number;
  if (incOut <= 1e-11 && !pseudo) {
    raanOut = 0;
    aopOut = blgh - ma;
  } else if (incOut <= 1e-11) {
    aopOut = 0;
    raanOut = blgh - ma;
  } else {
    raanOut = Math.atan2(sinDH * cosR + sinR * halfI, cosR * halfI - sinDH * sinR);
    aopOut = blgh - ma - raanOut;
  }
  raanOut = mod(raanOut, TWO_PI);
  aopOut = mod(aopOut, TWO_PI);
  const out: Elements6 = [sma * RE, ecc, incOut * DEG, raanOut * DEG, aopOut * DEG, ma * DEG];
  if (pseudo) {
    out[2] = 180 - out[2];
    out[3] = -out[3];
  }
  return out;
}

/** Mean elements -> Cartesian (osculating elements with the mean anomaly -> state). */
export function brouwerToCartesian(
  kind: BrouwerKind,
  mu: number,
  m: ArrayLike<number>,
  warn?: BrouwerWarn,
): Elements6 {
  const k = kind === "Short"
    ? brouwerShortToOsculating(mu, m)
    : brouwerLongToOsculating(mu, m, warn);
  return keplerianMaToCartesian(k, mu);
}

function keplerianMaToCartesian(k: ArrayLike<number>, mu: number): Elements6 {
  const ta = meanToTrue(k[5] / DEG, k[1], 1e-8) * DEG;
  const s = keplerianToCartesian(
    { sma: k[0], ecc: k[1], inc: k[2], raan: k[3], aop: k[4], ta },
    mu,
  );
  return Array.from(s) as Elements6;
}

/** Alternate-equinoctial-like vector GMAT iterates on (degrees for the longitude). */
function aeqOf(k: ArrayLike<number>): number[] {
  const w = (k[4] + k[3]) / DEG;
  const s = Math.sin(k[2] / 2 / DEG);
  return [
    k[0],
    k[1] * Math.sin(w),
    k[1] * Math.cos(w),
    s * Math.sin(k[3] / DEG),
    s * Math.cos(k[3] / DEG),
    k[3] + k[4] + k[5],
  ];
}

function fromAeq(q: readonly number[]): Elements6 {
  let raan = Math.atan2(q[3], q[4]) * DEG;
  if (raan < 0) raan += 360;
  const lonPer = Math.atan2(q[1], q[2]) * DEG;
  return [
    q[0],
    Math.sqrt(q[1] * q[1] + q[2] * q[2]),
    Math.acos(1 - 2 * (q[3] * q[3] + q[4] * q[4])) * DEG,
    raan,
    lonPer - raan,
    q[5] - lonPer,
  ];
}

/**
 * Cartesian -> Brouwer-Lyddane mean elements, GMAT's iterative inverse.
 *
 * @param kind `Short` (J2 short-period) or `Long` (J2..J5 short and long period).
 * @param mu Earth's gravitational parameter, km^3/s^2.
 * @param cart Cartesian state, km and km/s.
 * @param warn Told of GMAT's warnings (non-convergence, iteration limit, critical inclination).
 * @returns `[SMA, ECC, INC, RAAN, AOP, MA]`, angles in [0, 360).
 * @throws {StateError} `STATE_CONVERSION` outside the limits listed in the module doc.
 */
export function cartesianToBrouwer(
  kind: BrouwerKind,
  mu: number,
  cart: ArrayLike<number>,
  warn?: BrouwerWarn,
): Elements6 {
  checkMu(kind, mu, kind === "Short" ? 398600.4418 : 398600.4415);
  const toOsc = (m: ArrayLike<number>) =>
    kind === "Short" ? brouwerShortToOsculating(mu, m) : brouwerLongToOsculating(mu, m, warn);
  let target: ArrayLike<number> = Float64Array.from(cart);
  const k0 = cartesianToKeplerian(Float64Array.from(target), mu);
  if (k0.ecc > 0.99 || k0.ecc < 0) fail(kind, `ECC (${k0.ecc}) must be in [0, 0.99]`);
  if (k0.sma * (1 - k0.ecc) < 6378) fail(kind, "RadPer must be larger than 6378 km");
  const kep = [k0.sma, k0.ecc, k0.inc, k0.raan, k0.aop, trueToMeanRad(k0.ta / DEG, k0.ecc) * DEG];
  let pseudo = false;
  if (kep[2] > 177) {
    kep[2] = 180 - kep[2];
    kep[3] = -kep[3];
    // GMAT converts the mirrored elements with the anomaly taken as true anomaly here.
    target = keplerianToCartesian(
      { sma: kep[0], ecc: kep[1], inc: kep[2], raan: kep[3], aop: kep[4], ta: kep[5] },
      mu,
    );
    pseudo = true;
  }
  const aeq = aeqOf(kep);
  let aeq2 = aeqOf(toOsc(kep));
  let mean = aeqOf(kep);
  let mean2 = mean.map((x, i) => x + aeq[i] - aeq2[i]);
  const norm = Math.hypot(...Array.from(target));
  let emag = 0.9;
  let emagOld = 1;
  for (let ii = 0; emag > 1e-8; ii++) {
    const osc = toOsc(fromAeq(mean2));
    const c2 = keplerianMaToCartesian(osc, mu);
    emag = Math.hypot(...c2.map((x, i) => target[i] - x)) / norm;
    if (emagOld > emag) {
      emagOld = emag;
      aeq2 = aeqOf(osc);
      mean = mean2;
      mean2 = mean.map((x, i) => x + aeq[i] - aeq2[i]);
    } else {
      warn?.(
        `the iterative algorithm for converting from Cartesian to BrouwerMean${kind} is not ` +
          `converging. So, it has been interrupted. The current relative error is ` +
          `${emagOld.toFixed(10)} .`,
      );
      break;
    }
    if (ii > 75) {
      warn?.("Maximum iteration number has been reached. There is a possible inaccuracy.");
      break;
    }
  }
  const out = fromAeq(mean2);
  if (pseudo) {
    out[2] = 180 - out[2];
    out[3] = -out[3];
  }
  for (const i of [3, 4, 5]) out[i] = mod(out[i], 360);
  return out;
}
