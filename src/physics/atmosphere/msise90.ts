/**
 * MSISE-90 (A. E. Hedin, J. Geophys. Res. 96, 1159-1172, 1991), ported from GMAT's
 * `msise90_sub.for` (`GTD6` with MASS = 48, the call GMAT's `Msise90Atmosphere::Density` makes):
 * thermosphere above 72.5 km (`GTS6`: Bates temperature profile above ZA ~ 122.8 km, spline
 * below, diffusive/mixed species with turbopause, chemistry and dissociation corrections), lower
 * and middle atmosphere below 72.5 km (`DENSM` splines of inverse temperature). Coefficients are in
 * `msise90_coefficients.ts`.
 *
 * Faithful to GMAT's build: all 25 switches on (`TSELEC` with SW = 1, so SW(9) = 1 and only the
 * daily Ap, `ap[0]`, enters; the 3-hourly history is ignored); the Fortran's own rounded constants
 * (degrees-to-radians 1.74533e-2, day 1.72142e-2, hour 0.2618, second 7.2722e-5); the Ap
 * activity factor `APDF` that `GLOB6S` reads is the one left by the last `GLOBE6` call, as in
 * the Fortran common block. GMAT passes single-precision inputs; they are rounded to float here
 * too, while the arithmetic is double (differences from GMAT's REAL*4 arithmetic ~1e-6).
 *
 * GMAT's inputs (`Msise90Atmosphere::Density`, `AtmosphereModel::GetInputs`): `iyd` and `sec`
 * from the UTC epoch by {@link gmatMsiseTime}; geodetic height, geodetic latitude and longitude
 * from `CalculateGeodetics`; `stl = sec / 3600 + lon / 15` hours (not wrapped); F10.7, F10.7A and
 * Ap from the space-weather source. Density = D(6) g/cm^3 x 1000 -> kg/m^3.
 *
 * @module
 */

import { PAVGM, PD, PDL, PDM, PMA, PS, PT, PTL, PTM } from "./msise90_coefficients.ts";

/** The arguments of MSISE-90's `GTD6` (GMAT's call). */
export interface Msise90Input {
  /** Year and day of year as `year * 1000 + doy`. */
  readonly iyd: number;
  /** Universal time, seconds of day. */
  readonly sec: number;
  /** Geodetic altitude, km. */
  readonly altKm: number;
  /** Geodetic latitude, degrees. */
  readonly latDeg: number;
  /** Longitude, degrees. */
  readonly lonDeg: number;
  /** Local apparent solar time, hours. */
  readonly lstHours: number;
  /** 81-day average F10.7, sfu. */
  readonly f107a: number;
  /** F10.7 of the previous day, sfu. */
  readonly f107: number;
  /** Ap array (daily Ap first; GMAT's switches use only the daily value). */
  readonly ap: readonly number[];
}

/** GTD6's outputs. */
export interface Msise90Output {
  /** Number densities cm^-3: He, O, N2, O2, Ar, (total mass g/cm^3), H, N. */
  readonly d: readonly number[];
  /** Exospheric temperature, K. */
  readonly tExo: number;
  /** Temperature at altitude, K. */
  readonly tAlt: number;
}

const DGTR = 1.74533e-2;
const DR = 1.72142e-2;
const HR = 0.2618;
const SR = 7.2722e-5;
const RGAS = 831.4;
/** Lower-atmosphere node altitudes, km. */
const ZN2 = [72.5, 55.0, 45.0, 32.5];
const ZN3 = [32.5, 20.0, 15.0, 10.0, 0.0];
const ZMIX = 62.5;
/** Species upper limits for the mixing/turbopause terms, km (ALTL). */
const ALTL = [200, 400, 160, 200, 240, 450, 320, 450];

/**
 * The epoch fields GMAT computes for MSISE-90 from a UTC GMAT MJD (`AtmosphereModel::GetInputs`):
 * year and day counted in 365.25-day years from 1941-01-05 12:00, seconds of day from midnight;
 * at an exact midnight this gives the previous day at 86400 s (and day 0 on 1 January).
 *
 * @param utcMjd UTC, GMAT MJD.
 */
export function gmatMsiseTime(utcMjd: number): { iyd: number; sec: number } {
  const iEpoch = Math.trunc(utcMjd);
  const yearOffset = Math.trunc((utcMjd + 5.5) / 365.25);
  const year = 1941 + yearOffset;
  let doy = iEpoch - Math.trunc(yearOffset * 365.25) + 5;
  let sec = 86400 * (utcMjd - iEpoch + 0.5);
  if (sec < 0) {
    sec += 86400;
    doy -= 1;
  }
  if (sec > 86400) {
    sec -= 86400;
    doy += 1;
  }
  return { iyd: year * 1000 + doy, sec };
}

