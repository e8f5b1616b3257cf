/**
 * The Maneuver command: apply an ImpulsiveBurn to a spacecraft, `Maneuver DV(Sat)`.
 *
 * @module
 */

import type { CommandStatement } from "../../script/ast.ts";
import type { Diagnostics } from "../diagnostics.ts";
import type { Model } from "../model.ts";
import { ImpulsiveBurnResource } from "../resources/impulsive_burn.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import type { Runtime } from "../runtime.ts";
import type { Command } from "./command.ts";

/** Compile `Maneuver Burn(Sat)`. */
export function compileManeuver(cmd: CommandStatement, model: Model, diag: Diagnostics): Command {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)$/.exec(cmd.args);
  if (!m) {
    diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Maneuver Burn(Spacecraft)", {
      construct: "Maneuver",
      hint: "write e.g. 'Maneuver DV(Sat)'",
    });
  }
  const burn = model.get(m[1], ImpulsiveBurnResource);
  if (!burn) {
    const other = model.resources.get(m[1]);
    if (other?.typeName === "FiniteBurn") {
      diag.unsupported(cmd.pos, "finite burns", {
        construct: "Maneuver",
        hint: "use an ImpulsiveBurn",
      });
    }
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", cmd.argsPos, `'${m[1]}' is not an ImpulsiveBurn`, {
      hint: "create it with 'Create ImpulsiveBurn'",
    });
  }
  const sc = model.get(m[2], SpacecraftResource);
  if (!sc) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", cmd.argsPos, `'${m[2]}' is not a Spacecraft`, {
      hint: "maneuver a spacecraft created with 'Create Spacecraft'",
    });
  }
  const inertial = burn.coordinateSystem !== "Local";
  return {
    name: "Maneuver",
    pos: cmd.pos,
    run(rt: Runtime) {
      const s = rt.of(sc);
      const dv = burn.inertialDeltaV(s.state, inertial);
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
