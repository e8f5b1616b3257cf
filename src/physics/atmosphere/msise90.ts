/**
 * MSISE-90 (A. E. Hedin, J. Geophys. Res. 96, 1159-1172, 1991) as GMAT R2026a runs it: the f2c
 * translation `src/base/solarsys/msise90_sub.c` of Hedin's `msise90_sub.for` that GMAT's CMake
 * build compiles (`SET(MSISE_SRCS "solarsys/msise90_sub.c")`), called as `gtd6_` with MASS = 48
 * by `Msise90Atmosphere::Density`: thermosphere above 72.5 km (`GTS6`: Bates temperature profile
 * above ZA ~ 122.8 km, spline below, diffusive/mixed species with turbopause, chemistry and
 * dissociation corrections), lower and middle atmosphere below 72.5 km (`DENSM`). Coefficients are
 * in `msise90_coefficients.ts`.
 *
 * Two properties of GMAT's build are reproduced here:
 *
 * 1. Single precision. Every Fortran REAL is a C `float`; the f2c code does float arithmetic
 *    except where a libm call (`exp`, `log`, `sin`, `cos`, `pow`), `dabs` or a function result
 *    (`GLOBE6`, `GLOB6S`, `DENSU`, `DNET`, `CCOR` return `doublereal`) makes a sub-expression
 *    double; assignments round back to float. This port follows the C statement by statement with
 *    `Math.fround` where C rounds (a double operation rounded to float equals the float
 *    operation), so the density carries GMAT's float rounding (relative steps of ~1e-7 between
 *    neighbouring inputs), which the step control of a tight RK89 run feels.
 * 2. GMAT's switch change in `gtd6_`: before the (unconditional) `TSELEC(SV)` call it sets
 *    `SV(9) = -1` as soon as any element 2..7 of the Ap array differs from the daily Ap, and `SV`
 *    is a static array, so the switch stays -1 for the rest of the process. With SW(9) = -1 the
 *    model uses the 3-hourly Ap history (`SG0`: exponentially weighted 3-hourly Ap with the decay
 *    `P(52)`, latitude dependent through `P(139)`) instead of the daily Ap. Constant space weather
 *    fills all seven slots alike and keeps SW(9) = 1; the CSSI file's observed records do not.
 *    The state lives in a {@link Msise90Model}; GMAT keeps it per process.
 *
 * All other switches are 1. The model's own caches (`VTST`, the Legendre, local-time, longitude
 * and day caches) only skip recomputing identical values; here the Legendre and local-time and
 * longitude harmonics are computed once per call for the same reason. The common-block values that
 * later routines read (`APDF`, `APT` of the last `GLOBE6` call that computed them) are kept as the
 * Fortran keeps them. Every output agrees to the last bit with GMAT's f2c routines compiled by gcc
 * (x86-64, glibc) over thousands of random inputs in both Ap modes.
 *
 * GMAT's inputs (`Msise90Atmosphere::Density`, `AtmosphereModel::GetInputs`): `iyd` and `sec`
 * from the UTC epoch by {@link gmatMsiseTime}; geodetic height, geodetic latitude and longitude
 * from `CalculateGeodetics`; `stl = sec / 3600 + lon / 15` hours (not wrapped); F10.7, F10.7A and
 * the Ap array from the space-weather source; all cast to float. Density = D(6) g/cm^3 x 1000 ->
 * kg/m^3.
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
  /**
   * Ap array (MSIS order): daily Ap, 3-hourly Ap now and 3, 6, 9 hours before, means of the
   * eight 3-hourly values 12-33 and 36-57 hours before. Missing elements repeat the daily Ap.
   */
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

const f = Math.fround;
const { abs, cos, exp, log, pow, sin } = Math;

/** A coefficient set as the C `real` array holds it. */
const f32 = (values: ArrayLike<number>): Float32Array => Float32Array.from(values);

const CPT = f32(PT);
const CPS = f32(PS);
const CPD = PD.map(f32);
const CPTL = PTL.map(f32);
const CPMA = PMA.map(f32);
const CPTM = f32(PTM);
const CPDM = PDM.map(f32);
const CPAVGM = f32(PAVGM);
/** PDL(25, 2) flattened as the C array `pdl[50]`. */
const CPDL = f32([...PDL[0], ...PDL[1]]);

// The f2c `static real` constants.
const DGTR = f(0.0174533);
const DR = f(0.0172142);
const HR = f(0.2618);
const SR = f(7.2722e-5);
const RGAS = f(831.4);
/** GTS6's node heights; `ZN1(1)` is set to ZA = PDL(16, 2) (~122.8 km). */
const ZN1 = f32([CPDL[40], 110, 100, 90, 72.5]);
const ZN2 = f32([72.5, 55, 45, 32.5]);
const ZN3 = f32([32.5, 20, 15, 10, 0]);
const ZMIX = f(62.5);
const ALTL = f32([200, 400, 160, 200, 240, 450, 320, 450]);
const C_0026373 = f(0.0026373);
const C_980616 = f(980.616);
const C_227E9 = f(2.27e-9);
const C_3085462E6 = f(3.085462e-6);
const C_1E5 = f(1e-5);
const C_0P4 = f(-0.4);
const C_1P4 = f(-1.4);
const C_99999 = f(0.99999);
const C_1E4 = f(1e-4);
const C_166E24 = f(1.66e-24);
const C_9P9E29 = f(9.9e29);

/** Coefficient numbers of GLOBE6's T(13) (UT/longitude magnetic activity), daily and 3-hourly. */
const T13_DAILY = [121, 61, 62, 63, 64, 116, 117, 118, 119, 84, 85, 86, 76] as const;
const T13_3HOURLY = [133, 53, 99, 68, 98, 134, 135, 136, 137, 56, 57, 58, 59] as const;

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

/** Fortran 1-based `P(i)` of a coefficient set. */
type P = Float32Array;

/** Spline work arrays (`XS`, `YS`, `Y2OUT`, `U`) and results. */
class SplineWork {
  readonly xs = new Float64Array(10);
  readonly ys = new Float64Array(10);
  readonly y2 = new Float64Array(10);
  readonly u = new Float64Array(10);
  n = 0;
  x = 0;
  zgdif = 0;
}

/**
 * One MSISE-90 model as GMAT's process holds it: the sticky `SV(9)` switch and the common-block
 * values (`LPOLY`) that later routines read. Use one instance per propagation context.
 */
