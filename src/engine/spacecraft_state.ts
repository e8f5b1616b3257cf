/**
 * The state a run keeps of one spacecraft (orbit, epoch, tanks, thrusters, burns firing): the
 * type the runtime owns and the parameters read, on its own so neither imports the other.
 *
 * @module
 */

import type { Tank, Thruster } from "../physics/mod.ts";
import type { FiniteBurnResource } from "./resources/finite_burn.ts";

/** Run-time state of one spacecraft. */
export interface SpacecraftState {
  /** Cartesian EarthMJ2000Eq state, km and km/s. */
  state: Float64Array;
  /** Epoch, A1 ModJulian. */
  epochA1: number;
  /**
   * Epoch at mission start: the reference of ElapsedSecs in reports. An `Epoch` assignment in
   * the mission before the spacecraft's first Propagate moves it too.
   */
  missionStartA1: number;
  /** Whether a Propagate has moved this spacecraft yet. */
  propagated?: boolean;
  /** The stop condition that ended the last Propagate of this spacecraft. */
  lastStop?: { readonly key: string; readonly miss: number };
  /** The spacecraft's own tanks, with their current fuel. */
  tanks: readonly Tank[];
  /** Its thrusters. */
  readonly thrusters: readonly Thruster[];
  /** Finite burns firing on it (between BeginFiniteBurn and EndFiniteBurn). */
  readonly burns: Set<FiniteBurnResource>;
}