/** Fortran 1-based P(n) accessor. */
type Coeffs = ArrayLike<number>;

/** Shared state of one model evaluation (the Fortran `LPOLY` / `PARMB` commons). */
class Evaluation {
  readonly plg: number[][] = Array.from({ length: 10 }, () => new Array<number>(5).fill(0));
  ctloc = 0;
  stloc = 0;
  c2tloc = 0;
  s2tloc = 0;
  c3tloc = 0;
  s3tloc = 0;
  clong = 0;
  slong = 0;
  day = 0;
  dfa = 0;
  df = 0;
  apdf = 0;
  gsurf = 0;
  re = 0;

  constructor(
    readonly sec: number,
    readonly lat: number,
    readonly lon: number,
    readonly tloc: number,
    readonly f107a: number,
    readonly f107: number,
    readonly ap1: number,
    iyd: number,
  ) {
    const iyr = Math.trunc(iyd / 1000);
    this.day = iyd - iyr * 1000;
    const c = Math.sin(lat * DGTR);
    const s = Math.cos(lat * DGTR);
    const c2 = c * c;
    const c4 = c2 * c2;
    const s2 = s * s;
    const p = this.plg;
    p[2][1] = c;
    p[3][1] = 0.5 * (3 * c2 - 1);
    p[4][1] = 0.5 * (5 * c * c2 - 3 * c);
    p[5][1] = (35 * c4 - 30 * c2 + 3) / 8;
    p[6][1] = (63 * c2 * c2 * c - 70 * c2 * c + 15 * c) / 8;
    p[7][1] = (11 * c * p[6][1] - 5 * p[5][1]) / 6;
    p[2][2] = s;
    p[3][2] = 3 * c * s;
    p[4][2] = 1.5 * (5 * c2 - 1) * s;
    p[5][2] = 2.5 * (7 * c2 * c - 3 * c) * s;
    p[6][2] = 1.875 * (21 * c4 - 14 * c2 + 1) * s;
    p[7][2] = (11 * c * p[6][2] - 6 * p[5][2]) / 5;
    p[3][3] = 3 * s2;
    p[4][3] = 15 * s2 * c;
    p[5][3] = 7.5 * (7 * c2 - 1) * s2;
    p[6][3] = 3 * c * p[5][3] - 2 * p[4][3];
    p[7][3] = (11 * c * p[6][3] - 7 * p[5][3]) / 4;
    p[8][3] = (13 * c * p[7][3] - 8 * p[6][3]) / 5;
    p[4][4] = 15 * s2 * s;
    p[5][4] = 105 * s2 * s * c;
    p[6][4] = (9 * c * p[5][4] - 7 * p[4][4]) / 2;
    p[7][4] = (11 * c * p[6][4] - 8 * p[5][4]) / 3;
    this.stloc = Math.sin(HR * tloc);
    this.ctloc = Math.cos(HR * tloc);
    this.s2tloc = Math.sin(2 * HR * tloc);
    this.c2tloc = Math.cos(2 * HR * tloc);
    this.s3tloc = Math.sin(3 * HR * tloc);
    this.c3tloc = Math.cos(3 * HR * tloc);
    this.clong = Math.cos(DGTR * lon);
    this.slong = Math.sin(DGTR * lon);
    this.df = f107 - f107a;
    this.dfa = f107a - 150;
    // GLATF: latitude-dependent gravity and effective radius.
    const cc = Math.cos(2 * DGTR * lat);
    this.gsurf = 980.616 * (1 - 0.0026373 * cc);
    this.re = 2 * this.gsurf / (3.085462e-6 + 2.27e-9 * cc) * 1e-5;
  }