export class Msise90Model {
  /** `SV(9)` of `gtd6_` (static): 1, or -1 for good once the Ap array varied. */
  private sv9 = 1;
  // COMMON /LPOLY/
  private readonly plg = new Float64Array(36);
  private ctloc = 0;
  private stloc = 0;
  private c2tloc = 0;
  private s2tloc = 0;
  private c3tloc = 0;
  private s3tloc = 0;
  private day = 0;
  private df = 0;
  private dfa = 0;
  private apdf = 0;
  private apt0 = 0;
  private apt2 = 0;
  private xlong = 0;
  private clong = 0;
  private slong = 0;
  // COMMON /PARMB/
  private gsurf = 0;
  private re = 0;
  // COMMON /MESO6/
  private readonly tn1 = new Float64Array(5);
  private readonly tgn1 = new Float64Array(2);
  private readonly tn2 = new Float64Array(4);
  private readonly tgn2 = new Float64Array(2);
  private readonly tn3 = new Float64Array(5);
  private readonly tgn3 = new Float64Array(2);
  private readonly t = new Float64Array(14);
  private readonly ap = new Float64Array(7);
  private readonly work = new SplineWork();
  /** SG0's cached G0(AP(2..7)): valid for the current gtd6 call (key 1) and P(25), P(26). */
  private readonly g0v = new Float64Array(6);
  private g0Key = -1;
  private g0P25 = 0;
  private g0P26 = 0;
  /** DENSU's temperature output (`TZ` argument). */
  private tz = 0;
  private dm28 = 0;
  private tinf = 0;

  /** Whether the 3-hourly Ap mode (SW(9) = -1) is on. */
  get threeHourlyAp(): boolean {
    return this.sv9 === -1;
  }

  /**
   * `gtd6_` with MASS = 48: species number densities, total mass density and temperatures.
   *
   * @param input GTD6's arguments (rounded to float as GMAT passes them).
   */
  gtd6(input: Msise90Input): Msise90Output {
    const iyd = input.iyd;
    const sec = f(input.sec);
    const alt = f(input.altKm);
    const glat = f(input.latDeg);
    const glong = f(input.lonDeg);
    const stl = f(input.lstHours);
    const f107a = f(input.f107a);
    const f107 = f(input.f107);
    const ap = this.ap;
    for (let i = 0; i < 7; i++) ap[i] = f(input.ap[i] ?? input.ap[0]);
    // GMAT: "Adjust the sv flag for hourly Ap is variation is seen".
    for (let i = 1; i < 7; i++) {
      if (ap[i] !== ap[0]) {
        this.sv9 = -1;
        break;
      }
    }
    this.glatf(glat);
    this.harmonics(glat, stl, glong);
    this.g0Key = -1;
    const xmm = CPDM[2][4];
    const altt = Math.max(alt, ZN2[0]);
    const mss = alt < ZMIX ? 28 : 48;
    const d6 = this.gts6(iyd, sec, altt, glat, glong, stl, f107a, f107, mss);
    const tExo = this.tinf;
    const t6 = this.tz;
    const dm28m = this.dm28;
    if (alt >= ZN2[0]) return { d: d6, tExo, tAlt: t6 };

    const { tn1, tgn1, tn2, tgn2, tn3, tgn3 } = this;
    const pma = CPMA;
    const pavgm = CPAVGM;
    tgn2[0] = tgn1[1];
    tn2[0] = tn1[4];
    tn2[1] = f(f(pma[0][0] * pavgm[0]) / (1 - this.glob6s(pma[0])));
    tn2[2] = f(f(pma[1][0] * pavgm[1]) / (1 - this.glob6s(pma[1])));
    tn2[3] = f(f(pma[2][0] * pavgm[2]) / (1 - this.glob6s(pma[2])));
    let r1 = f(pma[2][0] * pavgm[2]);
    tgn2[1] = f(
      f(pavgm[8] * pma[9][0]) * (this.glob6s(pma[9]) + 1) * tn2[3] * tn2[3] / f(r1 * r1),
    );
    tn3[0] = tn2[3];
    if (alt < ZN3[0]) {
      tgn3[0] = tgn2[1];
      tn3[1] = f(f(pma[3][0] * pavgm[3]) / (1 - this.glob6s(pma[3])));
      tn3[2] = f(f(pma[4][0] * pavgm[4]) / (1 - this.glob6s(pma[4])));
      tn3[3] = f(f(pma[5][0] * pavgm[5]) / (1 - this.glob6s(pma[5])));
      tn3[4] = f(f(pma[6][0] * pavgm[6]) / (1 - this.glob6s(pma[6])));
      r1 = f(pma[6][0] * pavgm[6]);
      tgn3[1] = f(
        f(pma[7][0] * pavgm[7]) * (this.glob6s(pma[7]) + 1) * tn3[4] * tn3[4] / f(r1 * r1),
      );
    }
    let dmc = 0;
    if (alt > ZMIX) dmc = f(1 - f(f(ZN2[0] - alt) / f(ZN2[0] - ZMIX)));
    const dz28 = d6[2];
    let dmr = f(f(d6[2] / dm28m) - 1);
    const d = [0, 0, 0, 0, 0, 0, 0, 0];
    d[2] = f(this.densm(alt, dm28m, xmm));
    const tz = this.tz;
    d[2] = f(d[2] * f(f(dmr * dmc) + 1));
    const pdm = CPDM;
    dmr = f(f(d6[0] / f(dz28 * pdm[0][1])) - 1);
    d[0] = f(f(d[2] * pdm[0][1]) * f(f(dmr * dmc) + 1));
    dmr = f(f(d6[3] / f(dz28 * pdm[3][1])) - 1);
    d[3] = f(f(d[2] * pdm[3][1]) * f(f(dmr * dmc) + 1));
    dmr = f(f(d6[4] / f(dz28 * pdm[4][1])) - 1);
    d[4] = f(f(d[2] * pdm[4][1]) * f(f(dmr * dmc) + 1));
    d[5] = totalMass(d);
    return { d, tExo, tAlt: tz };
  }

  /** GLATF: latitude-dependent gravity (`GSURF`) and effective radius (`RE`). */
  private glatf(lat: number): void {
    const c2 = f(cos(f(f(2 * DGTR) * lat)));
    this.gsurf = f(f(1 - f(c2 * C_0026373)) * C_980616);
    this.re = f(f(f(this.gsurf * 2) / f(f(c2 * C_227E9) + C_3085462E6)) * C_1E5);
  }

