/**
 * GMAT's `ElectricThruster` (`ElectricThruster.cpp`) and the FiniteBurn power split among
 * electric thrusters (`FiniteBurn::ComputeThrottleLogic`).
 *
 * Power P is in kW (as GMAT's power systems deliver it). With P below MinimumUsablePower the
 * thruster produces neither thrust nor mass flow; above MaximumUsablePower P is capped. Models:
 * - ThrustMassPolynomial (default): F = (T5 P^4 + T4 P^3 + T3 P^2 + T2 P + T1) / 1e3 N (mN
 *   coefficients), mdot = (M5 P^4 + ... + M1) / 1e6 kg/s (mg/s), Isp = F / (mdot g0).
 * - ConstantThrustAndIsp: F = ConstantThrust N, mdot = F / (Isp g0).
 * - FixedEfficiency: F = 2 eta P / (Isp g0 1e-3) N, mdot = 2 eta P 1e-3 / (Isp g0 1e-3)^2 kg/s
 *   (i.e. 2 eta P[W] / v_e and 2 eta P[W] / v_e^2 with v_e = Isp g0).
 * A negative thrust is set to 0 (Isp too) but the polynomial mass flow is kept, as in GMAT. The
 * returned mass flow is -mdot * DutyCycle, 0 when DecrementMass is false.
 *
 * Defaults: ThrustMassPolynomial, MaximumUsablePower 7.266 kW, MinimumUsablePower 0.638 kW,
 * ThrustCoeff1..5 = -5.19082, 2.96519, -14.4789, 54.05382, -0.00100092, MassFlowCoeff1..5 =
 * -0.004776, 0.05717, -0.09956, 0.03211, 2.13781, FixedEfficiency 0.7, Isp 4200 s,
 * ConstantThrust 0.237 N.
 *
 * @module
 */

import { fieldError, PropulsionError } from "./propulsion_error.ts";
import { resolveThrusterSettings, type ThrusterSettings } from "./thruster.ts";

/** `ElectricThruster.ThrustModel`. */
export type ElectricThrustModel =
  | "ThrustMassPolynomial"
  | "ConstantThrustAndIsp"
  | "FixedEfficiency";

/** The thrust models, GMAT's default first. */
export const ELECTRIC_THRUST_MODELS: readonly ElectricThrustModel[] = [
  "ThrustMassPolynomial",
  "ConstantThrustAndIsp",
  "FixedEfficiency",
];

/** The ElectricThruster-specific fields. */
export interface ElectricThrusterModel {
  /** `ThrustModel`. */
  readonly thrustModel: ElectricThrustModel;
  /** `MaximumUsablePower`, kW (> 0). */
  readonly maximumUsablePower: number;
  /** `MinimumUsablePower`, kW (> 0, < maximum). */
  readonly minimumUsablePower: number;
  /** `ThrustCoeff1..5` (constant term first), mN and mN/kW^n. */
  readonly thrustCoeff: readonly number[];
  /** `MassFlowCoeff1..5` (constant term first), mg/s and mg/s/kW^n. */
  readonly massFlowCoeff: readonly number[];
  /** `FixedEfficiency`. */
  readonly fixedEfficiency: number;
  /** `Isp`, s. */
  readonly isp: number;
  /** `ConstantThrust`, N. */
  readonly constantThrust: number;
}

/** GMAT R2026a defaults of the ElectricThruster fields. */
export const ELECTRIC_THRUSTER_DEFAULTS: Readonly<ElectricThrusterModel> = Object.freeze({
  thrustModel: "ThrustMassPolynomial",
  maximumUsablePower: 7.266,
  minimumUsablePower: 0.638,
  thrustCoeff: Object.freeze([-5.19082, 2.96519, -14.4789, 54.05382, -0.00100092]),
  massFlowCoeff: Object.freeze([-0.004776, 0.05717, -0.09956, 0.03211, 2.13781]),
  fixedEfficiency: 0.7,
  isp: 4200,
  constantThrust: 0.237,
});

/** Output of {@link ElectricThruster.evaluate} (caller-owned, reused). */
export interface ElectricEvaluation {
  /** Thrust before DutyCycle and ThrustScaleFactor, N. */
  thrust: number;
  /** Specific impulse, s (0 when not thrusting). */
  isp: number;
  /** Mass flow, kg/s, negative, DutyCycle applied; 0 without DecrementMass. */
  massFlowRate: number;
}

/** An ElectricThruster. Immutable. */
export class ElectricThruster {
  /** Discriminator of the thruster kinds. */
  readonly kind = "ElectricThruster" as const;
  /** Script name. */
  readonly name: string;
  /** The shared thruster fields, defaults filled in. */
  readonly settings: Readonly<ThrusterSettings>;
  /** The electric-model fields, defaults filled in. */
  readonly model: Readonly<ElectricThrusterModel>;

