/**
 * Coordinate systems as frames the engine computes in: a CoordinateSystem's origin (a body or a
 * calculated point, `space_points.ts`) and axes (MJ2000Eq, ObjectReferenced, Earth/Luna
 * BodyInertial) turned into functions that move a state between EarthMJ2000Eq and the system at
 * an epoch, and rotate a burn's delta-V into MJ2000Eq axes. The geometry is GMAT's, in
 * `src/physics/frames/`.
 *
 * Building a frame checks everything it needs (origin, primary, secondary, axis choice) and
 * refuses what the engine does not model at the field that names it.
 *
 * @module
 */

import {
  bodyInertialRotation,
  type BodyStates,
  type EphemerisBody,
  fromFrame,
  hasBodyInertialAxes,
  isEphemerisBody,
  objectReferencedRotation,
  rotateToInertial,
  type Rotation,
  toFrame,
} from "../physics/mod.ts";
import type { Diagnostics } from "./diagnostics.ts";
import { CoordinateSystemResource } from "./resources/coordinate_system.ts";
import type { Resource } from "./resources/resource.ts";
import { resolveSpacePoint, type SpacePoint } from "./space_points.ts";

/** A coordinate system the engine can compute in. */
export interface Frame {
  readonly name: string;
  /** The origin when it is a body with an ephemeris (its mu serves orbit elements). */
  readonly originBody: EphemerisBody | undefined;
  /** Whether the axes are MJ2000Eq's (the frame is a translation of EarthMJ2000Eq). */
  readonly inertialAxes: boolean;
  /** Whether it is EarthMJ2000Eq itself or equivalent (Earth origin, MJ2000Eq axes). */
  readonly isEarthMJ2000Eq: boolean;
  /** Whether its origin or axes need the body ephemeris. */
  readonly needsBodies: boolean;
  /** An EarthMJ2000Eq state in this frame. */
  toFrame(state: ArrayLike<number>, epochA1: number, bodies: BodyStates | undefined): Float64Array;
  /** A state given in this frame, in EarthMJ2000Eq. */
  fromFrame(
    local: ArrayLike<number>,
    epochA1: number,
    bodies: BodyStates | undefined,
  ): Float64Array;
  /** A vector in this frame's axes (a delta-V), in MJ2000Eq axes. */
  rotateToInertial(w: ArrayLike<number>, epochA1: number, bodies: BodyStates | undefined): number[];
}

/** EarthMJ2000Eq. */
const EARTH_MJ2000EQ: Frame = {
  name: "EarthMJ2000Eq",
  originBody: "Earth",
  inertialAxes: true,
  isEarthMJ2000Eq: true,
  needsBodies: false,
  toFrame: (s) => Float64Array.from(s),
  fromFrame: (s) => Float64Array.from(s),
  rotateToInertial: (w) => [w[0], w[1], w[2]],
};

/**
 * The frame of a coordinate system name.
 *
 * @param name A coordinate system name (EarthMJ2000Eq or a created one).
 * @param lookup The script's resources by name.
 * @param diag Error sink.
 * @returns The frame, or undefined when `name` is not EarthMJ2000Eq or a CoordinateSystem
 *   resource (the caller reports that).
 * @throws {ScriptError} `ENGINE_UNSUPPORTED` when the system's axes, origin, primary or
 *   secondary are outside what the engine models; `SCRIPT_BAD_VALUE` for an ObjectReferenced
 *   system without exactly two distinct axes.
 */
