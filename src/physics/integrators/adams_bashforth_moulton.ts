/**
 * GMAT's AdamsBashforthMoulton integrator (`AdamsBashforthMoulton.cpp` on
 * `PredictorCorrector.cpp`), reproduced step for step: a 4th-order Adams-Bashforth predictor and
 * Adams-Moulton corrector (PECE without the final evaluation), started and restarted with
 * RungeKutta89.
 *
 * History: derivatives f_{n-3} .. f_n at equally spaced points. One GMAT `Step()`
 * ({@link AdamsBashforthMoulton.step}) is either
 * - a startup step (startup not complete): evaluate f at the current state into the history,
 *   then advance exactly h with an RK89 fixed-interval step (the "starter": Accuracy, MinStep,
 *   MaxStep and StopIfAccuracyIsViolated of this integrator; its own error control); the third
 *   startup step completes the startup; or
 * - a predictor-corrector step: evaluate f_n, shift the history, predict
 *   y_P = y_n + h/24 (55 f_n - 59 f_{n-1} + 37 f_{n-2} - 9 f_{n-3}), evaluate f_P at t + h,
 *   correct y_C = y_n + h/24 (9 f_P + 19 f_n - 5 f_{n-1} + f_{n-2}), error vector
 *   |19/270 (y_C - y_P)| reduced by the ForceModel's ErrorControl norm (`error_norm.ts`).
 *   Error <= Accuracy: y_C is accepted. Error > Accuracy, or 0 < error < LowerError: the step
 *   is resized to h' = h (TargetError / error)^(1/4), kept within [MinStep, MaxStep]; growth is
 *   capped by doubling (h' >= 2h: h doubles); then the method restarts (three new startup
 *   steps). After a rejection the same `Step()` goes on with a startup step of h', so it still
 *   returns one accepted step. Between LowerError and Accuracy, h is kept.
 * - At |h| == MinStep any resize request throws INTEGRATION_ACCURACY (StopIfAccuracyIsViolated;
 *   GMAT does this even for an error below LowerError), or, with StopIfAccuracyIsViolated =
 *   false, warns once and keeps h (a rejected step is then retried with the shifted history, as
 *   in GMAT, until MaxStepAttempts).
 * - Attempts: +1 per predictor-corrector attempt and +1 per rejection; reset after an accepted
 *   predictor-corrector step or a growth; reaching MaxStepAttempts throws INTEGRATION_FAILED.
 *
 * Fixed interval ({@link AdamsBashforthMoulton.stepFixed}, GMAT `Step(dt)`): |dt| < |h| sets
 * h = dt and restarts; |dt| > |h| and not a whole multiple sets h = dt / (floor(|dt/h|) + 1) and
 * restarts; then steps of h until the interval is used up. In this mode a resize only halves h
 * (until |h| <= |h'|, then doubled back up to MinStep) or doubles it when the remaining interval
 * is a whole multiple of 2h. A Propagate's final step after a discarded crossing step: GMAT
 * reverts the state and shifts the history back one slot (`BufferHistory`), keeping h and the
 * startup count; calling `step`/`stepFixed` from the start of the last `step` does the same.
 *
 * Backward propagation: h = direction * |InitialStepSize|; all steps carry that sign. GMAT
 * compares the doubling cap with signed values (`h' >= 2h`), so backward a growth below 2x
 * doubles h and a larger one is taken uncapped; that is reproduced. GMAT clamps a resized step
 * with `MinStep * StepSign` / `MaxStep * StepSign` where StepSign is never set (+1), which would
 * turn a backward run forward; here the clamp keeps the direction (the one deliberate
 * difference). GMAT's starter also raises a sub-MinStep interval to MinStep (failing a final
 * step shorter than MinStep); here such an interval is integrated as is.
 *
 * @module
 */

import {
  AdaptiveIntegrator,
  type FixedStepResult,
  type StepResult,
} from "./adaptive_integrator.ts";
import { type AbmSettings, checkAbmSettings, DEFAULT_ABM_SETTINGS } from "./abm_settings.ts";
import { errorNorm } from "./error_norm.ts";
import { IntegrationError } from "./integration_error.ts";
import type { Derivatives } from "./settings.ts";

