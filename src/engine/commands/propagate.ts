/**
 * The Propagate command: integrate spacecraft with one propagator until a stop condition is met,
 * publishing every accepted step, as GMAT R2026a does.
 *
 * Loop: take one adaptive step; if no stop condition fired, publish and go on. If one fired, the
 * crossing step is discarded and the final step is computed from the last accepted state:
 * - time conditions (ElapsedSecs, ElapsedDays, ModJulian epochs): the remaining time, rounded to
 *   1 microsecond, integrated with the fixed-interval stepper;
 * - event conditions (Periapsis, Apoapsis, any parameter reaching a value): quarter steps of the
 *   crossing step fill a five-point buffer, a not-a-knot cubic spline of time against value gives
 *   the first estimate, then secant (bisection as a fallback) iterations, each re-integrated from
 *   the last accepted state, until the value is within 1e-7 of the goal.
 * With several conditions the earliest wins. The final state is published. Without stop
 * conditions one step is taken. A condition met again on the first step is not a stop when it
 * ended the previous Propagate (GMAT's first-step check); inside a Target's passes (GMAT's
 * SOLVING run state, where no value is taken at the start epoch) a crossing within the first
 * step is not tested at all, except for time conditions.
 *
 * About a central body other than the Earth (`FM.CentralBody = Luna`) the integrated state is
 * relative to that body, as GMAT's `ODEModel` moves it to the force origin: the spacecraft's
 * EarthMJ2000Eq state minus the body's DE405 state at the start epoch, and back (plus the body's
 * state at each step's epoch) whenever the spacecraft or a stop condition reads it.
 *
 * @module
 */

import {
  type AnyIntegratorSettings,
  buildForceModel,
  createIntegrator,
  type Derivatives,
  FiniteThrust,
  type ForceModelSpec,
  massStateDerivatives,
  type MassStateLayout,
  massStateLayout,
  notAKnotSpline,
  packMassState,
  type PropagationIntegrator,
  tanksFromState,
} from "../../physics/mod.ts";
import type { CommandStatement, SourcePos } from "../../script/ast.ts";
import { exprText } from "../../script/expression.ts";
import type { Diagnostics } from "../diagnostics.ts";
import { compileExpression, type NameBinder } from "../expression.ts";
import type { Model } from "../model.ts";
import { bindParameter, type BoundParameter, type ParameterScope } from "../parameters.ts";
import { PropagatorResource } from "../resources/propagator.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import { type Runtime, totalMass } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";

const STOP_TOLERANCE = 1e-7;
const TIME_TOLERANCE = 1e-6;

interface StopSpec {
  readonly param: BoundParameter;
  readonly text: string;
  readonly goal: () => number;
  readonly pos: SourcePos;
}

function round1us(seconds: number): number {
  return Math.floor(seconds / 1e-6 + 0.5) * 1e-6;
}