export function buildFrame(
  name: string,
  lookup: (name: string) => Resource | undefined,
  diag: Diagnostics,
): Frame | undefined {
  if (name === "EarthMJ2000Eq") return EARTH_MJ2000EQ;
  const cs = lookup(name);
  if (!(cs instanceof CoordinateSystemResource)) return undefined;
  cs.refuse(); // axes the engine does not model are refused where the system is used
  const originPos = cs.assigned.get("Origin") ?? cs.pos;
  const origin = resolveSpacePoint(
    cs.origin,
    { pos: originPos, construct: "CoordinateSystem.Origin" },
    lookup,
    diag,
  );
  const originBody = isEphemerisBody(cs.origin) ? cs.origin : undefined;
  const rotationAt = axesOf(cs, lookup, diag);
  const inertialAxes = rotationAt === undefined;
  return {
    name,
    originBody,
    inertialAxes,
    isEarthMJ2000Eq: inertialAxes && originBody === "Earth",
    needsBodies: origin.needsBodies || !inertialAxes,
    toFrame: (s, t, bodies) => toFrame(s, origin.state(t, bodies), rotationAt?.(t, bodies)),
    fromFrame: (s, t, bodies) => fromFrame(s, origin.state(t, bodies), rotationAt?.(t, bodies)),
    rotateToInertial: (w, t, bodies) => rotateToInertial(w, rotationAt?.(t, bodies)),
  };
}

type RotationAt = (epochA1: number, bodies: BodyStates | undefined) => Rotation;

/** The rotation of a system's axes at an epoch, undefined for MJ2000Eq axes. */
function axesOf(
  cs: CoordinateSystemResource,
  lookup: (name: string) => Resource | undefined,
  diag: Diagnostics,
): RotationAt | undefined {
  if (cs.axes === "MJ2000Eq") return undefined;
  const axesPos = cs.assigned.get("Axes") ?? cs.pos;
  if (cs.axes === "BodyInertial") {
    const body = cs.origin;
    if (!hasBodyInertialAxes(body)) {
      diag.unsupported(axesPos, `BodyInertial axes about ${body} (coordinate system ${cs.name})`, {
        construct: "CoordinateSystem.Axes",
        hint: "BodyInertial axes are modelled about the Earth and Luna only (other bodies need " +
          "IAU rotation elements)",
      });
    }
    const rot = bodyInertialRotation(body);
    return () => rot;
  }
  // ObjectReferenced
  const point = (field: "Primary" | "Secondary", n: string | undefined): SpacePoint => {
    if (n === undefined) {
      return diag.unsupported(cs.pos, `ObjectReferenced axes of ${cs.name} without ${field}`, {
        construct: `CoordinateSystem.${field}`,
        hint: `set ${cs.name}.${field} (e.g. Earth and Luna)`,
      });
    }
    return resolveSpacePoint(
      n,
      { pos: cs.assigned.get(field) ?? cs.pos, construct: `CoordinateSystem.${field}` },
      lookup,
      diag,
    );
  };
  const primary = point("Primary", cs.primary);
  const secondary = point("Secondary", cs.secondary);
  const spec = { x: cs.xAxis, y: cs.yAxis, z: cs.zAxis };
  const given = [spec.x, spec.y, spec.z].filter((d) => d !== undefined).map((d) =>
    d.replace("-", "")
  );
  if (given.length !== 2 || given[0] === given[1]) {
    diag.fail(
      "SCRIPT_BAD_VALUE",
      axesPos,
      `ObjectReferenced axes of ${cs.name} need exactly two of XAxis, YAxis, ZAxis, on different ` +
        `directions (XAxis ${spec.x ?? "unset"}, YAxis ${spec.y ?? "unset"}, ZAxis ${
          spec.z ?? "unset"
        })`,
      {
        construct: "CoordinateSystem.XAxis",
        hint: `e.g. ${cs.name}.XAxis = R; ${cs.name}.ZAxis = N`,
      },
    );
  }
  const zero = [0, 0, 0];
  return (t, bodies) => {
    const p = primary.state(t, bodies);
    const s = secondary.state(t, bodies);
    const rel = [0, 1, 2, 3, 4, 5].map((k) => s[k] - p[k]);
    // GMAT's celestial bodies and calculated points report a zero acceleration.
    return objectReferencedRotation(rel, zero, spec, cs.name);
  };
}
