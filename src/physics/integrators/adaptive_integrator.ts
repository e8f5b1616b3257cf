/**
 * The adaptive embedded Runge-Kutta driver GMAT's RungeKutta89 / PrinceDormand78 /
 * PrinceDormand45 / RungeKutta56 share (`RungeKutta::Step`, `RawStep`, `EstimateError`,
 * `AdaptStep`, `Step(Real dt)`), and the Runge-Kutta-Nystrom variant of RungeKutta68
 * (`RungeKuttaNystrom::Step`, `Step(Real dt)`), reproduced step for step.
 *
 * One adaptive step ({@link AdaptiveIntegrator.step}):
 * 1. At the top: |h| < MinStep is raised to MinStep; |h| > MaxStep is cut to MaxStep.
 * 2. Raw step (`raw_step.ts`): candidate = the higher-order solution (local extrapolation),
 *    error vector from the embedded pair; scalar error by `error_norm.ts`.
 * 3. Error exactly 0 (e.g. ErrorControl None): accept, h unchanged (RungeKutta68 has no such
 *    case in GMAT: h grows to infinity and the next step is cut to MaxStep).
 *    Error <= Accuracy: accept, next h = 0.9 h (Accuracy/err)^(1/p).
 *    Error > Accuracy: if |h| == MinStep, throw INTEGRATION_ACCURACY (StopIfAccuracyIsViolated)
 *    or accept the step with a one-time warning; otherwise h = 0.9 h (Accuracy/err)^(1/(p-1)),
 *    raised to MinStep if smaller, and the step is retried from the same state. MaxStepAttempts
 *    consecutive rejections throw INTEGRATION_FAILED.
 * p is the tableau's step-control order (9, 8, 5, 6, 8). No first-step estimation: the first
 * attempt is InitialStepSize. There is no growth limit other than MaxStep.
 *
 * A fixed interval ({@link AdaptiveIntegrator.stepFixed}, GMAT's final and search steps): every
 * sub-step first tries the whole remaining interval (MaxStep still applies, the MinStep raise at
 * the top does not), subtracts what was taken, and stops when the remainder is within 1e-12 s.
 * As in GMAT the sub-step counter is checked before each sub-step, so at most MaxStepAttempts + 1
 * sub-steps fit; needing more throws INTEGRATION_FAILED (GMAT's Nystrom driver has no such
 * limit, so RungeKutta68 has none). Afterwards `h` holds the suggestion of the last accepted
 * sub-step, as GMAT's integrator does.
 *
 * Backward propagation (GMAT `Propagate BackProp`): GMAT sets the step to |InitialStepSize|
 * times the direction, so give `direction = -1` to the constructor or {@link reset}, and a
 * negative `dt` to `stepFixed`. MinStep/MaxStep clamps compare |h| and keep its sign, the step
 * update multiplies h by a positive factor, and the error norm only uses magnitudes, so the
 * step control is the mirror image of the forward one.
 *
 * @module
 */

import type { ButcherTableau } from "./tableau.ts";
import {
  DEFAULT_INTEGRATOR_SETTINGS,
  type Derivatives,
  type IntegratorSettings,
  tableauFor,
  validateSettings,
} from "./settings.ts";
import { errorNorm } from "./error_norm.ts";
import { IntegrationError } from "./integration_error.ts";
import { createWorkspace, nystromStep, rungeKuttaStep, type StepWorkspace } from "./raw_step.ts";

/** GMAT's `smallestTime`: a fixed interval is done when the remainder is within this, seconds. */
export const FIXED_STEP_TOLERANCE = 1e-12;

const SAFETY = 0.9;

/** Result of one accepted adaptive step. */
export interface StepResult {
  /** Elapsed time after the step, seconds. */
  t: number;
  /** State after the step (a new array). */
  y: Float64Array;
  /** The step actually taken, seconds (signed). */
  taken: number;
}

/** Result of a fixed-interval step. */
export interface FixedStepResult {
  /** Exactly the requested end time t + dt, seconds. */
  t: number;
  /** State at t + dt (a new array). */
  y: Float64Array;
}

/**
 * An adaptive embedded Runge-Kutta integrator with GMAT's step control.
 *
 * @example Propagate a LEO for one orbit with GMAT's defaults
 * ```ts
 * import { AdaptiveIntegrator } from "./adaptive_integrator.ts";
 * import { pointMassDerivatives } from "../forces/point_mass.ts";
 * const mu = 398600.4415;
 * const integrator = new AdaptiveIntegrator({}, pointMassDerivatives(mu, 1), 6);
 * let t = 0;
 * let y: Float64Array = new Float64Array([7000, 0, 0, 0, 7.546, 0]);
 * while (t < 5000) ({ t, y } = integrator.step(t, y));
 * ({ t, y } = integrator.stepFixed(t, y, 5800 - t)); // lands exactly on t = 5800
 * ```
 */