/** Bind `Propagate [mode] Prop(Sat, ...) {cond, ...}` (parsed by the script front end). */
export function compilePropagate(
  cmd: CommandStatement,
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
  names: NameBinder,
): Command {
  const detail = cmd.detail;
  if (detail?.kind !== "propagate") {
    return diag.fail(
      "SCRIPT_SYNTAX",
      cmd.argsPos,
      "expected Propagator(Spacecraft) after Propagate",
      {
        construct: "Propagate",
        hint: "write e.g. 'Propagate Prop(Sat) {Sat.ElapsedSecs = 60}'",
      },
    );
  }
  // `Propagate BackProp ...` (or `-Prop(Sat)`) integrates backwards in time.
  const direction: 1 | -1 = detail.backProp || detail.groups.some((g) => g.backward) ? -1 : 1;
  if (detail.groups.length > 1) {
    diag.unsupported(detail.groups[1].pos, "several propagators in one Propagate", {
      construct: "Propagate",
      hint: "use one propagator per Propagate command",
    });
  }
  const group = detail.groups[0];
  if (group.components.length > 0) {
    diag.unsupported(group.pos, `propagating '${group.components.join("', '")}' with the state`, {
      construct: `Propagate '${group.components[0]}'`,
      hint: "remove the quoted extras (STM, covariance), or run the script with real GMAT",
    });
  }
  let stopTolerance = STOP_TOLERANCE;
  for (const opt of detail.options) {
    if (opt.name === "StopTolerance") {
      const v = opt.value.kind === "expr" && opt.value.expr.kind === "number"
        ? opt.value.expr.value
        : NaN;
      if (!(v > 0)) {
        diag.fail("SCRIPT_BAD_VALUE", opt.pos, `StopTolerance must be a positive number`, {
          construct: "Propagate StopTolerance",
          hint: "write e.g. {Sat.Periapsis, StopTolerance = 1e-5}",
        });
      }
      stopTolerance = v;
      continue;
    }
    if (opt.name !== "OrbitColor") {
      diag.fail("SCRIPT_BAD_VALUE", opt.pos, `Propagate has no option '${opt.name}'`, {
        construct: "Propagate",
        hint: "Propagate options are StopTolerance and OrbitColor",
      });
    }
    diag.warn(opt.pos, "Propagate OrbitColor only colours GUI plots; ignored");
  }

  const propName = group.propagator;
  const groupPos = group.pos;
  const satNames = group.spacecraft.map((s) => s.name);
  const prop = model.get(propName, PropagatorResource);
  if (!prop) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", groupPos, `'${propName}' is not a Propagator`, {
      construct: "Propagate",
      hint: "create it with 'Create Propagator'",
    });
  }
  const sats = group.spacecraft.map(({ name: n, pos }) => {
    const sc = model.get(n, SpacecraftResource);
    if (!sc) {
      const other = model.resources.get(n);
      if (other?.typeName === "Formation") {
        diag.unsupported(pos, `propagating the Formation ${n}`, {
          construct: "Formation",
          hint: "propagate the member spacecraft together: Prop(Sat1, Sat2)",
        });
      }
      diag.fail("SCRIPT_UNKNOWN_RESOURCE", pos, `'${n}' is not a Spacecraft`, {
        construct: "Propagate",
        hint: "propagate spacecraft created with 'Create Spacecraft'",
      });
    }
    return sc;
  });
  const fm = model.forceModelOf(prop).resolve();
  const settings = prop.settings(fm.errorControl);

  const stops: StopSpec[] = [];
  for (const c of detail.stops) {
    const { param: lhs, pos } = c;
    const param = bindParameter(lhs, pos, scope, diag);
    if (param.isString) {
      diag.unsupported(pos, `stop condition on ${lhs}`, {
        construct: "Propagate stop condition",
        hint: "stop on a ModJulian epoch or ElapsedSecs instead of a Gregorian string",
      });
    }
    if (!param.spacecraft || !sats.includes(param.spacecraft)) {
      diag.fail(
        "SCRIPT_MISSION",
        pos,
        `stop condition '${lhs}' is not on a propagated spacecraft`,
        {
          construct: "Propagate stop condition",
          hint: `stop on a parameter of ${satNames.join(" or ")}`,
        },
      );
    }
    const isApsis = param.stop.kind === "periapsis" || param.stop.kind === "apoapsis";
    let goal: () => number;
    let text = lhs;
    if (c.goal === undefined) {
      if (!isApsis) {
        diag.fail("SCRIPT_SYNTAX", pos, `stop condition '${lhs}' needs a value`, {
          construct: "Propagate stop condition",
          hint: `write {${lhs} = <value>}`,
        });
      }
      goal = () => 0;
    } else {
      if (isApsis) {
        diag.fail("SCRIPT_SYNTAX", pos, `'${lhs}' takes no value`, {
          construct: "Propagate stop condition",
          hint: `write {${lhs}}`,
        });
      }
      text = `${lhs} = ${exprText(c.goal)}`;
      goal = compileExpression(c.goal, (name, p) => {
        const b = names(name, p);
        if (
          b.kind !== "number" ||
          name.includes(".") && model.get(name.split(".")[0], SpacecraftResource)
        ) {
          diag.unsupported(p, `stop goal '${name}' read from a spacecraft or not a number`, {
            construct: "Propagate stop condition",
            hint: "use a number, a Variable or an array element as the goal",
          });
        }
        return b;
      }, diag);
    }
    stops.push({ param, text, goal, pos });
  }
  return new PropagateCommand(
    cmd.pos,
    prop.name,
    sats,
    settings,
    stops,
    fm,
    stopTolerance,
    direction,
  );
}