  /** GLOBE6: the upper-thermosphere expansion G(L) for coefficients `P` (1-based). */
  globe6(pa: Coeffs): number {
    const P = (i: number) => pa[i - 1];
    const g = this.plg;
    const { day, df, dfa, sec, lon } = this;
    const cd14 = Math.cos(DR * (day - P(14)));
    const cd18 = Math.cos(2 * DR * (day - P(18)));
    const cd32 = Math.cos(DR * (day - P(32)));
    const cd39 = Math.cos(2 * DR * (day - P(39)));
    const t1 = P(20) * df + P(21) * df * df + P(22) * dfa + P(30) * dfa * dfa;
    const f1 = 1 + (P(48) * dfa + P(20) * df + P(21) * df * df);
    const f2 = 1 + (P(50) * dfa + P(20) * df + P(21) * df * df);
    const t2 = P(2) * g[3][1] + P(3) * g[5][1] + P(23) * g[7][1] + P(15) * g[3][1] * dfa +
      P(27) * g[2][1];
    const t3 = P(19) * cd32;
    const t4 = (P(16) + P(17) * g[3][1]) * cd18;
    const t5 = f1 * (P(10) * g[2][1] + P(11) * g[4][1]) * cd14;
    const t6 = P(38) * g[2][1] * cd39;
    const t71 = P(12) * g[3][2] * cd14;
    const t72 = P(13) * g[3][2] * cd14;
    const t7 = f2 *
      ((P(4) * g[2][2] + P(5) * g[4][2] + P(28) * g[6][2] + t71) * this.ctloc +
        (P(7) * g[2][2] + P(8) * g[4][2] + P(29) * g[6][2] + t72) * this.stloc);
    const t81 = (P(24) * g[4][3] + P(36) * g[6][3]) * cd14;
    const t82 = (P(34) * g[4][3] + P(37) * g[6][3]) * cd14;
    const t8 = f2 *
      ((P(6) * g[3][3] + P(42) * g[5][3] + t81) * this.c2tloc +
        (P(9) * g[3][3] + P(43) * g[5][3] + t82) * this.s2tloc);
    const t14 = f2 *
      ((P(40) * g[4][4] + (P(94) * g[5][4] + P(47) * g[7][4]) * cd14) * this.s3tloc +
        (P(41) * g[4][4] + (P(95) * g[5][4] + P(49) * g[7][4]) * cd14) * this.c3tloc);
    // Magnetic activity from the daily Ap (SW(9) = 1).
    const apd = this.ap1 - 4;
    let p44 = P(44);
    const p45 = P(45);
    if (p44 < 0) p44 = 1e-5;
    this.apdf = apd + (p45 - 1) * (apd + (Math.exp(-p44 * apd) - 1) / p44);
    const apdf = this.apdf;
    const t9 = apdf *
      (P(33) + P(46) * g[3][1] + P(35) * g[5][1] +
        (P(101) * g[2][1] + P(102) * g[4][1] + P(103) * g[6][1]) * cd14 +
        (P(122) * g[2][2] + P(123) * g[4][2] + P(124) * g[6][2]) *
          Math.cos(HR * (this.tloc - P(125))));
    let t11 = 0;
    let t12 = 0;
    let t13 = 0;
    if (lon > -1000) {
      t11 = (1 + P(81) * dfa) *
        ((P(65) * g[3][2] + P(66) * g[5][2] + P(67) * g[7][2] + P(104) * g[2][2] +
              P(105) * g[4][2] + P(106) * g[6][2] +
              (P(110) * g[2][2] + P(111) * g[4][2] + P(112) * g[6][2]) * cd14) * this.clong +
          (P(91) * g[3][2] + P(92) * g[5][2] + P(93) * g[7][2] + P(107) * g[2][2] +
              P(108) * g[4][2] + P(109) * g[6][2] +
              (P(113) * g[2][2] + P(114) * g[4][2] + P(115) * g[6][2]) * cd14) * this.slong);
      t12 = (1 + P(96) * g[2][1]) * (1 + P(82) * dfa) * (1 + P(120) * g[2][1] * cd14) *
        ((P(69) * g[2][1] + P(70) * g[4][1] + P(71) * g[6][1]) * Math.cos(SR * (sec - P(72))));
      t12 += (P(77) * g[4][3] + P(78) * g[6][3] + P(79) * g[8][3]) *
        Math.cos(SR * (sec - P(80)) + 2 * DGTR * lon) * (1 + P(138) * dfa);
      t13 = apdf * (1 + P(121) * g[2][1]) *
          ((P(61) * g[3][2] + P(62) * g[5][2] + P(63) * g[7][2]) *
            Math.cos(DGTR * (lon - P(64)))) +
        apdf * (P(116) * g[2][2] + P(117) * g[4][2] + P(118) * g[6][2]) * cd14 *
          Math.cos(DGTR * (lon - P(119))) +
        apdf * (P(84) * g[2][1] + P(85) * g[4][1] + P(86) * g[6][1]) *
          Math.cos(SR * (sec - P(76)));
    }
    return P(31) + t1 + t2 + t3 + t4 + t5 + t6 + t7 + t8 + t9 + t11 + t12 + t13 + t14;
  }

