/**
 * A GMAT force model as one derivative function: the central body's gravity (none, a point mass,
 * or for the Earth a spherical-harmonic field), third-body point masses from DE405, spherical SRP
 * with GMAT's shadows, drag, and the relativistic correction, summed in GMAT's order. The state
 * is relative to the central body (`ForceModel.CentralBody`, default the Earth) in MJ2000Eq axes;
 * about another body only point masses and SRP are modelled (drag, harmonics and the
 * relativistic correction need the Earth).
 *
 * {@link ForceModelSpec} is what a script's ForceModel resolves to; {@link buildForceModel}
 * loads the data it needs through a caller-held {@link PhysicsData} and returns the
 * {@link Derivatives} for one propagation (elapsed seconds from a base A1 epoch), with the
 * spacecraft's physical properties as they are when the propagation starts.
 *
 * @module
 */

import type { SpacecraftPhysics } from "./spacecraft_physics.ts";
import { SECONDS_PER_DAY } from "../constants.ts";
import type { PhysicsData } from "../data/physics_data.ts";
import { a1StateFunction } from "../ephemeris/a1_state.ts";
import { BodyStates } from "../ephemeris/body_states.ts";
import { EPHEMERIS_BODIES, type EphemerisBody } from "../ephemeris/geocentric.ts";
import type { Derivatives, ErrorControl } from "../integrators/settings.ts";
import { type DragSpec, makeDrag } from "./drag_force.ts";
import { GMAT_BODY_MU, GMAT_BODY_RADIUS } from "./body_mu.ts";
import { earthGravityDerivatives, loadEarthGravityContext } from "./earth_gravity.ts";
import { ForceModelError } from "./force_model_error.ts";
import { pointMassDerivatives } from "./point_mass.ts";
import { RelativisticCorrection } from "./relativity.ts";
import { MOON_RADIUS } from "./shadow.ts";
import { SphericalSrp } from "./srp.ts";
import { thirdBodyForce } from "./third_body.ts";

/** Bodies that may be third-body point masses (they have a DE405 ephemeris). */
export const THIRD_BODIES: readonly EphemerisBody[] = EPHEMERIS_BODIES.filter((b) => b !== "Earth");

/** The central body's gravity in a force model (a harmonic field for the Earth only). */
export type GravitySpec =
  | { readonly kind: "none" }
  | { readonly kind: "pointMass" }
  | {
    readonly kind: "harmonic";
    /** `GravityField.Earth.PotentialFile` (a file shipped in data/gmat/gravity/earth/). */
    readonly potentialFile: string;
    /** `Degree`. */
    readonly degree: number;
    /** `Order`. */
    readonly order: number;
  };

/** Spherical SRP settings. */
export interface SrpSpec {
  /** `SRP.Flux`, W/m^2. */
  readonly flux: number;
  /** `SRP.Nominal_Sun`, km. */
  readonly nominalSun: number;
  /** `SRP.ExtraShadowBodies` besides the central body (`Luna` or `Earth`). */
  readonly extraShadowBodies: readonly string[];
}

/** A script's ForceModel, resolved: what {@link buildForceModel} builds. */
export interface ForceModelSpec {
  /** `CentralBody` (default `Earth`): the origin of the propagated state. */
  readonly centralBody?: EphemerisBody;
  /** The central body's gravity. */
  readonly gravity: GravitySpec;
  /** Third-body point masses, GMAT names (the central body excluded). */
  readonly thirdBodies: readonly string[];
  /** Spherical SRP, when on. */
  readonly srp?: SrpSpec;
  /** Drag, when an atmosphere is set. */
  readonly drag?: DragSpec;
  /** `RelativisticCorrection = On`. */
  readonly relativistic: boolean;
  /** The integrator's error norm. */
  readonly errorControl: ErrorControl;
}

/** Whether a force model needs the Earth orientation data (for its field or the atmosphere). */
export function needsEarthOrientation(spec: ForceModelSpec): boolean {
  return spec.gravity.kind === "harmonic" || spec.drag !== undefined || spec.relativistic;
}

/** Whether a force model needs the planetary ephemeris. */
export function needsEphemeris(spec: ForceModelSpec): boolean {
  return spec.thirdBodies.length > 0 || (spec.centralBody ?? "Earth") !== "Earth" ||
    spec.srp !== undefined || spec.relativistic ||
    spec.drag !== undefined;
}