export class AdaptiveIntegrator {
  /** The settings in force (defaults filled in). */
  readonly settings: Readonly<IntegratorSettings>;
  /** The Butcher tableau of `settings.type`. */
  readonly tableau: ButcherTableau;
  /** Length of the state vector (a multiple of 3; 6 per spacecraft). */
  readonly dimension: number;
  /** The step size the next adaptive step will attempt first, seconds (signed). */
  h: number;
  /** Number of derivative evaluations so far. */
  evaluations = 0;
  /** Number of accepted steps (adaptive steps and fixed-interval sub-steps). */
  acceptedSteps = 0;
  /** Number of rejected attempts. */
  rejectedSteps = 0;
  /** Scalar error estimate of the last accepted attempt (0 with ErrorControl None). */
  lastError = 0;
  /** Warnings issued (accuracy violated with StopIfAccuracyIsViolated = false), oldest first. */
  readonly warnings: string[] = [];

  readonly #f: Derivatives;
  readonly #w: StepWorkspace;
  readonly #nystrom: boolean;
  #warned = false;

  /**
   * Creates an integrator for a state of `dimension` components.
   *
   * @param settings Integrator settings; missing fields take GMAT's defaults.
   * @param derivatives The right-hand side dy/dt.
   * @param dimension State length (a positive multiple of 3; of 6 for RungeKutta68, whose
   *   Nystrom step needs [r, v] per spacecraft).
   * @param direction 1 for forward propagation (default), -1 for backward: the first step is
   *   direction * |InitialStepSize|.
   * @throws {RangeError} For invalid settings or dimension.
   */
  constructor(
    settings: Partial<IntegratorSettings>,
    derivatives: Derivatives,
    dimension: number,
    direction: 1 | -1 = 1,
  ) {
    const full = { ...DEFAULT_INTEGRATOR_SETTINGS, ...settings };
    validateSettings(full);
    if (!(Number.isInteger(dimension) && dimension > 0 && dimension % 3 === 0)) {
      throw new RangeError(`State dimension must be a positive multiple of 3, got ${dimension}`);
    }
    this.settings = Object.freeze(full);
    this.tableau = tableauFor(full.type);
    this.#nystrom = this.tableau.nystrom !== undefined;
    if (this.#nystrom && dimension % 6 !== 0) {
      throw new RangeError(
        `${this.tableau.name} integrates [r, v] per spacecraft: the state dimension must be a ` +
          `multiple of 6, got ${dimension}`,
      );
    }
    this.dimension = dimension;
    this.h = direction * Math.abs(full.initialStepSize);
    this.#f = derivatives;
    this.#w = createWorkspace(this.tableau, dimension);
  }

  /**
   * Restarts step control as a new Propagate command does: h = InitialStepSize (times the
   * direction) and the one-time accuracy warning re-armed.
   *
   * @param direction 1 for forward propagation, -1 for backward.
   */
  reset(direction: 1 | -1 = 1): void {
    this.h = direction * Math.abs(this.settings.initialStepSize);
    this.#warned = false;
  }