  /** GLOB6S: the lower-atmosphere expansion for coefficients `P` (1-based, 100 values). */
  glob6s(pa: Coeffs): number {
    const P = (i: number) => pa[i - 1];
    const g = this.plg;
    const { day, dfa } = this;
    const cd32 = Math.cos(DR * (day - P(32)));
    const cd18 = Math.cos(2 * DR * (day - P(18)));
    const cd14 = Math.cos(DR * (day - P(14)));
    const cd39 = Math.cos(2 * DR * (day - P(39)));
    const t1 = P(22) * dfa;
    const t2 = P(2) * g[3][1] + P(3) * g[5][1] + P(23) * g[7][1] + P(27) * g[2][1] +
      P(28) * g[4][1] + P(29) * g[6][1];
    const t3 = (P(19) + P(48) * g[3][1] + P(30) * g[5][1]) * cd32;
    const t4 = (P(16) + P(17) * g[3][1] + P(31) * g[5][1]) * cd18;
    const t5 = (P(10) * g[2][1] + P(11) * g[4][1] + P(36) * g[6][1]) * cd14;
    const t6 = P(38) * g[2][1] * cd39;
    const t71 = P(12) * g[3][2] * cd14;
    const t72 = P(13) * g[3][2] * cd14;
    const t7 = (P(4) * g[2][2] + P(5) * g[4][2] + t71) * this.ctloc +
      (P(7) * g[2][2] + P(8) * g[4][2] + t72) * this.stloc;
    const t81 = (P(24) * g[4][3] + P(47) * g[6][3]) * cd14;
    const t82 = (P(34) * g[4][3] + P(49) * g[6][3]) * cd14;
    const t8 = (P(6) * g[3][3] + P(42) * g[5][3] + t81) * this.c2tloc +
      (P(9) * g[3][3] + P(43) * g[5][3] + t82) * this.s2tloc;
    const t14 = P(40) * g[4][4] * this.s3tloc + P(41) * g[4][4] * this.c3tloc;
    const t9 = this.apdf * (P(33) + P(46) * g[3][1]);
    let t11 = 0;
    if (this.lon > -1000) {
      t11 = (1 +
        g[2][1] *
          (P(81) * Math.cos(DR * (day - P(82))) + P(86) * Math.cos(2 * DR * (day - P(87)))) +
        P(84) * Math.cos(DR * (day - P(85))) + P(88) * Math.cos(2 * DR * (day - P(89)))) *
        ((P(65) * g[3][2] + P(66) * g[5][2] + P(67) * g[7][2] + P(75) * g[2][2] +
              P(76) * g[4][2] + P(77) * g[6][2]) * this.clong +
          (P(91) * g[3][2] + P(92) * g[5][2] + P(93) * g[7][2] + P(78) * g[2][2] +
              P(79) * g[4][2] + P(80) * g[6][2]) * this.slong);
    }
    return t1 + t2 + t3 + t4 + t5 + t6 + t7 + t8 + t9 + t11 + t14;
  }

  zeta(zz: number, zl: number): number {
    return (zz - zl) * (this.re + zl) / (this.re + zz);
  }
}

/** Cubic-spline second derivatives with end slopes (Numerical Recipes `SPLINE`). */
function spline(x: readonly number[], y: readonly number[], yp1: number, ypn: number): number[] {
  const n = x.length;
  const y2 = new Array<number>(n);
  const u = new Array<number>(n);
  if (yp1 > 0.99e30) {
    y2[0] = 0;
    u[0] = 0;
  } else {
    y2[0] = -0.5;
    u[0] = (3 / (x[1] - x[0])) * ((y[1] - y[0]) / (x[1] - x[0]) - yp1);
  }
  for (let i = 1; i < n - 1; i++) {
    const sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
    const p = sig * y2[i - 1] + 2;
    y2[i] = (sig - 1) / p;
    u[i] = (6 * ((y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1])) /
        (x[i + 1] - x[i - 1]) - sig * u[i - 1]) / p;
  }
  let qn = 0;
  let un = 0;
  if (!(ypn > 0.99e30)) {
    qn = 0.5;
    un = (3 / (x[n - 1] - x[n - 2])) * (ypn - (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]));
  }
  y2[n - 1] = (un - qn * u[n - 2]) / (qn * y2[n - 2] + 1);
  for (let k = n - 2; k >= 0; k--) y2[k] = y2[k] * y2[k + 1] + u[k];
  return y2;
}