/** GMAT's `smallestTime`, seconds. */
const SMALLEST_TIME = 1e-12;
/** Adams-Bashforth weights, oldest derivative first. */
const PREDICTOR = [-9 / 24, 37 / 24, -59 / 24, 55 / 24];
/** Adams-Moulton weights: f_{n-2}, f_{n-1}, f_n, then f_P. */
const CORRECTOR = [1 / 24, -5 / 24, 19 / 24, 9 / 24];
const ERROR_FACTOR = 19 / 270;
const ORDER = 4;

/** The AdamsBashforthMoulton integrator with GMAT's step control. */
export class AdamsBashforthMoulton {
  /** The settings in force (defaults filled in). */
  readonly settings: Readonly<AbmSettings>;
  /** Length of the state vector (a multiple of 3). */
  readonly dimension: number;
  /** The current step size, seconds (signed). */
  h: number;
  /** Derivative evaluations so far (starter stages included). */
  evaluations = 0;
  /** Accepted steps (startup and predictor-corrector, adaptive and fixed-interval). */
  acceptedSteps = 0;
  /** Rejected predictor-corrector attempts. */
  rejectedSteps = 0;
  /** Error of the last predictor-corrector attempt (0 after a startup step). */
  lastError = 0;
  /** Warnings issued, oldest first. */
  readonly warnings: string[] = [];

  readonly #f: Derivatives;
  readonly #starter: AdaptiveIntegrator;
  readonly #hist: Float64Array[];
  #buffer: Float64Array;
  readonly #fval: Float64Array;
  readonly #pred: Float64Array;
  readonly #corr: Float64Array;
  readonly #errv: Float64Array;
  #t = NaN;
  #y: Float64Array;
  #last: { t: number; y: Float64Array } | undefined;
  #startupCount = 0;
  #startupComplete = false;
  #fixed = false;
  #timeleft = 0;
  #attempts = 0;
  #warned = false;