interface Point {
  t: number;
  y: Float64Array;
}

class PropagateCommand implements Command {
  readonly name = "Propagate";

  constructor(
    readonly pos: SourcePos,
    readonly propName: string,
    readonly sats: readonly SpacecraftResource[],
    readonly settings: AnyIntegratorSettings,
    readonly stops: readonly StopSpec[],
    readonly forces: ForceModelSpec,
    /** GMAT's `StopTolerance` for event stops (default 1e-7). */
    readonly stopTolerance = STOP_TOLERANCE,
    /** 1 forward, -1 backward (`BackProp`). */
    readonly direction: 1 | -1 = 1,
  ) {}

  #fail(message: string, cause?: unknown): never {
    throw new MissionRunError("Propagate", this.pos, message, { cause });
  }

  async run(rt: Runtime): Promise<void> {
    const n = this.sats.length;
    const states = this.sats.map((sc) => rt.of(sc));
    for (const s of states) s.propagated = true;
    const baseA1 = states[0].epochA1;
    for (const s of states) {
      if (Math.abs(s.epochA1 - baseA1) * 86400 > 1e-3) {
        this.#fail(
          `spacecraft epochs differ (${this.sats.map((sc) => sc.name).join(", ")}); ` +
            "propagate them separately or give them the same epoch",
        );
      }
    }
    // The integrated state is relative to the force model's central body.
    const central = this.forces.centralBody ?? "Earth";
    const bodies = central === "Earth" ? undefined : await rt.bodyStates();
    const centralState = new Float64Array(6);
    const shift = (y: Float64Array, epochA1: number, sign: 1 | -1): void => {
      if (!bodies) return;
      bodies.state(central, epochA1, centralState);
      for (let i = 0; i < 6 * n; i += 6) {
        for (let k = 0; k < 6; k++) y[i + k] += sign * centralState[k];
      }
    };
    let derivs: Derivatives;
    try {
      derivs = await buildForceModel(
        this.forces,
        rt.physics,
        baseA1,
        this.sats.map((sc, i) => sc.physics(totalMass(sc, states[i]))),
      );
    } catch (e) {
      this.#fail(`${this.propName}: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    // Finite burns: one spacecraft, its tanks' fuel carried in the state after the orbit.
    const firing = states.some((s) => s.burns.size > 0);
    let layout: MassStateLayout | undefined;
    if (firing) {
      if (n > 1) {
        this.#fail(
          "a finite burn is firing, and GMAT propagates a burning spacecraft on its own; " +
            "propagate it in a Propagate command of its own",
        );
      }
      const [sc, s] = [this.sats[0], states[0]];
      layout = massStateLayout(s.tanks.length);
      try {
        const thrust = new FiniteThrust(
          { name: sc.name, dryMass: sc.dryMass, tanks: s.tanks, thrusters: s.thrusters },
          [...s.burns].map((b) => ({ name: b.name, thrusters: b.thrusters })),
          { centralBody: central },
        );
        derivs = massStateDerivatives(derivs, [thrust], layout);
      } catch (e) {
        this.#fail(e instanceof Error ? e.message : String(e), e);
      }
    }
    const dimension = layout?.dimension ?? 6 * n;
    let integrator: PropagationIntegrator;
    try {
      integrator = createIntegrator(this.settings, derivs, dimension, this.direction);
    } catch (e) {
      this.#fail(`${this.propName}: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    const y0 = layout
      ? packMassState(states[0].state, states[0].tanks.map((t) => t.fuelMass), layout)
      : new Float64Array(6 * n);
    if (!layout) states.forEach((s, i) => y0.set(s.state, 6 * i));
    shift(y0, baseA1, -1);

    const epochAt = (t: number) => baseA1 + t / 86400;
    const apply = (p: Point) => {
      const epoch = epochAt(p.t);
      const earth = p.y.slice(0, 6 * n);
      shift(earth, epoch, 1);
      states.forEach((s, i) => {
        s.state = earth.slice(6 * i, 6 * i + 6);
        s.epochA1 = epoch;
        if (layout) s.tanks = tanksFromState(s.tanks, p.y, layout);
      });
    };
    // Per-condition values at a point. Cyclic time conditions measure from the command start.
    const startA1 = baseA1;
    const valueAt = (stop: StopSpec, p: Point): number => {
      const i = this.sats.indexOf(stop.param.spacecraft!);
      let state = p.y.subarray(6 * i, 6 * i + 6);
      if (bodies) {
        state = Float64Array.from(state);
        bodies.state(central, epochAt(p.t), centralState);
        for (let k = 0; k < 6; k++) state[k] += centralState[k];
      }
      const snap = {
        state,
        bodies: rt.bodies,
        epochA1: epochAt(p.t),
        elapsedFromA1: stop.param.stop.kind === "time" && stop.param.stop.cyclic
          ? startA1
          : states[i].missionStartA1,
        mu: rt.mu,
        earthFixed: rt.earthFixed,
        tanks: layout ? tanksFromState(states[i].tanks, p.y, layout) : states[i].tanks,
        totalMass: layout
          ? this.sats[i].dryMass + fuelAt(p.y, layout)
          : totalMass(this.sats[i], states[i]),
      };
      return stop.param.evaluate(snap) as number;
    };

    let cur: Point = { t: 0, y: y0 };
    apply(cur);
    rt.publish(this.sats, epochAt(0));

    const goals = this.stops.map((s) => {
      try {
        return s.goal();
      } catch (e) {
        this.#fail(`cannot evaluate the goal of '${s.text}'`, e);
      }
    });
    const conds = this.stops.map((stop, k) => {
      const startValue = valueAt(stop, cur);
      const kind = stop.param.stop;
      const goal = kind.kind === "time" && kind.cyclic ? startValue + goals[k] : goals[k];
      const key = `${stop.param.name}=${goals[k]}`;
      const last = states[this.sats.indexOf(stop.param.spacecraft!)].lastStop;
      const tol = kind.kind === "time"
        ? TIME_TOLERANCE / kind.secondsPerUnit
        : 10 * Math.max(last?.miss ?? 0, this.stopTolerance);
      const suppressFirst = last?.key === key &&
        Math.abs(wrapFor(kind, goal, startValue) - goal) <= tol;
      return { stop, goal, key, prev: startValue, suppressFirst };
    });

    const dir = this.direction;
    for (const c of conds) {
      const kind = c.stop.param.stop;
      if (kind.kind !== "time") continue;
      const ahead = (c.goal - c.prev) * kind.secondsPerUnit * dir;
      if (ahead < -TIME_TOLERANCE) {
        // A propagation never reaches an epoch on the other side: refuse instead of running on.
        this.#fail(
          `stop condition '${c.stop.text}' lies ${Number(Math.abs(ahead).toPrecision(6))} s ` +
            `${dir > 0 ? "behind" : "ahead of"} the current epoch, and this Propagate runs ` +
            (dir > 0
              ? "forward; write 'Propagate BackProp ...' to propagate backwards"
              : "backwards; drop BackProp to propagate forward") +
            ", or give a goal on the propagation's side",
        );
      }
    }
    if (conds.length > 0 && conds.every((c) => c.stop.param.stop.kind === "time")) {
      // A time condition already met at the start ends the command at once.
      for (const c of conds) {
        const kind = c.stop.param.stop as { secondsPerUnit: number };
        if (Math.abs(c.goal - c.prev) * kind.secondsPerUnit <= TIME_TOLERANCE) {
          rt.counters.forceEvaluations += integrator.evaluations;
          this.#finish(states, c.key, 0);
          return;
        }
      }
    }

    const take = (fn: () => { t: number; y: Float64Array }): Point => {
      try {
        const r = fn();
        return { t: r.t, y: r.y };
      } catch (e) {
        this.#fail(e instanceof Error ? e.message : String(e), e);
      }
    };

    for (let step = 0;; step++) {
      if (step >= rt.limits.maxSteps) {
        this.#fail(
          `no stop condition was met in ${rt.limits.maxSteps} integration steps ` +
            `(${(cur.t / 86400).toFixed(1)} days propagated): ` +
            `${this.stops.map((c) => `{${c.text}}`).join(", ")} may never be reached; ` +
            "check the stop conditions (the limit is the engine's maxSteps option)",
        );
      }
      if (step % 1000 === 0) rt.checkAborted();
      const next = take(() => integrator.step(cur.t, cur.y));
      rt.counters.steps++;
      if (conds.length === 0) {
        cur = next;
        apply(cur);
        rt.publish(this.sats, epochAt(cur.t));
        break;
      }
      let best: { dt: number; key: string; miss: number } | undefined;
      for (const c of conds) {
        const kind = c.stop.param.stop;
        const value = valueAt(c.stop, next);
        // In a solver pass GMAT (run state SOLVING) has no value at the start epoch: the first
        // step only records one, so a crossing within it is not tested.
        const unseen = step === 0 && rt.solverPasses > 0 && kind.kind !== "time";
        const fired = !(step === 0 && c.suppressFirst) && !unseen &&
          crossed(kind, c.goal, c.prev, value, dir);
        c.prev = value;
        if (!fired) continue;
        const found = this.#locate(integrator, c, cur, next, valueAt, take);
        if (!best || found.dt * dir < best.dt * dir) best = { ...found, key: c.key };
      }
      if (!best) {
        cur = next;
        apply(cur);
        rt.publish(this.sats, epochAt(cur.t));
        continue;
      }
      const final = best.dt === 0 ? cur : take(() => integrator.stepFixed(cur.t, cur.y, best!.dt));
      apply(final);
      rt.publish(this.sats, epochAt(final.t));
      this.#finish(states, best.key, best.miss);
      break;
    }
    rt.counters.forceEvaluations += integrator.evaluations;
  }

  /** Remember which condition ended this command, for GMAT's first-step suppression. */
  #finish(states: { lastStop?: { key: string; miss: number } }[], key: string, miss: number): void {
    for (const s of states) s.lastStop = { key, miss };
  }

  /** Length of the final step from `from` for condition `c`, which fired between from and to. */
  #locate(
    integrator: PropagationIntegrator,
    c: { stop: StopSpec; goal: number },
    from: Point,
    to: Point,
    valueAt: (stop: StopSpec, p: Point) => number,
    take: (fn: () => { t: number; y: Float64Array }) => Point,
  ): { dt: number; miss: number } {
    const kind = c.stop.param.stop;
    const interval = to.t - from.t;
    const startValue = valueAt(c.stop, from);
    if (kind.kind === "time") {
      const dt = round1us((c.goal - startValue) * kind.secondsPerUnit);
      return { dt: dt * this.direction > 0 ? dt : 0, miss: 0 };
    }
    const goal = c.goal;
    const val = (p: Point) => wrapFor(kind, goal, valueAt(c.stop, p));
    const trial = (dt: number): number => {
      if (dt * this.direction <= 0) return wrapFor(kind, goal, startValue);
      return val(take(() => integrator.stepFixed(from.t, from.y, dt)));
    };

    // 1. Five-point buffer of quarter steps, spline of time against value.
    const ring: { dt: number; v: number }[] = [{ dt: 0, v: wrapFor(kind, goal, startValue) }];
    let p = from;
    let estimate: number | undefined;
    for (let k = 1; k <= 8; k++) {
      p = take(() => integrator.stepFixed(p.t, p.y, interval / 4));
      ring.push({ dt: p.t - from.t, v: val(p) });
      if (ring.length > 5) ring.shift();
      if (ring.length === 5) {
        const vs = ring.map((r) => r.v);
        if (goal >= Math.min(...vs) && goal <= Math.max(...vs) && strictlyMonotonic(vs)) {
          estimate = notAKnotSpline(vs, ring.map((r) => r.dt))(goal);
          break;
        }
      }
    }
    let x0 = 0, y0 = wrapFor(kind, goal, startValue);
    const dir = this.direction;
    let x1 = estimate !== undefined && Number.isFinite(estimate) && estimate * dir > 0
      ? round1us(estimate)
      : round1us(interval);
    let y1 = trial(x1);
    const tol = this.stopTolerance;
    if (Math.abs(goal - y1) <= tol) return { dt: x1, miss: Math.abs(goal - y1) };

    // 2. Secant iterations, each from the last accepted state.
    for (let iter = 0; iter < 50; iter++) {
      const slope = (y1 - y0) / (x1 - x0);
      if (!Number.isFinite(slope) || slope === 0) break;
      const x2 = round1us(x1 + (goal - y1) / slope);
      if (!(x2 * dir > 0) || x2 * dir > 1.1 * interval * dir) break;
      const y2 = trial(x2);
      [x0, y0, x1, y1] = [x1, y1, x2, y2];
      if (Math.abs(goal - y1) < tol) return { dt: x1, miss: Math.abs(goal - y1) };
    }

    // 3. Bisection on [0, 1.1 * interval] by the sign of value - goal.
    let lo = 0, hi = 1.1 * interval;
    let flo = y0Sign(trial(lo) - goal);
    let mid = hi;
    let fm = trial(mid);
    for (let iter = 0; iter < 60; iter++) {
      mid = round1us((lo + hi) / 2);
      fm = trial(mid);
      if (Math.abs(goal - fm) < tol || Math.abs(hi - lo) <= 2e-6) break;
      if (y0Sign(fm - goal) === flo) {
        lo = mid;
        flo = y0Sign(fm - goal);
      } else hi = mid;
    }
    return { dt: mid, miss: Math.abs(goal - fm) };
  }
}