  /**
   * Creates the thruster.
   *
   * @param name Script name.
   * @param settings Shared thruster fields.
   * @param model Electric-model fields; missing ones take GMAT's defaults.
   * @throws {PropulsionError} `PROPULSION_SETTING` for a value GMAT rejects.
   */
  constructor(
    name: string,
    settings: Partial<ThrusterSettings> = {},
    model: Partial<ElectricThrusterModel> = {},
  ) {
    this.name = name;
    this.settings = resolveThrusterSettings(name, settings);
    const m = { ...ELECTRIC_THRUSTER_DEFAULTS, ...model };
    if (!ELECTRIC_THRUST_MODELS.includes(m.thrustModel)) {
      throw fieldError(
        name,
        "ThrustModel",
        m.thrustModel,
        ` ${ELECTRIC_THRUST_MODELS.join(", ")} `,
        "Pick one of the listed models.",
      );
    }
    for (
      const [field, v] of [
        ["MaximumUsablePower", m.maximumUsablePower],
        ["MinimumUsablePower", m.minimumUsablePower],
      ] as const
    ) {
      if (!(Number.isFinite(v) && v > 0)) {
        throw fieldError(name, field, v, "Real number > 0", "Powers are in kW.");
      }
    }
    if (m.maximumUsablePower <= m.minimumUsablePower) {
      throw new PropulsionError(
        "PROPULSION_SETTING",
        `The value of field "MaximumUsablePower" on Electric Thruster "${name}" must be greater ` +
          `than the value of field "MinimumUsablePower" (${m.maximumUsablePower} <= ` +
          `${m.minimumUsablePower} kW).`,
      );
    }
    for (
      const [field, list] of [["ThrustCoeff", m.thrustCoeff], [
        "MassFlowCoeff",
        m.massFlowCoeff,
      ]] as const
    ) {
      if (list.length !== 5 || !list.every(Number.isFinite)) {
        throw new PropulsionError(
          "PROPULSION_SETTING",
          `ElectricThruster "${name}" needs five finite ${field}1..5 values, got ` +
            `[${list.join(", ")}].`,
        );
      }
    }
    for (
      const [field, v] of [
        ["FixedEfficiency", m.fixedEfficiency],
        ["Isp", m.isp],
        ["ConstantThrust", m.constantThrust],
      ] as const
    ) {
      if (!Number.isFinite(v)) throw fieldError(name, field, v, "Real Number", "Give a number.");
    }
    this.model = Object.freeze({
      ...m,
      thrustCoeff: Object.freeze([...m.thrustCoeff]),
      massFlowCoeff: Object.freeze([...m.massFlowCoeff]),
    });
  }

  /**
   * Thrust, Isp and mass flow at an allocated power (`CalculateMassFlow` then
   * `CalculateThrustAndIsp`).
   *
   * @param power Power allocated to this thruster, kW.
   * @param out Receives the results.
   */
  evaluate(power: number, out: ElectricEvaluation): void {
    const m = this.model;
    const s = this.settings;
    if (power < m.minimumUsablePower) {
      out.thrust = 0;
      out.isp = 0;
      out.massFlowRate = 0;
      return;
    }
    const p = power > m.maximumUsablePower ? m.maximumUsablePower : power;
    const p2 = p * p;
    const p3 = p2 * p;
    const p4 = p3 * p;
    const g = s.gravitationalAccel;
    let thrust: number;
    let isp = m.isp;
    let mdot: number;
    if (m.thrustModel === "ThrustMassPolynomial") {
      const t = m.thrustCoeff;
      const f = m.massFlowCoeff;
      thrust = (t[4] * p4 + t[3] * p3 + t[2] * p2 + t[1] * p + t[0]) / 1.0e3;
      mdot = (f[4] * p4 + f[3] * p3 + f[2] * p2 + f[1] * p + f[0]) / 1.0e6;
      isp = thrust / (mdot * g);
    } else if (m.thrustModel === "ConstantThrustAndIsp") {
      thrust = m.constantThrust;
      mdot = m.constantThrust / (m.isp * g);
    } else {
      const ispG = m.isp * g * 0.001;
      thrust = (2.0 * m.fixedEfficiency * p) / ispG;
      mdot = (2.0 * m.fixedEfficiency * p * 0.001) / (ispG * ispG);
    }
    if (thrust < 0) {
      thrust = 0;
      isp = 0;
    }
    out.thrust = thrust;
    out.isp = isp;
    out.massFlowRate = (s.decrementMass ? mdot : 0) * -s.dutyCycle;
  }
}

/**
 * Splits the available thrust power among a FiniteBurn's electric thrusters with GMAT's only
 * ThrottleLogicAlgorithm, MaxNumberOfThrusters: fire as many thrusters (in burn order) as can each
 * get more than the minimum usable power, sharing the power equally; the others get 0.
 *
 * GMAT quirk kept: the mean minimum usable power for n firing thrusters is computed from the
 * minimum of thruster n (not the mean of the first n), identical when the thrusters match.
 *
 * @param available Thrust power available, kW.
 * @param minimumUsable MinimumUsablePower of each thruster, kW.
 * @param out Receives each thruster's power, kW (same length).
 * @returns The number of thrusters that get power.
 */
export function allocateThrusterPower(
  available: number,
  minimumUsable: ArrayLike<number>,
  out: Float64Array,
): number {
  const n = minimumUsable.length;
  let numToFire = n;
  let perThruster = 0;
  for (let ii = n - 1; ii >= 0; ii--) {
    perThruster = available / numToFire;
    let meanMinimum = 0;
    for (let jj = 0; jj < numToFire; jj++) meanMinimum += minimumUsable[ii];
    meanMinimum /= numToFire;
    if (perThruster > meanMinimum) break;
    if (numToFire === 1 && perThruster < meanMinimum) {
      numToFire = 0;
      break;
    }
    numToFire--;
  }
  for (let i = 0; i < n; i++) out[i] = i < numToFire ? perThruster : 0;
  return numToFire;
}