/** Cubic-spline value (`SPLINT`). */
function splint(xa: readonly number[], ya: readonly number[], y2a: readonly number[], x: number) {
  let klo = 0;
  let khi = xa.length - 1;
  while (khi - klo > 1) {
    const k = (khi + klo) >> 1;
    if (xa[k] > x) khi = k;
    else klo = k;
  }
  const h = xa[khi] - xa[klo];
  const a = (xa[khi] - x) / h;
  const b = (x - xa[klo]) / h;
  return a * ya[klo] + b * ya[khi] + ((a * a * a - a) * y2a[klo] + (b * b * b - b) * y2a[khi]) *
      h * h / 6;
}

/** Integral of the cubic spline from xa[0] to x (`SPLINI`). */
function splini(xa: readonly number[], ya: readonly number[], y2a: readonly number[], x: number) {
  let yi = 0;
  const n = xa.length;
  for (let klo = 0, khi = 1; x > xa[klo] && khi < n; klo++, khi++) {
    const xx = khi < n - 1 ? Math.min(x, xa[khi]) : x;
    const h = xa[khi] - xa[klo];
    const a = (xa[khi] - xx) / h;
    const b = (xx - xa[klo]) / h;
    const a2 = a * a;
    const b2 = b * b;
    yi += ((1 - a2) * ya[klo] / 2 + b2 * ya[khi] / 2 +
      ((-(1 + a2 * a2) / 4 + a2 / 2) * y2a[klo] + (b2 * b2 / 4 - b2 / 2) * y2a[khi]) * h * h / 6) *
      h;
  }
  return yi;
}

/** Temperature/density profile node set. */
interface Nodes {
  readonly zn: readonly number[];
  readonly tn: number[];
  readonly tgn: number[];
}

/** DENSU: Bates/spline temperature and diffusive density above 72.5 km. */
function densu(
  e: Evaluation,
  alt: number,
  dlb: number,
  tinf: number,
  tlb: number,
  xm: number,
  alpha: number,
  zlb: number,
  s2: number,
  n1: Nodes,
): { dens: number; tz: number } {
  const za = n1.zn[0];
  const zg2 = e.zeta(Math.max(alt, za), zlb);
  const tt = tinf - (tinf - tlb) * Math.exp(-s2 * zg2);
  let tz = tt;
  let xs: number[] = [];
  let ys: number[] = [];
  let y2: number[] = [];
  let x = 0;
  let zgdif = 0;
  const mn = n1.zn.length;
  if (alt < za) {
    const dta = (tinf - tt) * s2 * Math.pow((e.re + zlb) / (e.re + za), 2);
    n1.tgn[0] = dta;
    n1.tn[0] = tt;
    const z = Math.max(alt, n1.zn[mn - 1]);
    const z1 = n1.zn[0];
    const z2 = n1.zn[mn - 1];
    const t1 = n1.tn[0];
    const t2 = n1.tn[mn - 1];
    const zg = e.zeta(z, z1);
    zgdif = e.zeta(z2, z1);
    xs = n1.zn.map((zk) => e.zeta(zk, z1) / zgdif);
    ys = n1.tn.map((tk) => 1 / tk);
    const yd1 = -n1.tgn[0] / (t1 * t1) * zgdif;
    const yd2 = -n1.tgn[1] / (t2 * t2) * zgdif * Math.pow((e.re + z2) / (e.re + z1), 2);
    y2 = spline(xs, ys, yd1, yd2);
    x = zg / zgdif;
    tz = 1 / splint(xs, ys, y2, x);
  }
  if (xm === 0) return { dens: tz, tz };
  let glb = e.gsurf / Math.pow(1 + zlb / e.re, 2);
  const gamma = xm * glb / (s2 * RGAS * tinf);
  let expl = Math.exp(-s2 * gamma * zg2);
  if (expl > 50 || tt <= 0) expl = 50;
  const densa = dlb * Math.pow(tlb / tt, 1 + alpha + gamma) * expl;
  if (alt >= za) return { dens: densa, tz };
  glb = e.gsurf / Math.pow(1 + n1.zn[0] / e.re, 2);
  const gamm = xm * glb * zgdif / RGAS;
  let expl2 = gamm * splini(xs, ys, y2, x);
  if (expl2 > 50 || tz <= 0) expl2 = 50;
  return { dens: densa * Math.pow(n1.tn[0] / tz, 1 + alpha) * Math.exp(-expl2), tz };
}