  /**
   * Creates the integrator.
   *
   * @param settings Settings; missing fields take GMAT's AdamsBashforthMoulton defaults.
   * @param derivatives The right-hand side dy/dt.
   * @param dimension State length (a positive multiple of 3).
   * @param direction 1 forward (default), -1 backward.
   * @throws {IntegrationError} `INTEGRATION_SETTINGS` unless LowerError < TargetError < Accuracy.
   * @throws {RangeError} For other invalid settings or dimension.
   */
  constructor(
    settings: Partial<AbmSettings>,
    derivatives: Derivatives,
    dimension: number,
    direction: 1 | -1 = 1,
  ) {
    const full = { ...DEFAULT_ABM_SETTINGS, ...settings };
    checkAbmSettings(full);
    if (!(Number.isInteger(dimension) && dimension > 0 && dimension % 3 === 0)) {
      throw new RangeError(`State dimension must be a positive multiple of 3, got ${dimension}`);
    }
    this.settings = Object.freeze(full);
    this.dimension = dimension;
    this.#f = derivatives;
    this.#starter = new AdaptiveIntegrator(
      {
        type: "RungeKutta89",
        accuracy: full.accuracy,
        minStep: full.minStep,
        maxStep: full.maxStep,
        stopIfAccuracyIsViolated: full.stopIfAccuracyIsViolated,
        errorControl: full.errorControl,
      },
      derivatives,
      dimension,
    );
    const vec = () => new Float64Array(dimension);
    this.#hist = [vec(), vec(), vec(), vec()];
    this.#buffer = vec();
    this.#fval = vec();
    this.#pred = vec();
    this.#corr = vec();
    this.#errv = vec();
    this.#y = vec();
    this.h = 0;
    this.reset(direction);
  }

  /**
   * Restarts as a new Propagate command does: h = direction * |InitialStepSize| (within
   * [MinStep, MaxStep]), startup from scratch, the one-time warning re-armed.
   */
  reset(direction: 1 | -1 = 1): void {
    const s = this.settings;
    const size = Math.min(Math.max(Math.abs(s.initialStepSize), s.minStep), s.maxStep);
    this.h = direction * size;
    this.#restart();
    this.#t = NaN;
    this.#last = undefined;
    this.#warned = false;
  }

  /**
   * Takes one accepted step from (t, y) (GMAT `PredictorCorrector::Step()`).
   *
   * @returns The new time and state and the step taken; `h` then holds the next step size.
   * @throws {IntegrationError} `INTEGRATION_ACCURACY` or `INTEGRATION_FAILED`.
   */
  step(t: number, y: Float64Array): StepResult {
    this.#sync(t, y);
    this.#last = { t, y: Float64Array.from(y) };
    const taken = this.#gmatStep();
    return { t: this.#t, y: Float64Array.from(this.#y), taken };
  }

  /**
   * Integrates exactly `dt` seconds from (t, y) (GMAT `PredictorCorrector::Step(dt)`).
   *
   * @returns The state at t + dt; the returned time is exactly t + dt.
   */
  stepFixed(t: number, y: Float64Array, dt: number): FixedStepResult {
    if (!Number.isFinite(dt)) throw new RangeError(`Fixed step interval must be finite, got ${dt}`);
    this.#sync(t, y);
    this.#last = undefined;
    if (dt === 0) return { t, y: Float64Array.from(y) };
    if (Math.sign(this.h) !== Math.sign(dt)) {
      this.h = -this.h;
      this.#restart();
    }
    this.#timeleft = dt;
    if (Math.abs(dt) < Math.abs(this.h)) {
      this.h = dt;
      this.#restart();
    } else if (Math.abs(dt) > Math.abs(this.h)) {
      const ss = Math.abs(dt / this.h);
      if (ss - Math.trunc(ss) > SMALLEST_TIME) {
        this.h = dt / (Math.trunc(ss) + 1);
        this.#restart();
      }
    }
    this.#fixed = true;
    const sign = this.h > 0 ? 1 : -1;
    try {
      do this.#gmatStep(); while (this.#timeleft * sign > SMALLEST_TIME);
    } finally {
      this.#fixed = false;
    }
    this.#t = t + dt;
    return { t: this.#t, y: Float64Array.from(this.#y) };
  }

  /** Adopts (t, y): continue, revert the last discarded step (GMAT BufferHistory), or restart. */
  #sync(t: number, y: Float64Array): void {
    if (y.length !== this.dimension) {
      throw new RangeError(
        `State has ${y.length} components but the integrator was built for ${this.dimension}`,
      );
    }
    if (t === this.#t && same(y, this.#y)) return;
    const last = this.#last;
    if (last !== undefined && t === last.t && same(y, last.y)) {
      const h = this.#hist;
      const freed = h[3];
      h[3] = h[2];
      h[2] = h[1];
      h[1] = h[0];
      h[0] = this.#buffer;
      this.#buffer = freed;
    } else {
      this.#restart();
    }
    this.#t = t;
    this.#y.set(y);
  }

  #restart(): void {
    this.#startupCount = 0;
    this.#startupComplete = false;
  }

  /** GMAT's `PredictorCorrector::Step()`; returns the step taken. */
  #gmatStep(): number {
    const s = this.settings;
    let wasStartup = false;
    let taken = 0;
    let maxError: number;
    do {
      if (!this.#startupComplete) {
        wasStartup = true;
        this.#eval(this.#t, this.#y);
        this.#hist[this.#startupCount + 1].set(this.#fval);
        if (this.#startupCount === 0) this.#hist[0].set(this.#fval);
        taken = this.#startupStep();
        maxError = 0;
      } else {
        this.#attempts += 1;
        maxError = this.#predictCorrect();
        if (maxError <= s.accuracy) {
          taken = this.h;
          this.#advance(this.#corr, taken);
        } else {
          this.rejectedSteps += 1;
        }
        if ((maxError > s.accuracy || maxError < s.lowerError) && maxError !== 0) {
          this.#adapt(maxError);
        }
      }
      if (this.#attempts >= s.maxStepAttempts) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${s.type}: ${this.#attempts} step attempts at t = ${this.#t} s without a good step ` +
            `(last error ${maxError} > Accuracy = ${s.accuracy}, step ${this.h} s); raise ` +
            "MaxStepAttempts, loosen Accuracy or lower MinStep",
        );
      }
    } while (maxError > s.accuracy);
    if (this.#startupComplete && !wasStartup) this.#attempts = 0;
    return taken;
  }

  /** One RK89 fixed-interval startup step of h. */
  #startupStep(): number {
    const st = this.#starter;
    const before = st.evaluations;
    const warnings = st.warnings.length;
    const r = st.stepFixed(this.#t, this.#y, this.h);
    this.evaluations += st.evaluations - before;
    this.warnings.push(...st.warnings.slice(warnings));
    this.#startupCount += 1;
    if (this.#startupCount === 3) this.#startupComplete = true;
    this.lastError = 0;
    this.#advance(r.y, this.h);
    return this.h;
  }

  #advance(y: Float64Array, taken: number): void {
    this.#y.set(y);
    this.#t += taken;
    this.#timeleft -= taken;
    this.acceptedSteps += 1;
  }

  #eval(t: number, y: Float64Array): void {
    this.#f(t, y, this.#fval);
    this.evaluations += 1;
  }

  /** Predict, correct and estimate the error of a step of h from the current state. */
  #predictCorrect(): number {
    const n = this.dimension;
    const h = this.h;
    const y = this.#y;
    const hist = this.#hist;
    this.#eval(this.#t, y);
    const spare = this.#buffer;
    this.#buffer = hist[0];
    hist[0] = hist[1];
    hist[1] = hist[2];
    hist[2] = hist[3];
    hist[3] = spare;
    spare.set(this.#fval);
    const pred = this.#pred;
    for (let j = 0; j < n; j++) {
      let p = y[j];
      for (let i = 0; i < 4; i++) p += h * PREDICTOR[i] * hist[i][j];
      pred[j] = p;
    }
    this.#eval(this.#t + h, pred);
    const f = this.#fval;
    const corr = this.#corr;
    const errv = this.#errv;
    for (let j = 0; j < n; j++) {
      let c = y[j] + h * CORRECTOR[3] * f[j];
      for (let i = 1; i < 4; i++) c += h * CORRECTOR[i - 1] * hist[i][j];
      if (!Number.isFinite(c)) {
        throw new IntegrationError(
          "INTEGRATION_FAILED",
          `${this.settings.type}: the derivatives produced a non-finite state in a step of ` +
            `${h} s from t = ${this.#t} s (component ${j}); check the initial state and ` +
            "force model",
        );
      }
      corr[j] = c;
      errv[j] = Math.abs(ERROR_FACTOR * (c - pred[j]));
    }
    this.lastError = errorNorm(this.settings.errorControl, y, corr, errv);
    return this.lastError;
  }

  /** GMAT's `PredictorCorrector::AdaptStep`; restarts the method when h changes. */
  #adapt(maxError: number): void {
    const s = this.settings;
    const h = this.h;
    const dir = h < 0 ? -1 : 1;
    let next = h * Math.pow(s.targetError / maxError, 1 / ORDER);
    if (Math.abs(h) === s.minStep || (!this.#fixed && maxError > s.accuracy && nearMin(h, s))) {
      const what = `${s.type}: Accuracy settings will be violated with current step size values ` +
        `(error ${maxError} outside [LowerError = ${s.lowerError}, Accuracy = ${s.accuracy}] at ` +
        `the minimum step ${h} s, t = ${this.#t} s)`;
      if (s.stopIfAccuracyIsViolated) {
        throw new IntegrationError(
          "INTEGRATION_ACCURACY",
          `${what}; loosen Accuracy, lower MinStep, or set StopIfAccuracyIsViolated = false`,
        );
      }
      if (!this.#warned) {
        this.#warned = true;
        this.warnings.push(`${what}; the step size was kept (StopIfAccuracyIsViolated = false)`);
      }
      return;
    }
    if (Math.abs(next) < s.minStep) next = s.minStep * dir;
    if (Math.abs(next) > s.maxStep) next = s.maxStep * dir;
    if (!this.#fixed) {
      if (maxError > s.accuracy) {
        this.h = next;
        this.#attempts += 1;
      } else {
        this.h = next >= 2 * h ? 2 * h : next;
        this.#attempts = 0;
      }
    } else if (Math.abs(next) < Math.abs(h)) {
      let two = h;
      do two /= 2; while (Math.abs(two) > Math.abs(next));
      this.h = two;
      while (Math.abs(this.h) < s.minStep) this.h *= 2;
    } else if (Math.abs(next) >= Math.abs(2 * h)) {
      const toGo = this.#timeleft / (2 * h);
      if (toGo !== Math.trunc(toGo)) return;
      this.h = 2 * h;
    } else {
      return;
    }
    this.#restart();
  }
}

/** GMAT's second MinStep test (`GmatMathUtil::IsEqual`, absolute tolerance 1e-15 s). */
function nearMin(h: number, s: AbmSettings): boolean {
  return Math.abs(Math.abs(h) - s.minStep) < 1e-15;
}

function same(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
