/**
 * Report parameters of GMAT's other orbit state representations: `Sat.EquinoctialH`,
 * `Sat.ModEquinoctialF`, `Sat.AltEquinoctialP`, `Sat.Delaunayl`, `Sat.BrouwerLongSMA`,
 * `Sat.OutgoingRHA`, `Sat.RA`, `Sat.AZI`, `Sat.PlanetodeticLAT`... Each is one element of
 * `fromCartesian` (see `src/physics/state/representations.ts`) of the snapshot's state, with the
 * snapshot's mu; like GMAT's, they depend on a coordinate system (default EarthMJ2000Eq).
 * Planetodetic elements are of the Earth-fixed state (r_f = R r, v_f = R v + Rdot r), like
 * GMAT's default `EarthFixed` dependency.
 *
 * Element names shared with the Keplerian and Cartesian sets (SMA, TA, RMAG, VMAG, RadPer,
 * RadApo, INC, RAAN, AOP, SemilatusRectum) keep their existing definitions; GMAT's are the same.
 *
 * @module
 */

import {
  EARTH_FLATTENING,
  EARTH_RADIUS,
  fromCartesian,
  STATE_REPRESENTATIONS,
  type StateRepresentation,
} from "../physics/mod.ts";
import type { Snapshot, StopKind } from "./parameter_types.ts";

/** A spacecraft quantity as `parameters.ts` registers it. */
export interface StateRepQuantity {
  readonly dep: "coordsys";
  readonly stop: StopKind;
  readonly bodyFixed?: true;
  readonly fn: (s: Snapshot) => number;
}

/** Element indices that are angles (stop conditions wrap at 360 deg). */
const ANGLE_NAMES = new Set([
  "MLONG",
  "TLONG",
  "Delaunayl",
  "Delaunayg",
  "Delaunayh",
  "PlanetodeticLON",
  "IncomingRHA",
  "IncomingBVAZI",
  "OutgoingRHA",
  "OutgoingBVAZI",
  "BrouwerShortRAAN",
  "BrouwerShortAOP",
  "BrouwerShortMA",
  "BrouwerLongRAAN",
  "BrouwerLongAOP",
  "BrouwerLongMA",
]);

function earthFixedState(s: Snapshot): Float64Array {
  const frame = s.earthFixed;
  if (!frame) {
    throw new Error("internal: Earth orientation was not loaded for a Planetodetic parameter");
  }
  const r = new Float64Array(9);
  const rd = new Float64Array(9);
  frame.rotationAndRate(s.epochA1, r, rd);
  const x = s.state;
  const out = new Float64Array(6);
  for (let i = 0; i < 3; i++) {
    const row = 3 * i;
    out[i] = r[row] * x[0] + r[row + 1] * x[1] + r[row + 2] * x[2];
    out[i + 3] = r[row] * x[3] + r[row + 1] * x[4] + r[row + 2] * x[5] +
      rd[row] * x[0] + rd[row + 1] * x[1] + rd[row + 2] * x[2];
  }
  return out;
}

/**
 * The quantities of every representation element, keyed by GMAT parameter name.
 *
 * @returns Name -> quantity, in representation order; the caller skips names it already has.
 */
export function stateRepQuantities(): Map<string, StateRepQuantity> {
  const out = new Map<string, StateRepQuantity>();
  for (const rep of Object.keys(STATE_REPRESENTATIONS) as StateRepresentation[]) {
    if (rep === "Cartesian" || rep === "Keplerian") continue;
    const bodyFixed = rep === "Planetodetic";
    STATE_REPRESENTATIONS[rep].forEach((name, i) => {
      if (out.has(name)) return;
      const fn = (s: Snapshot) => {
        const body = { mu: s.mu, flattening: EARTH_FLATTENING, eqRadius: EARTH_RADIUS };
        return fromCartesian(rep, bodyFixed ? earthFixedState(s) : s.state, body)[i];
      };
      const stop: StopKind = ANGLE_NAMES.has(name) ? { kind: "angle" } : { kind: "value" };
      out.set(
        name,
        bodyFixed ? { dep: "coordsys", stop, bodyFixed, fn } : { dep: "coordsys", stop, fn },
      );
    });
  }
  return out;
}
