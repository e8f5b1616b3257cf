/**
 * Space points by name, as coordinate-system origins and ObjectReferenced primaries and
 * secondaries use them: the bodies with a DE405 ephemeris (Earth, Luna, Sun, planets) and the
 * calculated points of a script (`LibrationPoint`, `Barycenter`). Each resolves to a function
 * giving its MJ2000Eq state about the Earth at an A1 epoch, and its gravitational parameter
 * (GMAT weighs calculated points by body masses, mu / G, so mu stands in for mass).
 *
 * Names that are not such points (spacecraft, ground stations, unknown names) are refused by
 * name at the field that uses them.
 *
 * @module
 */

import {
  barycenterState,
  type BodyStates,
  EPHEMERIS_BODIES,
  GMAT_BODY_MU,
  isEphemerisBody,
  librationPointState,
} from "../physics/mod.ts";
import type { SourcePos } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";
import { BarycenterResource, LibrationPointResource } from "./resources/calculated_point.ts";
import type { Resource } from "./resources/resource.ts";

/** A point whose MJ2000Eq state the engine can compute at any epoch. */
export interface SpacePoint {
  readonly name: string;
  /** Gravitational parameter (a body's, or the sum of a barycentre's bodies'), km^3/s^2. */
  readonly mu: number;
  /** Whether computing its state needs the body ephemeris (every point but the Earth). */
  readonly needsBodies: boolean;
  /**
   * Its MJ2000Eq state about the Earth.
   *
   * @param epochA1 A1 modified Julian date.
   * @param bodies The body ephemeris (required when {@link needsBodies}).
   */
  state(epochA1: number, bodies: BodyStates | undefined): Float64Array;
}

/** Where a point name is used, for refusals. */
export interface PointUse {
  readonly pos: SourcePos;
  readonly construct: string;
}

/** GMAT passes a zero relative acceleration for celestial bodies (SpacePoint's default). */
const ZERO_ACCELERATION = [0, 0, 0] as const;

function needBodies(bodies: BodyStates | undefined, name: string): BodyStates {
  if (!bodies) throw new Error(`internal: body states were not loaded for ${name}`);
  return bodies;
}

/**
 * Resolve a point name.
 *
 * @param name The name as written.
 * @param use Where it is used (field and position), for refusals.
 * @param lookup The script's resources by name.
 * @param diag Error sink.
 * @param visiting Points being resolved (a point defined through itself is refused).
 * @returns The point.
 * @throws {ScriptError} `ENGINE_UNSUPPORTED` for names that are not bodies or calculated points.
 */
export function resolveSpacePoint(
  name: string,
  use: PointUse,
  lookup: (name: string) => Resource | undefined,
  diag: Diagnostics,
  visiting: ReadonlySet<string> = new Set(),
): SpacePoint {
  const refuse = (what: string, hint: string): never =>
    diag.unsupported(use.pos, what, { construct: use.construct, hint });
  if (isEphemerisBody(name)) {
    const body = name;
    return {
      name,
      mu: GMAT_BODY_MU[body],
      needsBodies: body !== "Earth",
      state: (t, bodies) =>
        body === "Earth" ? new Float64Array(6) : needBodies(bodies, name).state(body, t),
    };
  }
  if (visiting.has(name)) {
    refuse(`the calculated point ${name} defined through itself`, "break the cycle");
  }
  const inner = new Set([...visiting, name]);
  const resource = lookup(name);
  if (resource instanceof LibrationPointResource) {
    const lp = resource;
    const missing = [
      lp.primary === undefined ? "Primary" : "",
      lp.secondary === undefined ? "Secondary" : "",
      lp.point === undefined ? "Point" : "",
    ].filter((f) => f !== "");
    if (missing.length > 0) {
      refuse(
        `LibrationPoint ${name} without ${missing.join(", ")}`,
        `set ${missing.map((f) => `${name}.${f}`).join(", ")}`,
      );
    }
    const sub = (field: "Primary" | "Secondary", n: string) => {
      const p = resolveSpacePoint(
        n,
        { pos: lp.assigned.get(field) ?? lp.pos, construct: `LibrationPoint.${field}` },
        lookup,
        diag,
        inner,
      );
      if (!(p.mu > 0)) {
        refuse(`LibrationPoint ${name}.${field} ${n} without mass`, "use a body or Barycenter");
      }
      return p;
    };
    const primary = sub("Primary", lp.primary!);
    const secondary = sub("Secondary", lp.secondary!);
    if (primary.name === secondary.name) {
      refuse(
        `LibrationPoint ${name} with the same Primary and Secondary`,
        "choose two different bodies",
      );
    }
    const point = lp.point!;
    return {
      name,
      mu: 0,
      needsBodies: true,
      state: (t, bodies) =>
        librationPointState(
          point,
          primary.state(t, bodies),
          secondary.state(t, bodies),
          primary.mu,
          secondary.mu,
          ZERO_ACCELERATION,
          name,
        ),
    };
  }
  if (resource instanceof BarycenterResource) {
    const bc = resource;
    if (bc.bodies.length === 0) {
      refuse(`Barycenter ${name} without bodies`, `set ${name}.BodyNames = {Earth, Luna}`);
    }
    const pos = bc.assigned.get("BodyNames") ?? bc.pos;
    const bodies = bc.bodies.map((b) => {
      if (!isEphemerisBody(b)) {
        return diag.unsupported(pos, `Barycenter ${name} of ${b}`, {
          construct: "Barycenter.BodyNames",
          hint: `a barycentre's bodies may be ${EPHEMERIS_BODIES.join(", ")}`,
        });
      }
      return resolveSpacePoint(b, { pos, construct: "Barycenter.BodyNames" }, lookup, diag, inner);
    });
    const mus = bodies.map((b) => b.mu);
    return {
      name,
      mu: mus.reduce((a, b) => a + b, 0),
      needsBodies: bodies.some((b) => b.needsBodies),
      state: (t, eph) => barycenterState(bodies.map((b) => b.state(t, eph)), mus),
    };
  }
  return refuse(
    resource
      ? `${resource.typeName} ${name} as a point of reference`
      : `'${name}' as a point of reference (not a body or calculated point)`,
    `use a body (${EPHEMERIS_BODIES.join(", ")}), a LibrationPoint or a Barycenter`,
  );
}
