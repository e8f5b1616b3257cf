/**
 * Acceleration and potential of a spherical-harmonic gravity field in the body-fixed frame,
 * computed the way GMAT R2026a does (`HarmonicGravity::CalculateFullField` = point mass +
 * `Harmonic::CalculateField`), so that results agree with GMAT to round-off.
 *
 * Algorithm: Pines' singularity-free formulation with normalised derived Legendre functions
 * A(n,m)(u), u = z/r, built by GMAT's column recursion (evaluated row by row here)
 *   A(n,m) = u N1(n,m) A(n-1,m) - N2(n,m) A(n-2,m)
 * from the diagonal A(n,n) = sqrt((2n+1)/(2n)) A(n-1,n-1) (A(0,0) = 1) and the sub-diagonal
 * A(n+1,n) = u sqrt(2n+3) A(n,n). In GMAT's convention A(n,0) is the fully normalised Legendre
 * function and A(n,m), m >= 1, is the fully normalised derived function divided by sqrt(2); the
 * coefficients are multiplied by sqrt(2) in the sums, and the m = 0 normalisation ratios VR01 and
 * VR11 are divided by sqrt(2). With (s, t, u) = r/|r|, Re(m) + i Im(m) = (s + i t)^m and
 * rho(n) = mu R^n / r^(n+2), the acceleration of degree n is
 *   a1 += rho sum m A(n,m) E,  a2 += rho sum m A(n,m) F,  a3 += rho sum VR01 A(n,m+1) D,
 *   a4 -= rho sum VR11 A(n+1,m+1) D,   acc = (a1 + a4 s, a2 + a4 t, a3 + a4 u),
 * with D = sqrt2 (C Re(m) + S Im(m)), E = sqrt2 (C Re(m-1) + S Im(m-1)),
 * F = sqrt2 (S Re(m-1) - C Im(m-1)). The sums run over m inside n in increasing order, as in GMAT;
 * the coefficients are stored pre-multiplied by sqrt2 (GMAT multiplies D, E and F), which changes
 * results only at round-off. The central term -mu r/|r|^3 uses the file's mu and is added
 * to the harmonic sum (GMAT has no separate Earth point mass when a gravity field is used).
 *
 * Degree and order follow GMAT's GravityField rules: negative values, a degree above the file's
 * degree or an order above the file's order are errors; an order above the degree is cut to the
 * degree with a warning; degree 0 leaves only the central term.
 *
 * @module
 */

import type { GravityCoefficients } from "./cof_file.ts";
import { MAX_GRAVITY_DEGREE } from "./cof_file.ts";
import { GravityModelError } from "./gravity_model_error.ts";

const SQRT2 = Math.sqrt(2);

/**
 * A spherical-harmonic gravity field truncated at a degree and order, evaluated in the body-fixed
 * frame (km, km/s^2). Holds its own work arrays: one instance must not be used by two callers at
 * the same time, and evaluation allocates nothing.
 *
 * @example Acceleration of JGM-2 4x4 at a LEO position
 * ```ts
 * import { parseCofFile } from "./cof_file.ts";
 * import { HarmonicField } from "./harmonic_gravity.ts";
 * const text = Deno.readTextFileSync("data/gmat/gravity/earth/JGM2.cof");
 * const field = new HarmonicField(parseCofFile(text, "JGM2.cof", { maxDegree: 4 }), 4, 4);
 * const acc = new Float64Array(3);
 * field.accelerationBodyFixed(new Float64Array([7000, 0, 0]), acc); // acc[0] ~ -8.15e-3
 * ```
 */
export class HarmonicField {
  /** Degree in use. */
  readonly degree: number;
  /** Order in use (<= degree). */
  readonly order: number;
  /** Gravitational parameter, km^3/s^2 (the file's). */
  readonly mu: number;
  /** Reference radius, km (the file's). */
  readonly radius: number;
  /** Warnings issued while configuring (e.g. order cut to degree), GMAT's wording. */
  readonly warnings: readonly string[];

  // Row-major tables of width #w = order + 2, index n * #w + m:
  // sqrt(2) C(n,m), sqrt(2) S(n,m) and the ratios VR01, VR11 for n <= degree, m <= min(n, order);
  // A(n,m) for n <= degree + 1, m <= order + 1 (zero above the diagonal) and the recursion
  // factors N1, N2.
  readonly #w: number;
  readonly #c2: Float64Array;
  readonly #s2: Float64Array;
  readonly #vr01: Float64Array;
  readonly #vr11: Float64Array;
  readonly #a: Float64Array;
  readonly #n1: Float64Array;
  readonly #n2: Float64Array;
  readonly #subdiag: Float64Array; // sqrt(2n+1), n = 1..order+2
  readonly #re: Float64Array;
  readonly #im: Float64Array;

