/**
 * The adaptive embedded Runge-Kutta driver GMAT's RungeKutta89 / PrinceDormand78 /
 * PrinceDormand45 share (`RungeKutta::Step`, `RawStep`, `EstimateError`, `AdaptStep`,
 * `Step(Real dt)`), reproduced step for step.
 *
 * One adaptive step ({@link AdaptiveIntegrator.step}):
 * 1. At the top: |h| < MinStep is raised to MinStep; |h| > MaxStep is cut to MaxStep.
 * 2. Raw step with k_j = h f_j; candidate = y + sum b_i k_i (the higher-order solution: local
 *    extrapolation); error vector = sum e_i k_i; scalar error by `error_norm.ts`.
 * 3. Error exactly 0 (e.g. ErrorControl None): accept, h unchanged.
 *    Error <= Accuracy: accept, next h = 0.9 h (Accuracy/err)^(1/p).
 *    Error > Accuracy: if |h| == MinStep, throw INTEGRATION_ACCURACY (StopIfAccuracyIsViolated)
 *    or accept the step with a one-time warning; otherwise h = 0.9 h (Accuracy/err)^(1/(p-1)),
 *    raised to MinStep if smaller, and the step is retried from the same state. MaxStepAttempts
 *    consecutive rejections throw INTEGRATION_FAILED.
 * p is the tableau's step-control order (9, 8, 5). No first-step estimation: the first attempt is
 * InitialStepSize. There is no growth limit other than MaxStep.
 *
 * A fixed interval ({@link AdaptiveIntegrator.stepFixed}, GMAT's final and search steps): every
 * sub-step first tries the whole remaining interval (MaxStep still applies, the MinStep raise at
 * the top does not), subtracts what was taken, and stops when the remainder is within 1e-12 s.
 * As in GMAT the sub-step counter is checked before each sub-step, so at most MaxStepAttempts + 1
 * sub-steps fit; needing more throws INTEGRATION_FAILED. Afterwards `h` holds the suggestion of
 * the last accepted sub-step, as GMAT's integrator does.
 *
 * Backward propagation: give `reset(-1)` (or a negative `h`) and a negative `dt`; all clamps use
 * |h| and keep the sign.
 *
 * @module
 */

import type { ButcherTableau } from "./tableau.ts";
import {
  DEFAULT_INTEGRATOR_SETTINGS,
  type Derivatives,
  type IntegratorSettings,
  tableauFor,
} from "./settings.ts";
import { errorNorm } from "./error_norm.ts";
import { IntegrationError } from "./integration_error.ts";

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