/**
 * Build the derivative function of a force model for one propagation.
 *
 * @param spec The resolved force model.
 * @param data The caller's data context (files parsed once per context).
 * @param epochA1 A1 MJD at elapsed time t = 0.
 * @param spacecraft Physical properties of each spacecraft, in state order.
 * @returns dy/dt for `6 * spacecraft.length` state components (km, km/s, MJ2000Eq, relative to
 *   the central body).
 * @throws {GmatSweepError} When a data file is missing or a setting is out of range;
 *   `ForceModelError` for drag, harmonics or the relativistic correction about a body other than
 *   the Earth, or SRP about the Sun.
 */
export async function buildForceModel(
  spec: ForceModelSpec,
  data: PhysicsData,
  epochA1: number,
  spacecraft: readonly SpacecraftPhysics[],
): Promise<Derivatives> {
  const count = spacecraft.length;
  const central = spec.centralBody ?? "Earth";
  if (central !== "Earth") {
    const earthOnly = spec.gravity.kind === "harmonic"
      ? "a harmonic gravity field"
      : spec.drag
      ? "drag"
      : spec.relativistic
      ? "the relativistic correction"
      : spec.srp && central === "Sun"
      ? "SRP"
      : undefined;
    if (earthOnly) {
      throw new ForceModelError(
        `${earthOnly} about the central body ${central} is not modelled; ` +
          "use point masses (and SRP about a body other than the Sun)",
      );
    }
  }
  let base: Derivatives;
  const g = spec.gravity;
  if (g.kind === "harmonic") {
    const ctx = await loadEarthGravityContext(data.gmat, {
      potentialFile: g.potentialFile,
      degree: g.degree,
      order: g.order,
    });
    base = earthGravityDerivatives(ctx, epochA1, count);
  } else if (g.kind === "pointMass") {
    base = pointMassDerivatives(GMAT_BODY_MU[central], count);
  } else {
    base = pointMassDerivatives(0, count);
  }

  const adders: ((t: number, y: Float64Array, dydt: Float64Array) => void)[] = [];
  const de = needsEphemeris(spec) ? await data.ephemeris.de405() : undefined;
  if (spec.thirdBodies.length > 0) {
    const force = thirdBodyForce({
      ephemeris: de!,
      bodies: spec.thirdBodies as EphemerisBody[],
      centralBody: central,
      epochA1,
      count,
    });
    adders.push(force.addTo);
  }
  if (spec.drag) {
    const drag = await makeDrag(spec.drag, data, epochA1, spacecraft, de!);
    adders.push(drag);
  }
  if (spec.srp) {
    const bodies = new BodyStates(de!);
    const relative = (body: EphemerisBody) => {
      if (central === "Earth") return a1StateFunction(de!, body);
      const out = new Float64Array(6);
      return (epoch: number) => bodies.state(body, epoch, out, central);
    };
    const extra = spec.srp.extraShadowBodies.filter((b): b is EphemerisBody =>
      b !== central && (b === "Luna" || b === "Earth")
    );
    const srp = new SphericalSrp({
      sun: relative("Sun"),
      centralBodyName: central,
      centralBodyRadius: central === "Earth" ? undefined : GMAT_BODY_RADIUS[central],
      spacecraft: spacecraft.map((s) => ({ cr: s.cr, areaM2: s.srpAreaM2, massKg: s.massKg })),
      flux: spec.srp.flux,
      nominalSun: spec.srp.nominalSun,
      extraShadowBodies: extra.map((b) => ({
        name: b,
        radius: b === "Luna" ? MOON_RADIUS : GMAT_BODY_RADIUS[b],
        position: relative(b),
      })),
    });
    adders.push((t, y, dydt) => srp.addDerivatives(epochA1 + t / SECONDS_PER_DAY, y, dydt));
  }
  if (spec.relativistic) {
    const rel = new RelativisticCorrection({ sun: a1StateFunction(de!, "Sun") });
    adders.push((t, y, dydt) => rel.addDerivatives(epochA1 + t / SECONDS_PER_DAY, y, dydt, count));
  }
  if (adders.length === 0) return base;
  return (t, y, dydt) => {
    base(t, y, dydt);
    for (let k = 0; k < adders.length; k++) adders[k](t, y, dydt);
  };
}

export type { SpacecraftPhysics } from "./spacecraft_physics.ts";