function y0Sign(x: number): number {
  return x < 0 ? -1 : 1;
}

function strictlyMonotonic(vs: number[]): boolean {
  let inc = true, dec = true;
  for (let i = 1; i < vs.length; i++) {
    if (!(vs[i] > vs[i - 1])) inc = false;
    if (!(vs[i] < vs[i - 1])) dec = false;
  }
  return inc || dec;
}

/** Wrap an angle value into goal +- 180 degrees (other kinds unchanged). */
function wrapFor(kind: BoundParameter["stop"], goal: number, value: number): number {
  if (kind.kind !== "angle") return value;
  let v = value;
  while (v > goal + 180) v -= 360;
  while (v < goal - 180) v += 360;
  return v;
}

/**
 * Whether the goal was crossed going from `prev` to `cur`, propagating in direction `dir` (the
 * apsis indicators change sign the other way round backwards).
 */
function crossed(
  kind: BoundParameter["stop"],
  goal: number,
  prev: number,
  cur: number,
  dir: 1 | -1,
): boolean {
  switch (kind.kind) {
    case "time":
      return dir > 0 ? prev < goal && cur >= goal : prev > goal && cur <= goal;
    case "periapsis":
      return dir > 0 ? prev <= 0 && cur > 0 : prev >= 0 && cur < 0;
    case "apoapsis":
      return dir > 0 ? prev >= 0 && cur < 0 : prev <= 0 && cur > 0;
    case "angle": {
      const p = wrapFor(kind, goal, prev);
      const c = wrapFor(kind, goal, cur);
      if (Math.abs(goal - c) >= 90 && Math.abs(goal - p) >= 90) return false;
      return p !== c && goal >= Math.min(p, c) && goal <= Math.max(p, c);
    }
    case "value":
      return prev !== cur && goal >= Math.min(prev, cur) && goal <= Math.max(prev, cur) &&
        prev !== goal;
  }
}

/** The fuel carried in a mass-state vector, kg. */
function fuelAt(y: Float64Array, layout: MassStateLayout): number {
  let m = 0;
  for (let j = 0; j < layout.tankCount; j++) m += y[layout.fuelStart + j];
  return m;
}