/** One spline stage of DENSM from the top node of `n` down to `z`. */
function densmStage(e: Evaluation, n: Nodes, z: number, xm: number, dens: number) {
  const mn = n.zn.length;
  const z1 = n.zn[0];
  const z2 = n.zn[mn - 1];
  const t1 = n.tn[0];
  const t2 = n.tn[mn - 1];
  const zg = e.zeta(z, z1);
  const zgdif = e.zeta(z2, z1);
  const xs = n.zn.map((zk) => e.zeta(zk, z1) / zgdif);
  const ys = n.tn.map((tk) => 1 / tk);
  const yd1 = -n.tgn[0] / (t1 * t1) * zgdif;
  const yd2 = -n.tgn[1] / (t2 * t2) * zgdif * Math.pow((e.re + z2) / (e.re + z1), 2);
  const y2 = spline(xs, ys, yd1, yd2);
  const x = zg / zgdif;
  const tz = 1 / splint(xs, ys, y2, x);
  if (xm === 0) return { dens, tz };
  const glb = e.gsurf / Math.pow(1 + z1 / e.re, 2);
  const gamm = xm * glb * zgdif / RGAS;
  let expl = gamm * splini(xs, ys, y2, x);
  if (expl > 50) expl = 50;
  return { dens: dens * (t1 / tz) * Math.exp(-expl), tz };
}

/** DENSM: temperature and density below 72.5 km. */
function densm(e: Evaluation, alt: number, d0: number, xm: number, n3: Nodes, n2: Nodes) {
  let r = densmStage(e, n2, Math.max(alt, n2.zn[n2.zn.length - 1]), xm, d0);
  if (alt <= n3.zn[0]) r = densmStage(e, n3, alt, xm, r.dens);
  return r;
}

/** DNET: turbopause blend of diffusive and mixed densities. */
function dnet(dd: number, dm: number, zhm: number, xmm: number, xm: number): number {
  const a = zhm / (xmm - xm);
  if (!(dm > 0 && dd > 0)) {
    if (dd === 0 && dm === 0) dd = 1;
    if (dm === 0) return dd;
    if (dd === 0) return dm;
  }
  const ylog = a * Math.log(dm / dd);
  if (ylog < -10) return dd;
  if (ylog > 10) return dm;
  return dd * Math.pow(1 + Math.exp(ylog), 1 / a);
}

/** CCOR: chemistry/dissociation correction factor. */
function ccor(alt: number, r: number, h1: number, zh: number): number {
  const ex = (alt - zh) / h1;
  if (ex > 70) return 1;
  if (ex < -70) return Math.exp(r);
  return Math.exp(r / (1 + Math.exp(ex)));
}

/** GTS6 results GTD6 needs below 72.5 km. */
interface Thermosphere {
  readonly d: number[];
  readonly tinf: number;
  readonly tAlt: number;
  readonly dm28: number;
  readonly n1: Nodes;
}