  /**
   * Takes one accepted adaptive step from (t, y), GMAT's `RungeKutta::Step()`.
   *
   * @param t Elapsed time at the start, seconds.
   * @param y State at the start (not modified).
   * @returns The new time and state and the step taken; `h` then holds the next suggestion.
   * @throws {IntegrationError} `INTEGRATION_ACCURACY` or `INTEGRATION_FAILED` (see module doc).
   */
  step(t: number, y: Float64Array): StepResult {
    this.#checkState(y);
    const taken = this.#controlledStep(t, y, false);
    return { t: t + taken, y: Float64Array.from(this.#w.cand), taken };
  }

  /**
   * Integrates exactly `dt` seconds from (t, y) with GMAT's fixed-interval stepping.
   *
   * @param t Elapsed time at the start, seconds.
   * @param y State at the start (not modified).
   * @param dt Interval, seconds (may be negative for backward propagation; 0 returns a copy).
   * @returns The state at t + dt; the returned time is exactly t + dt.
   * @throws {IntegrationError} `INTEGRATION_FAILED` when more than MaxStepAttempts + 1 sub-steps
   *   are needed (never for RungeKutta68, as in GMAT), or the errors of {@link step}.
   */
  stepFixed(t: number, y: Float64Array, dt: number): FixedStepResult {
    this.#checkState(y);
    if (!Number.isFinite(dt)) throw new RangeError(`Fixed step interval must be finite, got ${dt}`);
    let state = Float64Array.from(y);
    let time = t;
    let left = dt;
    let attempts = 0;
    while (Math.abs(left) > 0) {
      if (attempts > this.settings.maxStepAttempts && !this.#nystrom) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${this.tableau.name}: the fixed interval of ${dt} s from t = ${t} s needed more than ` +
            `${this.settings.maxStepAttempts + 1} sub-steps (${left} s still left); raise ` +
            "MaxStep or MaxStepAttempts, or loosen Accuracy",
        );
      }
      this.h = left;
      const taken = this.#controlledStep(time, state, true);
      state = Float64Array.from(this.#w.cand);
      time += taken;
      const finished = Math.abs(left - taken) <= FIXED_STEP_TOLERANCE;
      left -= taken;
      attempts += 1;
      if (finished) break;
    }
    return { t: t + dt, y: state };
  }

  #checkState(y: Float64Array): void {
    if (y.length !== this.dimension) {
      throw new RangeError(
        `State has ${y.length} components but the integrator was built for ${this.dimension}`,
      );
    }
  }

  /** One accepted step from (t, y); leaves the result in the workspace, returns the step taken. */
  #controlledStep(t: number, y: Float64Array, finalStep: boolean): number {
    const s = this.settings;
    if (Math.abs(this.h) < s.minStep && !finalStep) {
      this.h = this.h < 0 ? -s.minStep : s.minStep;
    }
    if (Math.abs(this.h) > s.maxStep) this.h = this.h < 0 ? -s.maxStep : s.maxStep;
    let attempts = 0;
    for (;;) {
      const h = this.h;
      this.#rawStep(t, y, h);
      const err = errorNorm(s.errorControl, y, this.#w.cand, this.#w.err);
      if (err === 0 && !this.#nystrom) return this.#accept(err, h);
      if (err <= s.accuracy) {
        this.h = SAFETY * h * Math.pow(s.accuracy / err, 1 / this.tableau.order);
        return this.#accept(err, h);
      }
      if (Math.abs(h) === s.minStep) {
        const what = `${this.tableau.name}: accuracy settings will be violated with the current ` +
          `step size values: the estimated error ${err} exceeds Accuracy = ${s.accuracy} at the ` +
          `minimum step ${h} s (t = ${t} s)`;
        if (s.stopIfAccuracyIsViolated) {
          throw new IntegrationError(
            "INTEGRATION_ACCURACY",
            `${what}; loosen Accuracy, lower MinStep, or set StopIfAccuracyIsViolated = false ` +
              "to accept such steps with a warning",
          );
        }
        if (!this.#warned) {
          this.#warned = true;
          this.warnings.push(`${what}; the step was accepted (StopIfAccuracyIsViolated = false)`);
        }
        return this.#accept(err, h);
      }
      this.h = SAFETY * h * Math.pow(s.accuracy / err, 1 / (this.tableau.order - 1));
      if (Math.abs(this.h) < s.minStep) this.h = this.h < 0 ? -s.minStep : s.minStep;
      this.rejectedSteps += 1;
      attempts += 1;
      if (attempts >= s.maxStepAttempts) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${this.tableau.name}: ${attempts} consecutive step attempts were rejected at ` +
            `t = ${t} s (last attempted step ${h} s, estimated error ${err} > ` +
            `Accuracy = ${s.accuracy}); raise MaxStepAttempts, loosen Accuracy or lower MinStep`,
        );
      }
    }
  }

  #accept(err: number, taken: number): number {
    this.lastError = err;
    this.acceptedSteps += 1;
    return taken;
  }

  /** Candidate and error vector (in the workspace) of a step of size h from (t, y). */
  #rawStep(t: number, y: Float64Array, h: number): void {
    const w = this.#w;
    if (this.#nystrom) nystromStep(w, this.#f, t, y, h);
    else rungeKuttaStep(w, this.#f, t, y, h);
    this.evaluations += w.stages;
    const cand = w.cand;
    const n = this.dimension;
    for (let m = 0; m < n; m++) {
      if (!Number.isFinite(cand[m])) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${this.tableau.name}: the derivatives produced a non-finite state in a step of ${h} s ` +
            `from t = ${t} s (component ${m}); check the initial state and force model ` +
            "(e.g. a spacecraft at the centre of the central body)",
        );
      }
    }
  }
}
