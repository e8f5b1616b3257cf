/**
 * GMAT's `ChemicalThruster` (`ChemicalThruster.cpp`): thrust and specific impulse as polynomials in
 * the feeding tanks' pressure and temperature ratio, and the mass flow they imply.
 *
 * Thrust, N (`CalculateThrustAndIsp`, P in kPa, T and T_ref in C as scripted):
 *
 *   F = C1 + C2 P + (C3 + C4 P + C5 P^2 + C6 P^C7 + C8 P^C9 + C10 P^C11 + C12 C13^(C14 P))
 *       (T / T_ref)^(1 + C15 + C16 P)
 *
 * and Isp, s, the same with K1..K16. With several tanks P = sum(P_i r_i) / sum(r_i) and
 * T / T_ref = sum(T_i r_i) / sum(T_ref,i r_i), r the MixRatio. GMAT skips the P-dependent groups
 * when their coefficients vanish (flags `constantExpressions` / `simpleExpressions`, shared by the
 * C and K sets); so does this module, which matters only where a skipped zero term would be NaN.
 * Defaults: C1 = 10 N, K1 = 300 s, all other coefficients 0.
 *
 * Mass flow, kg/s (`CalculateMassFlow`): mdot = -F / (g0 Isp) * DutyCycle with g0 =
 * GravitationalAccel, 0 when DecrementMass is false; ThrustScaleFactor does not enter (it scales
 * only the applied thrust, see `finite_burn.ts`). Isp exactly 0 is an error.
 *
 * @module
 */

import { fieldError, PropulsionError } from "./propulsion_error.ts";
import { resolveThrusterSettings, type ThrusterSettings } from "./thruster.ts";

/** Number of C (thrust) and K (Isp) coefficients. */
export const COEFFICIENT_COUNT = 16;

/** Units GMAT reports for C1..C16 (`C_UNITS`). */
export const C_UNITS: readonly string[] = [
  "N",
  "N/kPa",
  "N",
  "N/kPa",
  "N/kPa^2",
  "N/kPa^C7",
  "None",
  "N/kPa^C9",
  "None",
  "N/kPa^C11",
  "None",
  "N",
  "None",
  "1/kPa",
  "None",
  "1/kPa",
];

/** Units GMAT reports for K1..K16 (`K_UNITS`). */
export const K_UNITS: readonly string[] = [
  "s",
  "s/kPa",
  "s",
  "s/kPa",
  "s/kPa^2",
  "s/kPa^K7",
  "None",
  "s/kPa^K9",
  "None",
  "s/kPa^K11",
  "None",
  "s",
  "None",
  "1/kPa",
  "None",
  "1/kPa",
];

/** The ChemicalThruster-specific fields. */
export interface ChemicalThrusterCoefficients {
  /** C1..C16 (index 0 is C1). */
  readonly c: readonly number[];
  /** K1..K16 (index 0 is K1). */
  readonly k: readonly number[];
}

/** GMAT defaults: C1 = 10 N, K1 = 300 s, the rest 0. */
export const CHEMICAL_THRUSTER_DEFAULTS: Readonly<ChemicalThrusterCoefficients> = Object.freeze({
  c: Object.freeze([10, ...new Array(COEFFICIENT_COUNT - 1).fill(0)]),
  k: Object.freeze([300, ...new Array(COEFFICIENT_COUNT - 1).fill(0)]),
});

function coefficients(name: string, letter: "C" | "K", given: readonly number[] | undefined) {
  const base = letter === "C" ? CHEMICAL_THRUSTER_DEFAULTS.c : CHEMICAL_THRUSTER_DEFAULTS.k;
  const out = Float64Array.from(base);
  if (given === undefined) return out;
  if (given.length > COEFFICIENT_COUNT) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `ChemicalThruster "${name}" has ${given.length} ${letter} coefficients; GMAT has ` +
        `${letter}1..${letter}16. Remove the extra entries.`,
    );
  }
  given.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw fieldError(name, `${letter}${i + 1}`, v, "Real Number", "Give a finite number.");
    }
    out[i] = v;
  });
  return out;
}

/**
 * Evaluates one GMAT thrust/Isp polynomial.
 *
 * @param a The 16 coefficients (C or K).
 * @param p Pressure, kPa.
 * @param ratio Temperature ratio T / T_ref.
 * @param constant GMAT's `constantExpressions` flag.
 * @param simple GMAT's `simpleExpressions` flag.
 */