  /** GTS6: thermosphere above 72.5 km for MASS 48 (all species) or 28 (N2 only). */
  private gts6(
    iyd: number,
    sec: number,
    alt: number,
    glat: number,
    glong: number,
    stl: number,
    f107a: number,
    f107: number,
    mass: 48 | 28,
  ): number[] {
    const ptm = CPTM;
    const pdm = CPDM;
    const pdl = CPDL;
    const { tn1, tgn1 } = this;
    const yrd = f(iyd);
    const zn1 = ZN1;
    const d = [0, 0, 0, 0, 0, 0, 0, 0];
    const g6 = (p: P) => this.globe6(yrd, sec, glat, glong, stl, f107a, f107, p);
    const tinf = alt > zn1[0] ? f(f(ptm[0] * CPT[0]) * (g6(CPT) + 1)) : f(ptm[0] * CPT[0]);
    this.tinf = tinf;
    const g0 = alt > zn1[4] ? f(f(ptm[3] * CPS[0]) * (g6(CPS) + 1)) : f(ptm[3] * CPS[0]);
    const tlb = f(ptm[1] * (g6(CPD[3]) + 1) * CPD[3][0]);
    const s = f(g0 / f(tinf - tlb));
    if (alt < 300) {
      tn1[1] = f(f(ptm[6] * CPTL[0][0]) / (1 - this.glob6s(CPTL[0])));
      tn1[2] = f(f(ptm[2] * CPTL[1][0]) / (1 - this.glob6s(CPTL[1])));
      tn1[3] = f(f(ptm[7] * CPTL[2][0]) / (1 - this.glob6s(CPTL[2])));
      tn1[4] = f(f(ptm[4] * CPTL[3][0]) / (1 - this.glob6s(CPTL[3])));
      const r1 = f(ptm[4] * CPTL[3][0]);
      tgn1[1] = f(
        f(ptm[8] * CPMA[8][0]) * (this.glob6s(CPMA[8]) + 1) * tn1[4] * tn1[4] / f(r1 * r1),
      );
    } else {
      tn1[1] = f(ptm[6] * CPTL[0][0]);
      tn1[2] = f(ptm[2] * CPTL[1][0]);
      tn1[3] = f(ptm[7] * CPTL[2][0]);
      tn1[4] = f(ptm[4] * CPTL[3][0]);
      const r1 = f(ptm[4] * CPTL[3][0]);
      tgn1[1] = f(f(f(f(ptm[8] * CPMA[8][0]) * tn1[4]) * tn1[4]) / f(r1 * r1));
    }
    const zlb = ptm[5];
    const du = (z: number, dlb: number, xm: number, alpha: number) =>
      this.densu(z, dlb, tinf, tlb, xm, alpha, zlb, s);

    const g28 = f(g6(CPD[2]));
    const day = f(yrd - 1000 * Math.floor(yrd / 1000));
    const zhf = f(
      pdl[49] * (pdl[24] * sin(f(DGTR * glat)) * cos(f(DR * f(day - CPT[13]))) + 1),
    );
    const xmm = pdm[2][4];

    // N2
    const db28 = f(pdm[2][0] * exp(g28) * CPD[2][0]);
    d[2] = f(du(alt, db28, 28, 0));
    let t2 = this.tz;
    const zh28 = f(pdm[2][2] * zhf);
    const zhm28 = f(pdm[2][3] * pdl[30]);
    const xmd = f(28 - xmm);
    const b28 = f(du(zh28, db28, xmd, -1));
    if (alt <= ALTL[2]) {
      this.dm28 = f(du(alt, b28, xmm, 0));
      d[2] = f(dnet(d[2], this.dm28, zhm28, xmm, 28));
    }
    if (mass === 28) {
      this.tz = t2;
      return d;
    }

    // He
    const g4 = f(g6(CPD[0]));
    const db04 = f(pdm[0][0] * exp(g4) * CPD[0][0]);
    d[0] = f(du(alt, db04, 4, C_0P4));
    t2 = this.tz;
    if (alt <= ALTL[0]) {
      const b04 = f(du(pdm[0][2], db04, f(4 - xmm), C_1P4));
      const dm04 = f(du(alt, b04, xmm, 0));
      t2 = this.tz;
      d[0] = f(dnet(d[0], dm04, zhm28, xmm, 4));
      const rl = f(log(f(f(b28 * pdm[0][1]) / b04)));
      const zc04 = f(pdm[0][4] * pdl[25]);
      const hc04 = f(pdm[0][5] * pdl[26]);
      d[0] = f(d[0] * ccor(alt, rl, hc04, zc04));
    }
    // O
    const g16 = f(g6(CPD[1]));
    const db16 = f(pdm[1][0] * exp(g16) * CPD[1][0]);
    d[1] = f(du(alt, db16, 16, 0));
    t2 = this.tz;
    if (alt <= ALTL[1]) {
      const b16 = f(du(pdm[1][2], db16, f(16 - xmm), -1));
      const dm16 = f(du(alt, b16, xmm, 0));
      t2 = this.tz;
      d[1] = f(dnet(d[1], dm16, zhm28, xmm, 16));
      const rl = f(log(f(b28 * pdm[1][1]) * abs(pdl[41]) / b16));
      const hc16 = f(pdm[1][5] * pdl[28]);
      const zc16 = f(pdm[1][4] * pdl[27]);
      d[1] = f(d[1] * ccor(alt, rl, hc16, zc16));
      const hcc16 = f(pdm[1][7] * pdl[38]);
      const zcc16 = f(pdm[1][6] * pdl[37]);
      const rc16 = f(pdm[1][3] * pdl[39]);
      d[1] = f(d[1] * ccor(alt, rc16, hcc16, zcc16));
    }
    // O2
    const g32 = f(g6(CPD[4]));
    const db32 = f(pdm[3][0] * exp(g32) * CPD[4][0]);
    d[3] = f(du(alt, db32, 32, 0));
    t2 = this.tz;
    if (alt <= ALTL[3]) {
      const b32 = f(du(pdm[3][2], db32, f(32 - xmm), -1));
      const dm32 = f(du(alt, b32, xmm, 0));
      t2 = this.tz;
      d[3] = f(dnet(d[3], dm32, zhm28, xmm, 32));
      const rl = f(log(f(f(b28 * pdm[3][1]) / b32)));
      const hc32 = f(pdm[3][5] * pdl[32]);
      const zc32 = f(pdm[3][4] * pdl[31]);
      d[3] = f(d[3] * ccor(alt, rl, hc32, zc32));
    }
    // Ar
    const g40 = f(g6(CPD[5]));
    const db40 = f(pdm[4][0] * exp(g40) * CPD[5][0]);
    d[4] = f(du(alt, db40, 40, 0));
    t2 = this.tz;
    if (alt <= ALTL[4]) {
      const b40 = f(du(pdm[4][2], db40, f(40 - xmm), -1));
      const dm40 = f(du(alt, b40, xmm, 0));
      t2 = this.tz;
      d[4] = f(dnet(d[4], dm40, zhm28, xmm, 40));
      const rl = f(log(f(f(b28 * pdm[4][1]) / b40)));
      const hc40 = f(pdm[4][5] * pdl[34]);
      const zc40 = f(pdm[4][4] * pdl[33]);
      d[4] = f(d[4] * ccor(alt, rl, hc40, zc40));
    }
    // H
    const g1 = f(g6(CPD[6]));
    const db01 = f(pdm[5][0] * exp(g1) * CPD[6][0]);
    d[6] = f(du(alt, db01, 1, C_0P4));
    t2 = this.tz;
    if (alt <= ALTL[6]) {
      const b01 = f(du(pdm[5][2], db01, f(1 - xmm), C_1P4));
      const dm01 = f(du(alt, b01, xmm, 0));
      t2 = this.tz;
      d[6] = f(dnet(d[6], dm01, zhm28, xmm, 1));
      const rl = f(log(f(b28 * pdm[5][1]) * abs(pdl[42]) / b01));
      const hc01 = f(pdm[5][5] * pdl[36]);
      const zc01 = f(pdm[5][4] * pdl[35]);
      d[6] = f(d[6] * ccor(alt, rl, hc01, zc01));
      const hcc01 = f(pdm[5][7] * pdl[44]);
      const zcc01 = f(pdm[5][6] * pdl[43]);
      const rc01 = f(pdm[5][3] * pdl[45]);
      d[6] = f(d[6] * ccor(alt, rc01, hcc01, zcc01));
    }
    // N
    const g14 = f(g6(CPD[7]));
    const db14 = f(pdm[6][0] * exp(g14) * CPD[7][0]);
    d[7] = f(du(alt, db14, 14, 0));
    t2 = this.tz;
    if (alt <= ALTL[7]) {
      const b14 = f(du(pdm[6][2], db14, f(14 - xmm), -1));
      const dm14 = f(du(alt, b14, xmm, 0));
      t2 = this.tz;
      d[7] = f(dnet(d[7], dm14, zhm28, xmm, 14));
      const rl = f(log(f(b28 * pdm[6][1]) * abs(pdl[2]) / b14));
      const hc14 = f(pdm[6][5] * pdl[1]);
      const zc14 = f(pdm[6][4] * pdl[0]);
      d[7] = f(d[7] * ccor(alt, rl, hc14, zc14));
      const hcc14 = f(pdm[6][7] * pdl[4]);
      const zcc14 = f(pdm[6][6] * pdl[3]);
      const rc14 = f(pdm[6][3] * pdl[5]);
      d[7] = f(d[7] * ccor(alt, rc14, hcc14, zcc14));
    }
    d[5] = totalMass(d);
    this.tz = t2;
    return d;
  }

