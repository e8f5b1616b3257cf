/**
 * GMAT parameters the built-in engine can evaluate: `Sat.UTCGregorian`, `Sat.EarthMJ2000Eq.X`,
 * `Sat.Earth.SMA`, `Sat.ElapsedSecs`, a Variable name, and so on.
 *
 * A parameter name is `Owner[.Dependency].Quantity`. Cartesian components, INC, RAAN, AOP, VMAG
 * and the other representations' elements depend on a coordinate system (`frames.ts`: MJ2000Eq,
 * ObjectReferenced or Earth/Luna BodyInertial axes about a body or a calculated point); the state
 * is transformed into it at the snapshot's epoch (DE405), velocity with the axes' rotation rate,
 * and the origin's mu is used (a calculated-point origin has Cartesian components only). The
 * other orbit quantities depend on an origin (a body, or an inertial system's body origin): the
 * state is translated there. The body-fixed quantities (Altitude, Latitude, Longitude) are
 * Earth's only. Omitted dependencies
 * take GMAT's defaults (EarthMJ2000Eq, Earth). Every name is checked when the mission is built,
 * so a typo fails before anything runs.
 *
 * @module
 */

import {
  apoapsisIndicator,
  EARTH_FLATTENING,
  EARTH_RADIUS,
  type EphemerisBody,
  type EpochFormat,
  epochValue,
  GMAT_BODY_MU,
  isEphemerisBody,
  isEpochFormat,
  ORBIT_PARAMETER_NAMES,
  orbitParameter,
  periapsisIndicator,
} from "../physics/mod.ts";
import { geodeticAltitude } from "../physics/frames/earth_tilt.ts";
import { stateRepQuantities } from "./state_rep_parameters.ts";
import { bPlane, BPLANE_PARAMETERS } from "../physics/state/bplane.ts";
import type { SourcePos } from "../script/ast.ts";
import { type Diagnostics, didYouMean } from "./diagnostics.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";
import { bindBurnParameter, bindHardwareParameter } from "./hardware_parameters.ts";
import { bindMassPropertyParameter, isMassPropertyParameter } from "./mass_property_parameters.ts";
import type { BoundParameter, ParameterScope, Snapshot, StopKind } from "./parameter_types.ts";
import type { Frame } from "./frames.ts";

type Dep = "none" | "origin" | "coordsys";
interface Quantity {
  readonly dep: Dep;
  readonly stop: StopKind;
  /** Needs Earth's body-fixed frame. */
  readonly bodyFixed?: true;
  readonly string?: boolean;
  readonly fn: (s: Snapshot, sc: SpacecraftResource) => number | string;
}

/**
 * Geodetic altitude, latitude and longitude in Earth's body-fixed frame (GMAT's FK5 chain with
 * EOP and IAU-1980 nutation) over GMAT's ellipsoid (6378.1363 km, flattening 0.0033527).
 */
function geodetic(s: Snapshot) {
  const frame = s.earthFixed;
  if (!frame) {
    throw new Error("internal: Earth orientation was not loaded for a body-fixed parameter");
  }
  const m = new Float64Array(9);
  frame.rotation(s.epochA1, m);
  const [x, y, z] = s.state;
  const tx = m[0] * x + m[1] * y + m[2] * z;
  const ty = m[3] * x + m[4] * y + m[5] * z;
  const tz = m[6] * x + m[7] * y + m[8] * z;
  const g = geodeticAltitude(tx, ty, tz, EARTH_RADIUS, EARTH_FLATTENING);
  return { ...g, longitude: Math.atan2(ty, tx) * 180 / Math.PI };
}

const ANGLE: StopKind = { kind: "angle" };
const VALUE: StopKind = { kind: "value" };

const CART = ["X", "Y", "Z", "VX", "VY", "VZ"];