  /**
   * Configures the field.
   *
   * @param coefs Coefficients read by `parseCofFile` (loaded at least to `degree`/`order`).
   * @param degree Degree to use (0 = central term only).
   * @param order Order to use (cut to `degree` with a warning when larger).
   * @throws {GravityModelError} For a negative or non-integer degree/order, a degree or order
   *   above the file's, or above what was loaded.
   */
  constructor(coefs: GravityCoefficients, degree: number, order: number) {
    const where = `gravity model ${coefs.name}`;
    for (const [label, value] of [["Degree", degree], ["Order", order]] as const) {
      if (!Number.isInteger(value) || value < 0) {
        throw new GravityModelError(
          `${label} ${value} is not allowed for the ${where}: use an integer >= 0 and <= the ` +
            "maximum of the model, with Order <= Degree",
        );
      }
    }
    if (degree > coefs.fileDegree) {
      throw new GravityModelError(
        `Requested degree (${degree}) is greater than degree (${coefs.fileDegree}) on file ` +
          `${coefs.name}; lower Degree or use a larger model`,
      );
    }
    if (order > coefs.fileOrder) {
      throw new GravityModelError(
        `Requested order (${order}) is greater than order (${coefs.fileOrder}) on file ` +
          `${coefs.name}; lower Order or use a larger model`,
      );
    }
    const warnings: string[] = [];
    if (order > degree) {
      warnings.push(
        `The Order (${order}) is greater than Degree (${degree}) so truncating Order to ${degree}`,
      );
      order = degree;
    }
    if (degree > coefs.degree || order > coefs.order) {
      throw new GravityModelError(
        `Degree ${degree} / order ${order} were requested but ${coefs.name} was loaded only to ` +
          `degree ${coefs.degree} / order ${coefs.order}; load it with larger limits`,
      );
    }
    if (degree > MAX_GRAVITY_DEGREE) {
      throw new GravityModelError(
        `Degree ${degree} exceeds the supported maximum ${MAX_GRAVITY_DEGREE}`,
      );
    }
    this.degree = degree;
    this.order = order;
    this.mu = coefs.mu;
    this.radius = coefs.radius;
    this.warnings = Object.freeze(warnings);

    const nn = degree;
    const mm = order;
    const w = mm + 2;
    this.#w = w;
    const rows = nn + 2;
    this.#c2 = new Float64Array(rows * w);
    this.#s2 = new Float64Array(rows * w);
    this.#vr01 = new Float64Array(rows * w);
    this.#vr11 = new Float64Array(rows * w);
    const cw = coefs.order + 1;
    for (let n = 0; n <= nn; n++) {
      for (let m = 0; m <= n && m <= mm; m++) {
        this.#c2[n * w + m] = SQRT2 * coefs.c[n * cw + m];
        this.#s2[n * w + m] = SQRT2 * coefs.s[n * cw + m];
        let vr01 = Math.sqrt((n - m) * (n + m + 1));
        let vr11 = Math.sqrt(((2 * n + 1) * (n + m + 2) * (n + m + 1)) / (2 * n + 3));
        if (m === 0) {
          vr01 /= SQRT2;
          vr11 /= SQRT2;
        }
        this.#vr01[n * w + m] = vr01;
        this.#vr11[n * w + m] = vr11;
      }
    }
    this.#a = new Float64Array(rows * w);
    this.#n1 = new Float64Array(rows * w);
    this.#n2 = new Float64Array(rows * w);
    // Constant diagonal A(n,n), n <= order + 1.
    let diag = 1;
    this.#a[0] = 1;
    for (let n = 1; n < w && n < rows; n++) {
      diag = Math.sqrt((2 * n + 1) / (2 * n)) * diag;
      this.#a[n * w + n] = diag;
    }
    for (let n = 2; n < rows; n++) {
      for (let m = 0; m <= n - 2 && m < w; m++) {
        this.#n1[n * w + m] = Math.sqrt(((2 * n + 1) * (2 * n - 1)) / ((n - m) * (n + m)));
        this.#n2[n * w + m] = Math.sqrt(
          ((2 * n + 1) * (n - m - 1) * (n + m - 1)) / ((2 * n - 3) * (n + m) * (n - m)),
        );
      }
    }
    this.#subdiag = new Float64Array(w + 1);
    for (let n = 1; n <= w; n++) this.#subdiag[n] = Math.sqrt(2 * n + 1);
    this.#re = new Float64Array(w);
    this.#im = new Float64Array(w);
  }

  /**
   * Fills A(n,m) for n = 1..degree+1, m <= order+1 (row by row, GMAT's recursions) and
   * Re(m) + i Im(m) = (s + i t)^m for m <= order+1.
   */
  #legendre(s: number, t: number, u: number): void {
    const a = this.#a;
    const n1 = this.#n1;
    const n2 = this.#n2;
    const sub = this.#subdiag;
    const w = this.#w;
    const last = this.degree + 1;
    for (let n = 1; n <= last; n++) {
      const row = n * w;
      const top = n - 2 < w - 1 ? n - 2 : w - 1;
      for (let m = 0; m <= top; m++) {
        const k = row + m;
        a[k] = u * n1[k] * a[k - w] - n2[k] * a[k - 2 * w];
      }
      // Sub-diagonal A(n, n-1) = u sqrt(2n+1) A(n-1, n-1).
      if (n - 1 < w) a[row + n - 1] = u * sub[n] * a[row - w + n - 1];
    }
    const re = this.#re;
    const im = this.#im;
    re[0] = 1;
    im[0] = 0;
    for (let m = 1; m < w; m++) {
      re[m] = s * re[m - 1] - t * im[m - 1];
      im[m] = s * im[m - 1] + t * re[m - 1];
    }
  }

  /**
   * Total acceleration (central term + harmonics) at a body-fixed position.
   *
   * @param r Position [x, y, z] in the body-fixed frame, km.
   * @param out Receives the acceleration in the body-fixed frame, km/s^2 (3 elements).
   */
  accelerationBodyFixed(r: ArrayLike<number>, out: Float64Array): void {
    this.acceleration(r[0], r[1], r[2], out);
  }

  /**
   * Total acceleration at body-fixed (x, y, z), km, into out[0..2], km/s^2. Allocates nothing.
   * At the origin the result is not finite (as in GMAT).
   */
  acceleration(x: number, y: number, z: number, out: Float64Array): void {
    const r = Math.sqrt(x * x + y * y + z * z);
    // Central term (HarmonicGravity::CalculatePointField).
    const muR3 = this.mu / (r * r * r);
    const p0 = -muR3 * x;
    const p1 = -muR3 * y;
    const p2 = -muR3 * z;
    const nn = this.degree;
    if (nn === 0) {
      out[0] = p0;
      out[1] = p1;
      out[2] = p2;
      return;
    }
    const mm = this.order;
    const s = x / r;
    const t = y / r;
    const u = z / r;
    this.#legendre(s, t, u);
    const a = this.#a;
    const re = this.#re;
    const im = this.#im;
    const c2 = this.#c2;
    const s2 = this.#s2;
    const vr01 = this.#vr01;
    const vr11 = this.#vr11;
    const w = this.#w;
    const radius = this.radius;
    const rho = radius / r;
    let rhoN = this.mu / r * rho;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    for (let n = 1; n <= nn; n++) {
      rhoN *= rho;
      const row = n * w;
      // m = 0: E = F = 0.
      const d0 = c2[row] * re[0] + s2[row] * im[0];
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = vr01[row] * a[row + 1] * d0;
      let sum4 = vr11[row] * a[row + w + 1] * d0;
      const top = n < mm ? n : mm;
      for (let m = 1; m <= top; m++) {
        const k = row + m;
        const cv = c2[k];
        const sv = s2[k];
        const rem = re[m];
        const imm = im[m];
        const rem1 = re[m - 1];
        const imm1 = im[m - 1];
        const d = cv * rem + sv * imm;
        const e = cv * rem1 + sv * imm1;
        const f = sv * rem1 - cv * imm1;
        const mA = m * a[k];
        sum1 += mA * e;
        sum2 += mA * f;
        sum3 += vr01[k] * a[k + 1] * d;
        sum4 += vr11[k] * a[k + w + 1] * d;
      }
      const rr = rhoN / radius;
      a1 += rr * sum1;
      a2 += rr * sum2;
      a3 += rr * sum3;
      a4 -= rr * sum4;
    }
    out[0] = p0 + (a1 + a4 * s);
    out[1] = p1 + (a2 + a4 * t);
    out[2] = p2 + (a3 + a4 * u);
  }

  /**
   * Gravitational potential (positive, km^2/s^2) at a body-fixed position, including the central
   * term: U = mu/r [1 + sum (R/r)^n Pbar(n,m)(sin phi) (C cos m lambda + S sin m lambda)].
   * Uses the same Legendre recursion as {@link acceleration}; allocates nothing.
   *
   * @param r Position [x, y, z] in the body-fixed frame, km.
   */
  potentialBodyFixed(r: ArrayLike<number>): number {
    const x = r[0];
    const y = r[1];
    const z = r[2];
    const rn = Math.sqrt(x * x + y * y + z * z);
    const nn = this.degree;
    if (nn === 0) return this.mu / rn;
    const mm = this.order;
    this.#legendre(x / rn, y / rn, z / rn);
    const a = this.#a;
    const re = this.#re;
    const im = this.#im;
    const w = this.#w;
    const rho = this.radius / rn;
    let rhoN = 1;
    let sum = 0;
    for (let n = 1; n <= nn; n++) {
      rhoN *= rho;
      let inner = 0;
      for (let m = 0; m <= n && m <= mm; m++) {
        const k = n * w + m;
        // Fully normalised Pbar(n,m) / cos^m(phi) is A(n,0) for m = 0, sqrt(2) A(n,m) otherwise;
        // the stored coefficients carry a factor sqrt(2).
        const term = a[k] * (this.#c2[k] * re[m] + this.#s2[k] * im[m]);
        inner += m === 0 ? term / SQRT2 : term;
      }
      sum += rhoN * inner;
    }
    return this.mu / rn * (1 + sum);
  }
}
