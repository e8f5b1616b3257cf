/**
 * The types parameter binding shares: what a parameter is evaluated on (a snapshot of its
 * spacecraft, with its propulsion), how it stops a propagation, a bound parameter and the scope
 * it is bound in. The modules that bind orbit, state-representation and hardware parameters all
 * import these from here, so none of them imports another for its types.
 *
 * @module
 */

import type { BodyStates, EarthFixedFrame, Tank, Thruster } from "../physics/mod.ts";
import type { Frame } from "./frames.ts";
import type { BurnSnapshot } from "../physics/propulsion/mod.ts";
import type { ChemicalTankResource } from "./resources/chemical_tank.ts";
import type { FiniteBurnResource } from "./resources/finite_burn.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";
import type { VariableResource } from "./resources/variable.ts";

/** What a spacecraft parameter is evaluated on. */
export interface Snapshot {
  /** Cartesian EarthMJ2000Eq state, km and km/s. */
  readonly state: Float64Array;
  /** Epoch, A1 ModJulian. */
  readonly epochA1: number;
  /** Reference epoch of ElapsedSecs/ElapsedDays, A1 ModJulian. */
  readonly elapsedFromA1: number;
  /** Gravitational parameter, km^3/s^2. */
  readonly mu: number;
  /** EarthMJ2000Eq -> EarthFixed (FK5 with EOP), present when a bound parameter needs it. */
  readonly earthFixed?: EarthFixedFrame;
  /** Dry mass plus fuel, kg (when the run tracks tanks). */
  readonly totalMass?: number;
  /** The spacecraft's tanks with their current fuel. */
  readonly tanks?: readonly Tank[];
  /** Its thrusters and active burns (thruster and FiniteBurn parameters). */
  readonly propulsion?: PropulsionView;
  /** Body states, present when a bound parameter is relative to a body other than the Earth. */
  readonly bodies?: BodyStates;
}

/** How a parameter behaves as a stop condition. */
export type StopKind =
  | { readonly kind: "time"; readonly secondsPerUnit: number; readonly cyclic: boolean }
  | { readonly kind: "angle" }
  | { readonly kind: "periapsis" }
  | { readonly kind: "apoapsis" }
  | { readonly kind: "value" };

/** A parameter bound to its owner, ready to evaluate. */
export interface BoundParameter {
  /** The name as written. */
  readonly name: string;
  /** Whether values are strings (Gregorian epochs) rather than reals. */
  readonly isString: boolean;
  /** The spacecraft it reads, if any (a Variable has none). */
  readonly spacecraft?: SpacecraftResource;
  /** Stop-condition behaviour. */
  readonly stop: StopKind;
  /** Evaluate on a snapshot of the owner (ignored by variables). */
  evaluate(snap: Snapshot | undefined): number | string;
}

/** Looks up resources by name for parameter binding. */
export interface ParameterScope {
  spacecraft(name: string): SpacecraftResource | undefined;
  variable(name: string): VariableResource | undefined;
  /** A FiniteBurn by name (owner of TotalThrust1 and the like). */
  finiteBurn?(name: string): FiniteBurnResource | undefined;
  /** A ChemicalTank by name (its fuel's centre of mass and inertia). */
  tank?(name: string): ChemicalTankResource | undefined;
  /** Names of EarthMJ2000Eq-equivalent coordinate systems. */
  isInertialSystem(name: string): boolean;
  /** The frame of a coordinate system, undefined for names that are not one. */
  frameOf?(name: string): Frame | undefined;
  /** Told when a bound parameter needs body states (loaded before the run). */
  needsBodies?(): void;
  /** All resource names, for suggestions. */
  names(): Iterable<string>;
  /** Told when a bound parameter needs Earth's body-fixed frame (loaded before the run). */
  needsEarthFixed?(): void;
}

/** A spacecraft's propulsion at a snapshot (see {@link propulsionView}). */
export interface PropulsionView {
  /** The spacecraft's thrusters. */
  readonly thrusters: readonly Thruster[];
  /** Values of the active burns at the snapshot's state; undefined when none fires. */
  firing(): BurnSnapshot | undefined;
}