/** GTS6: thermosphere above 72.5 km for MASS 48 (all species) or 28 (N2 only). */
function gts6(e: Evaluation, alt: number, mass: 48 | 28): Thermosphere {
  const za = PDL[1][15];
  const n1: Nodes = { zn: [za, 110, 100, 90, 72.5], tn: [0, 0, 0, 0, 0], tgn: [0, 0] };
  const d = new Array<number>(8).fill(0);
  const tinf = alt > za ? PTM[0] * PT[0] * (1 + e.globe6(PT)) : PTM[0] * PT[0];
  const g0 = alt > 72.5 ? PTM[3] * PS[0] * (1 + e.globe6(PS)) : PTM[3] * PS[0];
  const tlb = PTM[1] * (1 + e.globe6(PD[3])) * PD[3][0];
  const s = g0 / (tinf - tlb);
  if (alt < 300) {
    n1.tn[1] = PTM[6] * PTL[0][0] / (1 - e.glob6s(PTL[0]));
    n1.tn[2] = PTM[2] * PTL[1][0] / (1 - e.glob6s(PTL[1]));
    n1.tn[3] = PTM[7] * PTL[2][0] / (1 - e.glob6s(PTL[2]));
    n1.tn[4] = PTM[4] * PTL[3][0] / (1 - e.glob6s(PTL[3]));
    n1.tgn[1] = PTM[8] * PMA[8][0] * (1 + e.glob6s(PMA[8])) * n1.tn[4] * n1.tn[4] /
      Math.pow(PTM[4] * PTL[3][0], 2);
  } else {
    n1.tn[1] = PTM[6] * PTL[0][0];
    n1.tn[2] = PTM[2] * PTL[1][0];
    n1.tn[3] = PTM[7] * PTL[2][0];
    n1.tn[4] = PTM[4] * PTL[3][0];
    n1.tgn[1] = PTM[8] * PMA[8][0] * n1.tn[4] * n1.tn[4] / Math.pow(PTM[4] * PTL[3][0], 2);
  }
  const zlb = PTM[5];
  const g28 = e.globe6(PD[2]);
  const zhf = PDL[1][24] *
    (1 + PDL[0][24] * Math.sin(DGTR * e.lat) * Math.cos(DR * (e.day - PT[13])));
  const xmm = PDM[2][4];
  const du = (z: number, dlb: number, xm: number, alpha: number) =>
    densu(e, z, dlb, tinf, tlb, xm, alpha, zlb, s, n1);

  // N2
  const db28 = PDM[2][0] * Math.exp(g28) * PD[2][0];
  const n2 = du(alt, db28, 28, 0);
  d[2] = n2.dens;
  let tAlt = n2.tz;
  const zh28 = PDM[2][2] * zhf;
  const zhm28 = PDM[2][3] * PDL[1][5];
  const b28 = du(zh28, db28, 28 - xmm, -1).dens;
  let dm28 = 0;
  if (alt <= ALTL[2]) {
    dm28 = du(alt, b28, xmm, 0).dens;
    d[2] = dnet(d[2], dm28, zhm28, xmm, 28);
  }
  if (mass === 28) return { d, tinf, tAlt, dm28, n1 };

  /** One minor species: diffusive density, then mixing and corrections below its limit. */
  const species = (
    k: number,
    pd: Coeffs,
    pdm: readonly number[],
    xm: number,
    alpha: number,
    limit: number,
    corrections: (bx: number) => number,
  ) => {
    const g = e.globe6(pd);
    const db = pdm[0] * Math.exp(g) * pd[0];
    const diff = du(alt, db, xm, alpha);
    d[k] = diff.dens;
    tAlt = diff.tz;
    if (alt > limit) return;
    const bx = du(pdm[2], db, xm - xmm, alpha - 1).dens;
    const dmx = du(alt, bx, xmm, 0).dens;
    d[k] = dnet(d[k], dmx, zhm28, xmm, xm) * corrections(bx);
  };
  const L1 = PDL[0];
  const L2 = PDL[1];
  // He
  species(
    0,
    PD[0],
    PDM[0],
    4,
    -0.4,
    ALTL[0],
    (b) => ccor(alt, Math.log(b28 * PDM[0][1] / b), PDM[0][5] * L2[1], PDM[0][4] * L2[0]),
  );
  // O
  species(
    1,
    PD[1],
    PDM[1],
    16,
    0,
    ALTL[1],
    (b) =>
      ccor(
        alt,
        Math.log(b28 * PDM[1][1] * Math.abs(L2[16]) / b),
        PDM[1][5] * L2[3],
        PDM[1][4] * L2[2],
      ) *
      ccor(alt, PDM[1][3] * L2[14], PDM[1][7] * L2[13], PDM[1][6] * L2[12]),
  );
  // O2
  species(
    3,
    PD[4],
    PDM[3],
    32,
    0,
    ALTL[3],
    (b) => ccor(alt, Math.log(b28 * PDM[3][1] / b), PDM[3][5] * L2[7], PDM[3][4] * L2[6]),
  );
  // Ar
  species(
    4,
    PD[5],
    PDM[4],
    40,
    0,
    ALTL[4],
    (b) => ccor(alt, Math.log(b28 * PDM[4][1] / b), PDM[4][5] * L2[9], PDM[4][4] * L2[8]),
  );
  // H
  species(
    6,
    PD[6],
    PDM[5],
    1,
    -0.4,
    ALTL[6],
    (b) =>
      ccor(
        alt,
        Math.log(b28 * PDM[5][1] * Math.abs(L2[17]) / b),
        PDM[5][5] * L2[11],
        PDM[5][4] * L2[10],
      ) *
      ccor(alt, PDM[5][3] * L2[20], PDM[5][7] * L2[19], PDM[5][6] * L2[18]),
  );
  // N
  species(
    7,
    PD[7],
    PDM[6],
    14,
    0,
    ALTL[7],
    (b) =>
      ccor(
        alt,
        Math.log(b28 * PDM[6][1] * Math.abs(L1[2]) / b),
        PDM[6][5] * L1[1],
        PDM[6][4] * L1[0],
      ) *
      ccor(alt, PDM[6][3] * L1[5], PDM[6][7] * L1[4], PDM[6][6] * L1[3]),
  );
  d[5] = 1.66e-24 *
    (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7]);
  return { d, tinf, tAlt, dm28, n1 };
}