  /**
   * GLOBE6's Legendre polynomials of the latitude and the local-time and longitude harmonics
   * (GLOBE6 caches them on LAT, TLOC and LONG; they are the same for every call of one `gtd6`).
   */
  private harmonics(lat: number, tloc: number, long: number): void {
    const plg = this.plg;
    const c = f(sin(f(lat * DGTR)));
    const s = f(cos(f(lat * DGTR)));
    const c2 = f(c * c);
    const c4 = f(c2 * c2);
    const s2 = f(s * s);
    plg[1] = c;
    plg[2] = f(f(f(c2 * 3) - 1) * 0.5);
    plg[3] = f(f(f(f(c * 5) * c2) - f(c * 3)) * 0.5);
    plg[4] = f(f(f(f(c4 * 35) - f(c2 * 30)) + 3) / 8);
    plg[5] = f(f(f(f(f(f(c2 * 63) * c2) * c) - f(f(c2 * 70) * c)) + f(c * 15)) / 8);
    plg[6] = f(f(f(f(c * 11) * plg[5]) - f(plg[4] * 5)) / 6);
    plg[10] = s;
    plg[11] = f(f(c * 3) * s);
    plg[12] = f(f(f(f(c2 * 5) - 1) * 1.5) * s);
    plg[13] = f(f(f(f(f(c2 * 7) * c) - f(c * 3)) * 2.5) * s);
    plg[14] = f(f(f(f(f(c4 * 21) - f(c2 * 14)) + 1) * 1.875) * s);
    plg[15] = f(f(f(f(c * 11) * plg[14]) - f(plg[13] * 6)) / 5);
    plg[20] = f(s2 * 3);
    plg[21] = f(f(s2 * 15) * c);
    plg[22] = f(f(f(f(c2 * 7) - 1) * 7.5) * s2);
    plg[23] = f(f(f(c * 3) * plg[22]) - f(plg[21] * 2));
    plg[24] = f(f(f(f(c * 11) * plg[23]) - f(plg[22] * 7)) / 4);
    plg[25] = f(f(f(f(c * 13) * plg[24]) - f(plg[23] * 8)) / 5);
    plg[30] = f(f(s2 * 15) * s);
    plg[31] = f(f(f(s2 * 105) * s) * c);
    plg[32] = f(f(f(f(c * 9) * plg[31]) - f(plg[30] * 7)) / 2);
    plg[33] = f(f(f(f(c * 11) * plg[32]) - f(plg[31] * 8)) / 3);
    // Local time and longitude
    this.stloc = f(sin(f(HR * tloc)));
    this.ctloc = f(cos(f(HR * tloc)));
    this.s2tloc = f(sin(f(f(HR * 2) * tloc)));
    this.c2tloc = f(cos(f(f(HR * 2) * tloc)));
    this.s3tloc = f(sin(f(f(HR * 3) * tloc)));
    this.c3tloc = f(cos(f(f(HR * 3) * tloc)));
    this.clong = f(cos(f(DGTR * long)));
    this.slong = f(sin(f(DGTR * long)));
  }