export function gmatPolynomial(
  a: ArrayLike<number>,
  p: number,
  ratio: number,
  constant: boolean,
  simple: boolean,
): number {
  let value = a[2];
  if (!constant) {
    value += p * (a[3] + p * a[4]);
    if (!simple) {
      value += a[5] * Math.pow(p, a[6]) + a[7] * Math.pow(p, a[8]) +
        a[9] * Math.pow(p, a[10]) + a[11] * Math.pow(a[12], p * a[13]);
    }
  }
  value *= Math.pow(ratio, 1 + a[14] + p * a[15]);
  return value + a[0] + a[1] * p;
}

/** A ChemicalThruster. Immutable. */
export class ChemicalThruster {
  /** Discriminator of the thruster kinds. */
  readonly kind = "ChemicalThruster" as const;
  /** Script name. */
  readonly name: string;
  /** The shared thruster fields, defaults filled in. */
  readonly settings: Readonly<ThrusterSettings>;
  /** C1..C16. */
  readonly c: Float64Array;
  /** K1..K16. */
  readonly k: Float64Array;
  /** GMAT's `simpleExpressions`: C/K 6..12 and 14 zero, C13/K13 in {0, 1}. */
  readonly simpleExpressions: boolean;
  /** GMAT's `constantExpressions`: simple and C/K 2, 4, 5 zero. */
  readonly constantExpressions: boolean;

  /**
   * Creates the thruster.
   *
   * @param name Script name.
   * @param settings Shared thruster fields (Tank, MixRatio, DecrementMass, ...).
   * @param coefficients C1..C16 and K1..K16 in order (shorter arrays keep the defaults after).
   * @throws {PropulsionError} `PROPULSION_SETTING` for a value GMAT rejects.
   */
  constructor(
    name: string,
    settings: Partial<ThrusterSettings> = {},
    coefficientsGiven: Partial<ChemicalThrusterCoefficients> = {},
  ) {
    this.name = name;
    this.settings = resolveThrusterSettings(name, settings);
    this.c = coefficients(name, "C", coefficientsGiven.c);
    this.k = coefficients(name, "K", coefficientsGiven.k);
    let simple = true;
    let constant = true;
    for (const a of [this.c, this.k]) {
      for (const i of [5, 6, 7, 8, 9, 10, 11, 13]) if (a[i] !== 0) simple = false;
      if (a[12] !== 0 && a[12] !== 1) simple = false;
      if (a[1] !== 0 || a[3] !== 0 || a[4] !== 0) constant = false;
    }
    this.simpleExpressions = simple;
    this.constantExpressions = constant && simple;
  }

  /**
   * Thrust before DutyCycle and ThrustScaleFactor, N.
   *
   * @param pressure Mix-weighted tank pressure, kPa.
   * @param temperatureRatio Mix-weighted T / T_ref.
   */
  thrust(pressure: number, temperatureRatio: number): number {
    return gmatPolynomial(
      this.c,
      pressure,
      temperatureRatio,
      this.constantExpressions,
      this.simpleExpressions,
    );
  }

  /**
   * Specific impulse, s.
   *
   * @param pressure Mix-weighted tank pressure, kPa.
   * @param temperatureRatio Mix-weighted T / T_ref.
   */
  isp(pressure: number, temperatureRatio: number): number {
    return gmatPolynomial(
      this.k,
      pressure,
      temperatureRatio,
      this.constantExpressions,
      this.simpleExpressions,
    );
  }

  /**
   * GMAT's mass flow of the firing thruster, kg/s (negative: mass leaves).
   *
   * @param thrust Thrust from {@link thrust}, N.
   * @param isp Isp from {@link isp}, s.
   * @throws {PropulsionError} `PROPULSION_FAILED` when Isp is exactly 0.
   */
  massFlowRate(thrust: number, isp: number): number {
    if (isp === 0) {
      throw new PropulsionError(
        "PROPULSION_FAILED",
        `Thruster "${this.name}" has specific impulse == 0.0 at the current tank pressure and ` +
          `temperature; check ${this.name}.K1..K16 (K1 is the constant Isp in s).`,
      );
    }
    const s = this.settings;
    const mdot = s.decrementMass ? -thrust / (s.gravitationalAccel * isp) : 0;
    return mdot * s.dutyCycle;
  }
}