/**
 * MSISE-90 `GTD6` with MASS = 48: species number densities, total mass density and temperatures.
 *
 * @param input GTD6's arguments.
 */
export function msise90(input: Msise90Input): Msise90Output {
  const f = Math.fround;
  const alt = f(input.altKm);
  const e = new Evaluation(
    f(input.sec),
    f(input.latDeg),
    f(input.lonDeg),
    f(input.lstHours),
    f(input.f107a),
    f(input.f107),
    f(input.ap[0]),
    input.iyd,
  );
  const mss: 48 | 28 = alt < ZMIX ? 28 : 48;
  const th = gts6(e, Math.max(alt, ZN2[0]), mss);
  if (alt >= ZN2[0]) return { d: th.d, tExo: th.tinf, tAlt: th.tAlt };

  // Lower mesosphere / upper stratosphere nodes.
  const n2: Nodes = { zn: ZN2, tn: [0, 0, 0, 0], tgn: [0, 0] };
  n2.tgn[0] = th.n1.tgn[1];
  n2.tn[0] = th.n1.tn[4];
  n2.tn[1] = PMA[0][0] * PAVGM[0] / (1 - e.glob6s(PMA[0]));
  n2.tn[2] = PMA[1][0] * PAVGM[1] / (1 - e.glob6s(PMA[1]));
  n2.tn[3] = PMA[2][0] * PAVGM[2] / (1 - e.glob6s(PMA[2]));
  n2.tgn[1] = PAVGM[8] * PMA[9][0] * (1 + e.glob6s(PMA[9])) * n2.tn[3] * n2.tn[3] /
    Math.pow(PMA[2][0] * PAVGM[2], 2);
  const n3: Nodes = { zn: ZN3, tn: [n2.tn[3], 0, 0, 0, 0], tgn: [0, 0] };
  // GTD6 refreshes these nodes only below 32.5 km; at exactly 32.5 km they do not affect the
  // result (the second DENSM stage is then the identity), so they are computed there too.
  if (alt <= ZN3[0]) {
    n3.tgn[0] = n2.tgn[1];
    n3.tn[1] = PMA[3][0] * PAVGM[3] / (1 - e.glob6s(PMA[3]));
    n3.tn[2] = PMA[4][0] * PAVGM[4] / (1 - e.glob6s(PMA[4]));
    n3.tn[3] = PMA[5][0] * PAVGM[5] / (1 - e.glob6s(PMA[5]));
    n3.tn[4] = PMA[6][0] * PAVGM[6] / (1 - e.glob6s(PMA[6]));
    n3.tgn[1] = PMA[7][0] * PAVGM[7] * (1 + e.glob6s(PMA[7])) * n3.tn[4] * n3.tn[4] /
      Math.pow(PMA[6][0] * PAVGM[6], 2);
  }
  const d6 = th.d;
  const dmc = alt > ZMIX ? 1 - (ZN2[0] - alt) / (ZN2[0] - ZMIX) : 0;
  const dz28 = d6[2];
  const xmm = PDM[2][4];
  const n2d = densm(e, alt, th.dm28, xmm, n3, n2);
  const d = new Array<number>(8).fill(0);
  d[2] = n2d.dens * (1 + (d6[2] / th.dm28 - 1) * dmc);
  const minor = (k: number, ratio: number) =>
    d[2] * ratio * (1 + (d6[k] / (dz28 * ratio) - 1) * dmc);
  d[0] = minor(0, PDM[0][1]);
  d[3] = minor(3, PDM[3][1]);
  d[4] = minor(4, PDM[4][1]);
  d[5] = 1.66e-24 * (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7]);
  return { d, tExo: th.tinf, tAlt: n2d.tz };
}

/**
 * Total mass density of MSISE-90 as GMAT's drag uses it.
 *
 * @param input GTD6's arguments.
 * @returns Density, kg/m^3.
 */
export function msise90Density(input: Msise90Input): number {
  return msise90(input).d[5] * 1000;
}