  /** GLOBE6: the upper-thermosphere expansion G(L) for the coefficient set `pa` (1-based P). */
  private globe6(
    yrd: number,
    sec: number,
    lat: number,
    long: number,
    tloc: number,
    f107a: number,
    f107: number,
    pa: P,
  ): number {
    const p = (i: number) => pa[i - 1];
    const t = this.t;
    t.fill(0);
    const sw9 = this.sv9;
    const iyr = Math.trunc(f(yrd / 1000));
    const day = f(yrd - f(iyr * 1000));
    this.day = day;
    this.xlong = long;
    const plg = this.plg;
    const { stloc, ctloc, s2tloc, c2tloc, s3tloc, c3tloc, clong, slong } = this;
    const cd14 = f(cos(f(DR * f(day - p(14)))));
    const cd18 = f(cos(f(f(DR * 2) * f(day - p(18)))));
    const cd32 = f(cos(f(DR * f(day - p(32)))));
    const cd39 = f(cos(f(f(DR * 2) * f(day - p(39)))));
    // F10.7 effect
    const df = this.df = f(f107 - f107a);
    const dfa = this.dfa = f(f107a - 150);
    const dfdf = f(f(p(21) * df) * df);
    t[0] = f(f(f(f(p(20) * df) + dfdf) + f(p(22) * dfa)) + f(p(30) * f(dfa * dfa)));
    const f1 = f(f(f(f(p(48) * dfa) + f(p(20) * df)) + dfdf) + 1);
    const f2 = f(f(f(f(p(50) * dfa) + f(p(20) * df)) + dfdf) + 1);
    // Time independent
    t[1] = f(
      f(
        f(f(f(p(2) * plg[2]) + f(p(3) * plg[4])) + f(p(23) * plg[6])) +
          f(f(p(15) * plg[2]) * dfa),
      ) + f(p(27) * plg[1]),
    );
    // Symmetrical annual, semiannual; asymmetrical annual, semiannual
    t[2] = f(p(19) * cd32);
    t[3] = f(f(p(16) + f(p(17) * plg[2])) * cd18);
    t[4] = f(f(f1 * f(f(p(10) * plg[1]) + f(p(11) * plg[3]))) * cd14);
    t[5] = f(f(p(38) * plg[1]) * cd39);
    // Diurnal
    const t71 = f(f(p(12) * plg[11]) * cd14);
    const t72 = f(f(p(13) * plg[11]) * cd14);
    t[6] = f(
      f2 *
        f(
          f(f(f(f(f(p(4) * plg[10]) + f(p(5) * plg[12])) + f(p(28) * plg[14])) + t71) * ctloc) +
            f(f(f(f(f(p(7) * plg[10]) + f(p(8) * plg[12])) + f(p(29) * plg[14])) + t72) * stloc),
        ),
    );
    // Semidiurnal
    const t81 = f(f(f(p(24) * plg[21]) + f(p(36) * plg[23])) * cd14);
    const t82 = f(f(f(p(34) * plg[21]) + f(p(37) * plg[23])) * cd14);
    t[7] = f(
      f2 *
        f(
          f(f(f(f(p(6) * plg[20]) + f(p(42) * plg[22])) + t81) * c2tloc) +
            f(f(f(f(p(9) * plg[20]) + f(p(43) * plg[22])) + t82) * s2tloc),
        ),
    );
    // Terdiurnal
    t[13] = f(
      f2 *
        f(
          f(
            f(
              f(p(40) * plg[30]) +
                f(f(f(p(94) * plg[31]) + f(p(47) * plg[33])) * cd14),
            ) * s3tloc,
          ) +
            f(
              f(
                f(p(41) * plg[30]) +
                  f(f(f(p(95) * plg[31]) + f(p(49) * plg[33])) * cd14),
              ) * c3tloc,
            ),
        ),
    );
    // Magnetic activity
    let apfac = 0;
    let magOn = false;
    if (sw9 !== -1) {
      const apd = f(this.ap[0] - 4);
      let p44 = p(44);
      const p45 = p(45);
      if (p44 < 0) p44 = C_1E5;
      this.apdf = f(apd + f(p45 - 1) * (apd + (exp(f(-p44 * apd)) - 1) / p44));
      apfac = this.apdf;
      magOn = true;
      t[8] = f(apfac * this.magnetic(pa, 33, 46, 35, 101, 122, 125, tloc, cd14));
    } else if (p(52) !== 0) {
      const exp1 = Math.min(
        f(exp(abs(p(52)) * -10800 / (p(139) * (45 - abs(lat)) + 1))),
        C_99999,
      );
      const exp2 = Math.min(f(exp(abs(p(54)) * -10800)), C_99999);
      this.apt0 = this.sg0(exp1, pa);
      this.apt2 = this.sg0(exp2, pa);
      apfac = this.apt0;
      magOn = true;
      t[8] = f(apfac * this.magnetic(pa, 51, 97, 55, 126, 129, 132, tloc, cd14));
    }
    // Longitudinal
    if (long > -1000) {
      t[10] = f(
        f(f(f(p(81) * dfa)) + 1) *
          f(
            f(
              f(
                f(
                  f(
                    f(
                      f(f(f(p(65) * plg[11]) + f(p(66) * plg[13])) + f(p(67) * plg[15])) +
                        f(p(104) * plg[10]),
                    ) + f(p(105) * plg[12]),
                  ) + f(p(106) * plg[14]),
                ) +
                  f(
                    f(f(f(p(110) * plg[10]) + f(p(111) * plg[12])) + f(p(112) * plg[14])) *
                      cd14,
                  ),
              ) * clong,
            ) +
              f(
                f(
                  f(
                    f(
                      f(
                        f(f(f(p(91) * plg[11]) + f(p(92) * plg[13])) + f(p(93) * plg[15])) +
                          f(p(107) * plg[10]),
                      ) + f(p(108) * plg[12]),
                    ) + f(p(109) * plg[14]),
                  ) +
                    f(
                      f(f(f(p(113) * plg[10]) + f(p(114) * plg[12])) + f(p(115) * plg[14])) *
                        cd14,
                    ),
                ) * slong,
              ),
          ),
      );
      // UT and mixed UT, longitude
      const ut = f(
        f(f(f(p(96) * plg[1]) + 1) * f(f(p(82) * dfa) + 1)) *
          f(f(f(p(120) * plg[1]) * cd14) + 1),
      );
      t[11] = f(
        ut *
          (f(f(f(p(69) * plg[1]) + f(p(70) * plg[3])) + f(p(71) * plg[5])) *
            cos(f(SR * f(sec - p(72))))),
      );
      t[11] = f(
        t[11] +
          f(f(f(p(77) * plg[21]) + f(p(78) * plg[23])) + f(p(79) * plg[25])) *
            cos(f(f(SR * f(sec - p(80))) + f(f(DGTR * 2) * long))) *
            f(f(p(138) * dfa) + 1),
      );
      // UT, longitude magnetic activity
      if (magOn) {
        const [q121, q61, q62, q63, q64, q116, q117, q118, q119, q84, q85, q86, q76] = sw9 !== -1
          ? T13_DAILY
          : T13_3HOURLY;
        t[12] = f(
          f(apfac * f(f(p(q121) * plg[1]) + 1)) *
              (f(f(f(p(q61) * plg[11]) + f(p(q62) * plg[13])) + f(p(q63) * plg[15])) *
                cos(f(DGTR * f(long - p(q64))))) +
            f(
                f(
                  apfac * f(f(f(p(q116) * plg[10]) + f(p(q117) * plg[12])) + f(p(q118) * plg[14])),
                ) *
                  cd14,
              ) * cos(f(DGTR * f(long - p(q119)))) +
            f(apfac * f(f(f(p(q84) * plg[1]) + f(p(q85) * plg[3])) + f(p(q86) * plg[5]))) *
              cos(f(SR * f(sec - p(q76)))),
        );
      }
    }
    let tinf = p(31);
    for (let i = 0; i < 14; i++) tinf = f(tinf + t[i]);
    return tinf;
  }