function buildQuantities(): Map<string, Quantity> {
  const q = new Map<string, Quantity>();
  for (const scale of ["A1", "TAI", "UTC", "TT", "TDB"] as const) {
    q.set(`${scale}ModJulian`, {
      dep: "none",
      stop: { kind: "time", secondsPerUnit: 86400, cyclic: false },
      fn: (s) => epochValue(s.epochA1, `${scale}ModJulian` as EpochFormat) as number,
    });
    q.set(`${scale}Gregorian`, {
      dep: "none",
      stop: VALUE,
      string: true,
      fn: (s) => epochValue(s.epochA1, `${scale}Gregorian` as EpochFormat) as string,
    });
  }
  q.set("CurrA1MJD", q.get("A1ModJulian")!);
  q.set("ElapsedSecs", {
    dep: "none",
    stop: { kind: "time", secondsPerUnit: 1, cyclic: true },
    fn: (s) => (s.epochA1 - s.elapsedFromA1) * 86400,
  });
  q.set("ElapsedDays", {
    dep: "none",
    stop: { kind: "time", secondsPerUnit: 86400, cyclic: true },
    fn: (s) => s.epochA1 - s.elapsedFromA1,
  });
  CART.forEach((name, i) => q.set(name, { dep: "coordsys", stop: VALUE, fn: (s) => s.state[i] }));
  // Orbit quantities: INC, RAAN, AOP and VMAG depend on axes, the others on the origin.
  const axesDependent = new Set(["INC", "RAAN", "AOP", "VMAG", "HX", "HY", "HZ"]);
  const angles = new Set(["RAAN", "AOP", "TA", "MA", "EA"]);
  for (const name of ORBIT_PARAMETER_NAMES) {
    q.set(name, {
      dep: axesDependent.has(name) ? "coordsys" : "origin",
      stop: angles.has(name) ? ANGLE : VALUE,
      fn: (s) => orbitParameter(name, s.state, s.mu),
    });
  }
  for (const [name, quantity] of stateRepQuantities()) if (!q.has(name)) q.set(name, quantity);
  for (const name of BPLANE_PARAMETERS) {
    q.set(name, { dep: "coordsys", stop: VALUE, fn: (s) => bPlane(s.state, s.mu)[name] });
  }
  q.set("Altitude", {
    dep: "origin",
    stop: VALUE,
    bodyFixed: true,
    fn: (s) => geodetic(s).altitude,
  });
  q.set("Latitude", {
    dep: "origin",
    stop: VALUE,
    bodyFixed: true,
    fn: (s) => geodetic(s).latitude,
  });
  q.set("Longitude", {
    dep: "origin",
    stop: ANGLE,
    bodyFixed: true,
    fn: (s) => geodetic(s).longitude,
  });
  q.set("Periapsis", {
    dep: "origin",
    stop: { kind: "periapsis" },
    fn: (s) => periapsisIndicator(s.state),
  });
  q.set("Apoapsis", {
    dep: "origin",
    stop: { kind: "apoapsis" },
    fn: (s) => apoapsisIndicator(s.state),
  });
  q.set("DryMass", { dep: "none", stop: VALUE, fn: (_s, sc) => sc.dryMass });
  q.set("TotalMass", { dep: "none", stop: VALUE, fn: (s, sc) => s.totalMass ?? sc.totalMass() });
  for (const f of ["Cd", "Cr", "DragArea", "SRPArea"]) {
    q.set(f, { dep: "none", stop: VALUE, fn: (_s, sc) => Number(sc.properties[f]) });
  }
  return q;
}

const QUANTITIES = buildQuantities();

/** Names of every spacecraft quantity the engine evaluates. */
export const SUPPORTED_QUANTITIES: readonly string[] = [...QUANTITIES.keys()].sort();

/** Quantities GMAT has that the engine refuses, with the reason. */
const REFUSED: Readonly<Record<string, string>> = {
  BetaAngle: "needs the Sun's position",
  SolarBeta: "needs the Sun's position",
  Eclipse: "needs the Sun's position",
  AtmosDensity: "needs an atmosphere model",
  LST: "needs Earth orientation",
  MHA: "needs Earth orientation",
  RLA: "GMAT's RLA/DLA computation is not ported; report OutgoingRHA/OutgoingDHA",
  DLA: "GMAT's RLA/DLA computation is not ported; report OutgoingRHA/OutgoingDHA",
};