function validate(s: IntegratorSettings): void {
  const positive = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`Integrator setting ${name} must be a positive number, got ${v}`);
    }
  };
  positive("InitialStepSize", s.initialStepSize);
  positive("Accuracy", s.accuracy);
  positive("MinStep", s.minStep);
  positive("MaxStep", s.maxStep);
  if (s.maxStep < s.minStep) {
    throw new RangeError(
      `Integrator setting MaxStep (${s.maxStep}) must not be below MinStep (${s.minStep})`,
    );
  }
  if (!(Number.isInteger(s.maxStepAttempts) && s.maxStepAttempts >= 1)) {
    throw new RangeError(
      `Integrator setting MaxStepAttempts must be an integer >= 1, got ${s.maxStepAttempts}`,
    );
  }
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
  readonly #c: Float64Array;
  readonly #a: Float64Array[];
  readonly #b: Float64Array;
  readonly #e: Float64Array;
  readonly #k: Float64Array[];
  readonly #stage: Float64Array;
  readonly #fval: Float64Array;
  readonly #cand: Float64Array;
  readonly #err: Float64Array;
  #warned = false;

  /**
   * Creates an integrator for a state of `dimension` components.
   *
   * @param settings Integrator settings; missing fields take GMAT's defaults.
   * @param derivatives The right-hand side dy/dt.
   * @param dimension State length (a positive multiple of 3).
   * @throws {RangeError} For invalid settings or dimension.
   */
  constructor(settings: Partial<IntegratorSettings>, derivatives: Derivatives, dimension: number) {
    const full = { ...DEFAULT_INTEGRATOR_SETTINGS, ...settings };
    validate(full);
    if (!(Number.isInteger(dimension) && dimension > 0 && dimension % 3 === 0)) {
      throw new RangeError(`State dimension must be a positive multiple of 3, got ${dimension}`);
    }
    this.settings = Object.freeze(full);
    this.tableau = tableauFor(full.type);
    this.dimension = dimension;
    this.h = full.initialStepSize;
    this.#f = derivatives;
    this.#c = Float64Array.from(this.tableau.c);
    this.#a = this.tableau.a.map((row) => Float64Array.from(row));
    this.#b = Float64Array.from(this.tableau.b);
    this.#e = Float64Array.from(this.tableau.e);
    this.#k = Array.from({ length: this.tableau.stages }, () => new Float64Array(dimension));
    this.#stage = new Float64Array(dimension);
    this.#fval = new Float64Array(dimension);
    this.#cand = new Float64Array(dimension);
    this.#err = new Float64Array(dimension);
  }

  /**
   * Restarts step control as a new Propagate command does: h = InitialStepSize (times the
   * direction) and the one-time accuracy warning re-armed.
   *
   * @param direction 1 for forward propagation, -1 for backward.
   */
  reset(direction: 1 | -1 = 1): void {
    this.h = direction * this.settings.initialStepSize;
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
    return { t: t + taken, y: Float64Array.from(this.#cand), taken };
  }

  /**
   * Integrates exactly `dt` seconds from (t, y) with GMAT's fixed-interval stepping.
   *
   * @param t Elapsed time at the start, seconds.
   * @param y State at the start (not modified).
   * @param dt Interval, seconds (may be negative for backward propagation; 0 returns a copy).
   * @returns The state at t + dt; the returned time is exactly t + dt.
   * @throws {IntegrationError} `INTEGRATION_FAILED` when more than MaxStepAttempts + 1 sub-steps
   *   are needed, or the errors of {@link step}.
   */
  stepFixed(t: number, y: Float64Array, dt: number): FixedStepResult {
    this.#checkState(y);
    if (!Number.isFinite(dt)) throw new RangeError(`Fixed step interval must be finite, got ${dt}`);
    let state = Float64Array.from(y);
    let time = t;
    let left = dt;
    let attempts = 0;
    while (Math.abs(left) > 0) {
      if (attempts > this.settings.maxStepAttempts) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${this.tableau.name}: the fixed interval of ${dt} s from t = ${t} s needed more than ` +
            `${this.settings.maxStepAttempts + 1} sub-steps (${left} s still left); raise ` +
            "MaxStep or MaxStepAttempts, or loosen Accuracy",
        );
      }
      this.h = left;
      const taken = this.#controlledStep(time, state, true);
      state = Float64Array.from(this.#cand);
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

  /** One accepted step from (t, y); leaves the result in #cand and returns the step taken. */
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
      const err = errorNorm(s.errorControl, y, this.#cand, this.#err);
      if (err === 0) return this.#accept(err, h);
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
          `${this.tableau.name}: ${attempts} consecutive step attempts were rejected at t = ${t} s ` +
            `(last attempted step ${h} s, estimated error ${err} > Accuracy = ${s.accuracy}); ` +
            "raise MaxStepAttempts, loosen Accuracy or lower MinStep",
        );
      }
    }
  }

  #accept(err: number, taken: number): number {
    this.lastError = err;
    this.acceptedSteps += 1;
    return taken;
  }

  /** Stages, candidate (#cand) and error vector (#err) of a step of size h from (t, y). */
  #rawStep(t: number, y: Float64Array, h: number): void {
    const stages = this.tableau.stages;
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const e = this.#e;
    const n = this.dimension;
    const k = this.#k;
    const stage = this.#stage;
    const f = this.#fval;
    for (let i = 0; i < stages; i++) {
      stage.set(y);
      const row = a[i];
      for (let j = 0; j < i; j++) {
        const aij = row[j];
        if (aij === 0) continue;
        const kj = k[j];
        for (let m = 0; m < n; m++) stage[m] += aij * kj[m];
      }
      this.#f(t + h * c[i], stage, f);
      this.evaluations += 1;
      const ki = k[i];
      for (let m = 0; m < n; m++) ki[m] = h * f[m];
    }
    const cand = this.#cand;
    const err = this.#err;
    cand.set(y);
    err.fill(0);
    for (let i = 0; i < stages; i++) {
      const bi = b[i];
      const ei = e[i];
      const ki = k[i];
      if (bi !== 0) { for (let m = 0; m < n; m++) cand[m] += bi * ki[m]; }
      if (ei !== 0) { for (let m = 0; m < n; m++) err[m] += ei * ki[m]; }
    }
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