  /**
   * The bracket of GLOBE6's T(9) (daily: P(33), P(46), P(35), P(101..103), P(122..125); 3-hourly:
   * P(51), P(97), P(55), P(126..128), P(129..132)), a double.
   */
  private magnetic(
    pa: P,
    a: number,
    b: number,
    c: number,
    d: number,
    e: number,
    g: number,
    tloc: number,
    cd14: number,
  ): number {
    const p = (i: number) => pa[i - 1];
    const plg = this.plg;
    const sum = f(
      f(f(p(a) + f(p(b) * plg[2])) + f(p(c) * plg[4])) +
        f(f(f(f(p(d) * plg[1]) + f(p(d + 1) * plg[3])) + f(p(d + 2) * plg[5])) * cd14),
    );
    return sum +
      f(f(f(p(e) * plg[10]) + f(p(e + 1) * plg[12])) + f(p(e + 2) * plg[14])) *
        cos(f(HR * f(tloc - p(g))));
  }

  /** SG0: the exponentially weighted 3-hourly Ap function of GLOBE6 for the decay `ex`. */
  private sg0(ex: number, pa: P): number {
    const g = this.g0v;
    if (this.g0Key !== 1 || pa[24] !== this.g0P25 || pa[25] !== this.g0P26) {
      // G0(AP(2..7)) for this set's P(25), P(26) (shared by most sets; the Ap array is fixed
      // for one gtd6 call).
      const p25 = pa[24] < C_1E4 ? C_1E4 : pa[24];
      const p26 = pa[25];
      for (let i = 0; i < 6; i++) {
        const am4 = f(this.ap[i + 1] - 4);
        g[i] = am4 + f(p26 - 1) * (am4 + (exp(-abs(p25) * am4) - 1) / abs(p25));
      }
      this.g0Key = 1;
      this.g0P25 = pa[24];
      this.g0P26 = pa[25];
    }
    const e2 = f(ex * ex);
    const e3 = f(e2 * ex);
    const e4 = f(e2 * e2);
    const e8 = f(e4 * e4);
    const e12 = f(e4 * e8);
    const e16 = f(e8 * e8);
    const e19 = f(e3 * e16);
    const oneMinus = f(1 - ex);
    const num = g[0] +
      (g[1] * ex + g[2] * ex * ex + g[3] * f(ex * f(ex * ex)) +
        (g[4] * e4 + g[5] * e12) * f(1 - e8) / oneMinus);
    const sumex = 1 + f(f(1 - e19) / oneMinus) * pow(ex, 0.5);
    return f(num / sumex);
  }

  /** GLOB6S: the lower-atmosphere expansion for the coefficient set `pa` (1-based P). */
  private glob6s(pa: P): number {
    const p = (i: number) => pa[i - 1];
    const plg = this.plg;
    const day = this.day;
    const dfa = this.dfa;
    const cd32 = f(cos(f(DR * f(day - p(32)))));
    const cd18 = f(cos(f(f(DR * 2) * f(day - p(18)))));
    const cd14 = f(cos(f(DR * f(day - p(14)))));
    const cd39 = f(cos(f(f(DR * 2) * f(day - p(39)))));
    let tt = f(p(22) * dfa);
    tt = f(
      tt +
        f(
          f(
            f(f(f(f(p(2) * plg[2]) + f(p(3) * plg[4])) + f(p(23) * plg[6])) + f(p(27) * plg[1])) +
              f(p(28) * plg[3]),
          ) + f(p(29) * plg[5]),
        ),
    );
    tt = f(tt + f(f(f(p(19) + f(p(48) * plg[2])) + f(p(30) * plg[4])) * cd32));
    tt = f(tt + f(f(f(p(16) + f(p(17) * plg[2])) + f(p(31) * plg[4])) * cd18));
    tt = f(tt + f(f(f(f(p(10) * plg[1]) + f(p(11) * plg[3])) + f(p(36) * plg[5])) * cd14));
    tt = f(tt + f(f(p(38) * plg[1]) * cd39));
    const t71 = f(f(p(12) * plg[11]) * cd14);
    const t72 = f(f(p(13) * plg[11]) * cd14);
    tt = f(
      tt +
        f(
          f(f(f(f(p(4) * plg[10]) + f(p(5) * plg[12])) + t71) * this.ctloc) +
            f(f(f(f(p(7) * plg[10]) + f(p(8) * plg[12])) + t72) * this.stloc),
        ),
    );
    const t81 = f(f(f(p(24) * plg[21]) + f(p(47) * plg[23])) * cd14);
    const t82 = f(f(f(p(34) * plg[21]) + f(p(49) * plg[23])) * cd14);
    tt = f(
      tt +
        f(
          f(f(f(f(p(6) * plg[20]) + f(p(42) * plg[22])) + t81) * this.c2tloc) +
            f(f(f(f(p(9) * plg[20]) + f(p(43) * plg[22])) + t82) * this.s2tloc),
        ),
    );
    const t9 = this.sv9 === 1
      ? f(this.apdf * f(p(33) + f(p(46) * plg[2])))
      : f(f(p(51) * this.apt2) + f(f(p(97) * plg[2]) * this.apt2));
    const t14 = f(f(f(p(40) * plg[30]) * this.s3tloc) + f(f(p(41) * plg[30]) * this.c3tloc));
    let t11 = 0;
    if (this.xlong > -1000) {
      t11 = f(
        (plg[1] *
            (p(81) * cos(f(DR * f(day - p(82)))) + p(86) * cos(f(f(DR * 2) * f(day - p(87))))) +
          1 + p(84) * cos(f(DR * f(day - p(85)))) +
          p(88) * cos(f(f(DR * 2) * f(day - p(89))))) *
          f(
            f(
              f(
                f(
                  f(
                    f(f(f(p(65) * plg[11]) + f(p(66) * plg[13])) + f(p(67) * plg[15])) +
                      f(p(75) * plg[10]),
                  ) + f(p(76) * plg[12]),
                ) + f(p(77) * plg[14]),
              ) * this.clong,
            ) +
              f(
                f(
                  f(
                    f(
                      f(f(f(p(91) * plg[11]) + f(p(92) * plg[13])) + f(p(93) * plg[15])) +
                        f(p(78) * plg[10]),
                    ) + f(p(79) * plg[12]),
                  ) + f(p(80) * plg[14]),
                ) * this.slong,
              ),
          ),
      );
    }
    // T(1..14) summed in order (T(9) after T(8), T(11) after T(9), T(14) last).
    tt = f(f(f(tt + t9) + t11) + t14);
    return tt;
  }