/**
 * Bind a parameter name such as `Sat.Earth.SMA` or `myVar`.
 *
 * @param name The parameter as written.
 * @param pos Where it is written, for errors.
 * @param scope Resource lookup.
 * @param diag Error sink.
 * @returns The bound parameter.
 * @throws {ScriptError} `SCRIPT_UNKNOWN_RESOURCE`, `SCRIPT_UNKNOWN_FIELD` or `ENGINE_UNSUPPORTED`.
 */
export function bindParameter(
  name: string,
  pos: SourcePos,
  scope: ParameterScope,
  diag: Diagnostics,
): BoundParameter {
  const parts = name.split(".");
  if (parts.length === 1) {
    const variable = scope.variable(name);
    if (variable) {
      return { name, isString: false, stop: VALUE, evaluate: () => variable.value };
    }
    diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      pos,
      `'${name}' is not a Variable or a parameter${didYouMean(name, scope.names())}`,
      {
        construct: "parameter",
        hint: `declare it with 'Create Variable ${name}', or write Owner.Quantity such as Sat.X`,
      },
    );
  }
  const owner = scope.spacecraft(parts[0]);
  const burn = owner ? undefined : scope.finiteBurn?.(parts[0]);
  if (burn && parts.length === 2) return bindBurnParameter(name, burn, parts[1], pos, scope, diag);
  if (!owner) {
    diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      pos,
      `parameter '${name}': '${parts[0]}' is not a Spacecraft${
        didYouMean(parts[0], scope.names())
      }`,
      {
        construct: "parameter",
        hint: "parameters are read from spacecraft created with 'Create Spacecraft'",
      },
    );
  }
  if (parts.length > 3) {
    diag.fail("SCRIPT_UNKNOWN_FIELD", pos, `parameter '${name}' has too many parts`, {
      construct: "parameter",
      hint: "write Sat.Quantity or Sat.Dependency.Quantity, e.g. Sat.EarthMJ2000Eq.X",
    });
  }
  const quantity = parts[parts.length - 1];
  const dep = parts.length === 3 ? parts[1] : undefined;
  if (dep !== undefined && (owner.tanks.includes(dep) || owner.thrusters.includes(dep))) {
    return bindHardwareParameter(name, owner, dep, quantity, pos, diag);
  }
  if (parts.length === 2 && isEpochFormat(quantity) === false && quantity === "Epoch") {
    diag.fail("SCRIPT_UNKNOWN_FIELD", pos, `'${name}' is a field, not a reportable parameter`, {
      construct: "parameter",
      hint: `report ${parts[0]}.UTCGregorian or ${parts[0]}.A1ModJulian instead`,
    });
  }
  if (parts.length === 2 && isMassPropertyParameter(quantity)) {
    return bindMassPropertyParameter(name, owner, quantity, pos, scope, diag);
  }
  const q = QUANTITIES.get(quantity);
  if (!q) {
    const why = REFUSED[quantity];
    if (why) {
      diag.unsupported(pos, `parameter ${name} (${why})`, {
        construct: `parameter ${quantity}`,
        hint: `supported quantities: ${SUPPORTED_QUANTITIES.join(", ")}`,
      });
    }
    diag.fail(
      "SCRIPT_UNKNOWN_FIELD",
      pos,
      `unknown parameter '${quantity}' in '${name}'${didYouMean(quantity, QUANTITIES.keys())}`,
      { construct: "parameter", hint: `supported quantities: ${SUPPORTED_QUANTITIES.join(", ")}` },
    );
  }
  if (dep !== undefined) {
    if (q.dep === "none") {
      diag.fail(
        "SCRIPT_UNKNOWN_FIELD",
        pos,
        `parameter ${quantity} takes no dependency, got '${dep}'`,
        { construct: "parameter", hint: `write ${parts[0]}.${quantity}` },
      );
    }
  }
  const frame = dependencyFrame(dep, scope);
  const origin = frame ? frame.originBody : dependencyOrigin(dep, scope);
  if (origin === undefined && !(frame && q.dep === "coordsys" && CART.includes(quantity))) {
    diag.unsupported(pos, `parameter ${name} relative to ${dep}`, {
      construct: `parameter dependency ${dep}`,
      hint: frame
        ? `${dep}'s origin is not a body: only Cartesian components (X..VZ) are computed in it`
        : "use a body (Earth, Luna, Sun, Mars...) as origin or a coordinate system " +
          "(EarthMJ2000Eq, or one created with MJ2000Eq, ObjectReferenced or BodyInertial axes)",
    });
  }
  if (frame && !frame.inertialAxes && q.dep === "origin") {
    diag.unsupported(pos, `parameter ${name} in the rotating system ${dep}`, {
      construct: `parameter dependency ${dep}`,
      hint: `${quantity} depends on an origin only; write ${parts[0]}.${
        frame.originBody ?? "Earth"
      }.${quantity}`,
    });
  }
  if (q.bodyFixed && !(origin === "Earth" && (frame === undefined || frame.isEarthMJ2000Eq))) {
    diag.unsupported(pos, `parameter ${name} (needs the body-fixed frame of ${origin})`, {
      construct: `parameter ${quantity}`,
      hint: `the built-in engine has Earth's body-fixed frame only; report ${
        parts[0]
      }.${origin}.RMAG instead`,
    });
  }
  const sc = owner;
  if (q.bodyFixed) scope.needsEarthFixed?.();
  const transform = frame && !frame.isEarthMJ2000Eq
    ? inFrame(frame, name)
    : origin !== undefined && origin !== "Earth"
    ? relativeTo(origin, name)
    : undefined;
  if (transform) scope.needsBodies?.();
  return {
    name,
    isString: q.string === true,
    spacecraft: sc,
    stop: q.stop,
    evaluate: (snap) => {
      if (!snap) throw new Error(`no state for ${name}`);
      return q.fn(transform ? transform(snap) : snap, sc);
    },
  };
}

