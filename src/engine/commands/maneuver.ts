/**
 * The Maneuver command: apply an ImpulsiveBurn to a spacecraft, `Maneuver DV(Sat)`. Local axes
 * (VNB, LVLH) are built from the state relative to the burn's `Origin` at the spacecraft's epoch;
 * a burn in a coordinate system has its elements along that system's axes at that epoch (GMAT's
 * pure rotation, no origin and no rotation-rate term).
 *
 * @module
 */

import type { CommandStatement } from "../../script/ast.ts";
import type { Diagnostics } from "../diagnostics.ts";
import type { Model } from "../model.ts";
import { ImpulsiveBurnResource } from "../resources/impulsive_burn.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import type { Runtime } from "../runtime.ts";
import { applyImpulsiveMassDecrement } from "../../physics/mod.ts";
import { type Command, MissionRunError } from "./command.ts";

/** Compile `Maneuver Burn(Sat)`. */
export function compileManeuver(cmd: CommandStatement, model: Model, diag: Diagnostics): Command {
  const d = cmd.detail;
  if (d?.kind !== "burn" || d.spacecraft.length !== 1) {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Maneuver Burn(Spacecraft)", {
      construct: "Maneuver",
      hint: "write e.g. 'Maneuver DV(Sat)', one spacecraft per Maneuver",
    });
  }
  const satName = d.spacecraft[0].name;
  const burn = model.get(d.burn, ImpulsiveBurnResource);
  if (!burn) {
    const other = model.resources.get(d.burn);
    if (other?.typeName === "FiniteBurn") {
      diag.unsupported(d.burnPos, "finite burns", {
        construct: "Maneuver",
        hint: "use an ImpulsiveBurn",
      });
    }
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", d.burnPos, `'${d.burn}' is not an ImpulsiveBurn`, {
      construct: "Maneuver",
      hint: "create it with 'Create ImpulsiveBurn'",
    });
  }
  const sc = model.get(satName, SpacecraftResource);
  if (!sc) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", d.spacecraft[0].pos, `'${satName}' is not a Spacecraft`, {
      construct: "Maneuver",
      hint: "maneuver a spacecraft created with 'Create Spacecraft'",
    });
  }
  const inertial = burn.coordinateSystem !== "Local";
  // A burn in a coordinate system: its elements are along that system's axes at the burn epoch.
  const frame = inertial ? model.frameOf(burn.coordinateSystem) : undefined;
  return {
    name: "Maneuver",
    pos: cmd.pos,
    run(rt: Runtime) {
      const s = rt.of(sc);
      let relative = s.state;
      if (!inertial && burn.origin !== "Earth") {
        if (!rt.bodies) throw new Error("internal: body states were not loaded for a burn");
        const o = rt.bodies.state(burn.origin, s.epochA1);
        relative = s.state.map((x, k) => x - o[k]);
      }
      const dv = frame && !frame.inertialAxes
        ? frame.rotateToInertial(burn.elements, s.epochA1, rt.bodies) as [number, number, number]
        : burn.inertialDeltaV(relative, inertial);
      if (burn.mass.decrementMass) {
        try {
          const used = applyImpulsiveMassDecrement(burn.name, burn.mass, {
            name: sc.name,
            dryMass: sc.dryMass,
            tanks: s.tanks,
          }, dv);
          if (used) s.tanks = used.tanks;
        } catch (e) {
          throw new MissionRunError(
            "Maneuver",
            cmd.pos,
            e instanceof Error ? e.message : String(e),
            {
              cause: e,
            },
          );
        }
      }
      const next = Float64Array.from(s.state);
      next[3] += dv[0];
      next[4] += dv[1];
      next[5] += dv[2];
      s.state = next;
      rt.discontinuity(sc);
      rt.publish([sc], s.epochA1);
    },
  };
}