  /** DENSU: Bates/spline temperature (to `this.tz`) and diffusive density above 72.5 km. */
  private densu(
    alt: number,
    dlb: number,
    tinf: number,
    tlb: number,
    xm: number,
    alpha: number,
    zlb: number,
    s2: number,
  ): number {
    const re = this.re;
    const zn1 = ZN1;
    const tn1 = this.tn1;
    const tgn1 = this.tgn1;
    const za = zn1[0];
    let z = Math.max(alt, za);
    const zg2 = f(f(f(z - zlb) * f(re + zlb)) / f(re + z));
    const tt = f(tinf - f(tinf - tlb) * exp(f(-s2 * zg2)));
    const ta = tt;
    let tz = tt;
    let ret = tz;
    const w = this.work;
    let t1 = 0;
    if (alt < za) {
      let r1 = f(f(re + zlb) / f(re + za));
      const dta = f(f(f(tinf - ta) * s2) * f(r1 * r1));
      tgn1[0] = dta;
      tn1[0] = ta;
      z = Math.max(alt, zn1[4]);
      const z1 = zn1[0];
      const z2 = zn1[4];
      t1 = tn1[0];
      const t2 = tn1[4];
      const zg = f(f(f(z - z1) * f(re + z1)) / f(re + z));
      const zgdif = f(f(f(z2 - z1) * f(re + z1)) / f(re + z2));
      for (let k = 0; k < 5; k++) {
        w.xs[k] = f(f(f(f(zn1[k] - z1) * f(re + z1)) / f(re + zn1[k])) / zgdif);
        w.ys[k] = f(1 / tn1[k]);
      }
      const yd1 = f(f(-tgn1[0] / f(t1 * t1)) * zgdif);
      r1 = f(f(re + z2) / f(re + z1));
      const yd2 = f(f(f(-tgn1[1] / f(t2 * t2)) * zgdif) * f(r1 * r1));
      w.n = 5;
      w.zgdif = zgdif;
      spline(w, yd1, yd2);
      w.x = f(zg / zgdif);
      tz = f(1 / splint(w));
      ret = tz;
    }
    this.tz = tz;
    if (xm === 0) return ret;
    let r1 = f(f(zlb / re) + 1);
    let glb = f(this.gsurf / f(r1 * r1));
    const gamma = f(f(xm * glb) / f(f(s2 * RGAS) * tinf));
    let expl = f(exp(f(f(-s2 * gamma) * zg2)));
    if (expl > 50 || tt <= 0) expl = 50;
    const densa = f(dlb * pow(f(tlb / tt), f(f(alpha + 1) + gamma)) * expl);
    ret = densa;
    if (alt >= za) return ret;
    r1 = f(f(zn1[0] / re) + 1);
    glb = f(this.gsurf / f(r1 * r1));
    const gamm = f(f(f(xm * glb) * w.zgdif) / RGAS);
    expl = f(gamm * splini(w));
    if (expl > 50 || tz <= 0) expl = 50;
    return f(ret * pow(f(t1 / tz), f(alpha + 1)) * exp(-expl));
  }

  /** DENSM: temperature (to `this.tz`) and density below 72.5 km. */
  private densm(alt: number, d0: number, xm: number): number {
    let ret = d0;
    const w = this.work;
    const re = this.re;
    const stage = (zn: Float32Array, tn: Float64Array, tgn: Float64Array, z: number) => {
      const mn = zn.length;
      const z1 = zn[0];
      const z2 = zn[mn - 1];
      const t1 = tn[0];
      const t2 = tn[mn - 1];
      const zg = f(f(f(z - z1) * f(re + z1)) / f(re + z));
      const zgdif = f(f(f(z2 - z1) * f(re + z1)) / f(re + z2));
      for (let k = 0; k < mn; k++) {
        w.xs[k] = f(f(f(f(zn[k] - z1) * f(re + z1)) / f(re + zn[k])) / zgdif);
        w.ys[k] = f(1 / tn[k]);
      }
      const yd1 = f(f(-tgn[0] / f(t1 * t1)) * zgdif);
      const r1 = f(f(re + z2) / f(re + z1));
      const yd2 = f(f(f(-tgn[1] / f(t2 * t2)) * zgdif) * f(r1 * r1));
      w.n = mn;
      w.zgdif = zgdif;
      spline(w, yd1, yd2);
      w.x = f(zg / zgdif);
      this.tz = f(1 / splint(w));
      if (xm === 0) return;
      const r2 = f(f(z1 / re) + 1);
      const glb = f(this.gsurf / f(r2 * r2));
      const gamm = f(f(f(xm * glb) * zgdif) / RGAS);
      let expl = f(gamm * splini(w));
      if (expl > 50) expl = 50;
      ret = f(f(ret * f(t1 / this.tz)) * exp(-expl));
    };
    if (alt > ZN2[0]) return ret;
    stage(ZN2, this.tn2, this.tgn2, Math.max(alt, ZN2[3]));
    if (alt > ZN3[0]) return ret;
    stage(ZN3, this.tn3, this.tgn3, alt);
    return ret;
  }
}