/**
 * The body a parameter's dependency names, or Earth for an EarthMJ2000Eq-equivalent system when
 * the scope has no frames (undefined otherwise).
 */
function dependencyOrigin(
  dep: string | undefined,
  scope: ParameterScope,
): EphemerisBody | undefined {
  if (dep === undefined || dep === "Earth") return "Earth";
  if (isEphemerisBody(dep)) return dep;
  return scope.isInertialSystem(dep) ? "Earth" : undefined;
}

/** The frame of a dependency that names a coordinate system (not a body). */
function dependencyFrame(dep: string | undefined, scope: ParameterScope): Frame | undefined {
  if (dep === undefined || isEphemerisBody(dep)) return undefined;
  return scope.frameOf?.(dep);
}

/** The snapshot translated to `origin` at its epoch, with the origin's mu. */
function relativeTo(origin: EphemerisBody, name: string): (s: Snapshot) => Snapshot {
  const body = new Float64Array(6);
  const mu = GMAT_BODY_MU[origin];
  return (s) => {
    if (!s.bodies) throw new Error(`internal: body states were not loaded for ${name}`);
    s.bodies.state(origin, s.epochA1, body);
    const state = new Float64Array(6);
    for (let k = 0; k < 6; k++) state[k] = s.state[k] - body[k];
    return { ...s, state, mu };
  };
}

/**
 * The snapshot in a coordinate system at its epoch (origin, axes and their rotation rate), with
 * the origin's mu (NaN for a calculated-point origin, whose Cartesian components need none).
 */
function inFrame(frame: Frame, name: string): (s: Snapshot) => Snapshot {
  const mu = frame.originBody ? GMAT_BODY_MU[frame.originBody] : NaN;
  return (s) => {
    if (!s.bodies) throw new Error(`internal: body states were not loaded for ${name}`);
    return { ...s, state: frame.toFrame(s.state, s.epochA1, s.bodies), mu };
  };
}

export type { BoundParameter, ParameterScope, Snapshot, StopKind } from "./parameter_types.ts";