/** `D(6)`: total mass density, g/cm^3. */
function totalMass(d: readonly number[]): number {
  return f(
    f(
      f(
        f(
          f(f(f(f(f(d[0] * 4) + f(d[1] * 16)) + f(d[2] * 28)) + f(d[3] * 32)) + f(d[4] * 40)) +
            d[6],
        ) + f(d[7] * 14),
      ),
    ) * C_166E24,
  );
}

/** SPLINE: cubic-spline second derivatives with end slopes (Numerical Recipes). */
function spline(w: SplineWork, yp1: number, ypn: number): void {
  const { xs: x, ys: y, y2, u, n } = w;
  if (yp1 > C_9P9E29) {
    y2[0] = 0;
    u[0] = 0;
  } else {
    y2[0] = -0.5;
    const dx = f(x[1] - x[0]);
    u[0] = f(f(3 / dx) * f(f(f(y[1] - y[0]) / dx) - yp1));
  }
  for (let i = 1; i < n - 1; i++) {
    const sig = f(f(x[i] - x[i - 1]) / f(x[i + 1] - x[i - 1]));
    const p = f(f(sig * y2[i - 1]) + 2);
    y2[i] = f(f(sig - 1) / p);
    const slope = f(
      f(f(y[i + 1] - y[i]) / f(x[i + 1] - x[i])) - f(f(y[i] - y[i - 1]) / f(x[i] - x[i - 1])),
    );
    u[i] = f(f(f(f(slope * 6) / f(x[i + 1] - x[i - 1])) - f(sig * u[i - 1])) / p);
  }
  let qn = 0;
  let un = 0;
  if (!(ypn > C_9P9E29)) {
    qn = 0.5;
    const dx = f(x[n - 1] - x[n - 2]);
    un = f(f(3 / dx) * f(ypn - f(f(y[n - 1] - y[n - 2]) / dx)));
  }
  y2[n - 1] = f(f(un - f(qn * u[n - 2])) / f(f(qn * y2[n - 2]) + 1));
  for (let k = n - 2; k >= 0; k--) y2[k] = f(f(y2[k] * y2[k + 1]) + u[k]);
}

/** SPLINT: cubic-spline value at `w.x`. */
function splint(w: SplineWork): number {
  const { xs: xa, ys: ya, y2: y2a, n, x } = w;
  let klo = 0;
  let khi = n - 1;
  while (khi - klo > 1) {
    const k = (khi + klo) >> 1;
    if (xa[k] > x) khi = k;
    else klo = k;
  }
  const h = f(xa[khi] - xa[klo]);
  const a = f(f(xa[khi] - x) / h);
  const b = f(f(x - xa[klo]) / h);
  const cubic = f(
    f(f(f(f(a * a) * a) - a) * y2a[klo]) + f(f(f(f(b * b) * b) - b) * y2a[khi]),
  );
  return f(f(f(a * ya[klo]) + f(b * ya[khi])) + f(f(f(cubic * h) * h) / 6));
}

/** SPLINI: integral of the cubic spline from `xa[0]` to `w.x`. */
function splini(w: SplineWork): number {
  const { xs: xa, ys: ya, y2: y2a, n, x } = w;
  let yi = 0;
  for (let klo = 0, khi = 1; x > xa[klo] && khi < n; klo++, khi++) {
    const xx = khi < n - 1 ? Math.min(x, xa[khi]) : x;
    const h = f(xa[khi] - xa[klo]);
    const a = f(f(xa[khi] - xx) / h);
    const b = f(f(xx - xa[klo]) / h);
    const a2 = f(a * a);
    const b2 = f(b * b);
    const inner = f(
      f(f(f(-f(f(a2 * a2) + 1) / 4) + f(a2 / 2)) * y2a[klo]) +
        f(f(f(f(b2 * b2) / 4) - f(b2 / 2)) * y2a[khi]),
    );
    const term = f(
      f(f(f(f(1 - a2) * ya[klo]) / 2) + f(f(b2 * ya[khi]) / 2)) + f(f(f(inner * h) * h) / 6),
    );
    yi = f(yi + f(term * h));
  }
  return yi;
}

/** DNET: turbopause blend of diffusive and mixed densities. */
function dnet(dd: number, dm: number, zhm: number, xmm: number, xm: number): number {
  const a = f(zhm / f(xmm - xm));
  if (!(dm > 0 && dd > 0)) {
    if (dd === 0 && dm === 0) dd = 1;
    if (dm === 0) return dd;
    if (dd === 0) return dm;
  }
  const ylog = f(a * log(f(dm / dd)));
  if (ylog < -10) return dd;
  if (ylog > 10) return dm;
  return f(dd * pow(exp(ylog) + 1, f(1 / a)));
}

/** CCOR: chemistry/dissociation correction factor. */
function ccor(alt: number, r: number, h1: number, zh: number): number {
  const e = f(f(alt - zh) / h1);
  let ret: number;
  if (e > 70) ret = 0;
  else if (e < -70) ret = r;
  else ret = f(r / f(f(exp(e)) + 1));
  return f(exp(ret));
}

/**
 * MSISE-90 `GTD6` with MASS = 48 as the first call of a fresh GMAT process makes it.
 *
 * @param input GTD6's arguments.
 */
export function msise90(input: Msise90Input): Msise90Output {
  return new Msise90Model().gtd6(input);
}

/**
 * Total mass density of MSISE-90 as GMAT's drag uses it (`xden[5] * 1000.0`).
 *
 * @param input GTD6's arguments.
 * @param model The model state (default: a fresh one, as a new GMAT process has).
 * @returns Density, kg/m^3.
 */
export function msise90Density(input: Msise90Input, model = new Msise90Model()): number {
  return model.gtd6(input).d[5] * 1000;
}
