/**
 * `BeginFiniteBurn Burn(Sat)` and `EndFiniteBurn Burn(Sat)`: start and stop firing a FiniteBurn's
 * thrusters on spacecraft; the Propagate commands in between integrate the thrust and the fuel
 * the thrusters draw from their tanks.
 *
 * @module
 */

import type { CommandStatement } from "../../script/ast.ts";
import type { Diagnostics } from "../diagnostics.ts";
import type { Model } from "../model.ts";
import { FiniteBurnResource } from "../resources/finite_burn.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import type { Runtime } from "../runtime.ts";
import type { Command } from "./command.ts";

/** Compile `BeginFiniteBurn` or `EndFiniteBurn`. */
export function compileFiniteBurnCommand(
  cmd: CommandStatement,
  model: Model,
  diag: Diagnostics,
): Command {
  const d = cmd.detail;
  if (d?.kind !== "burn" || d.spacecraft.length === 0) {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, `expected ${cmd.name} Burn(Spacecraft)`, {
      construct: cmd.name,
      hint: `write e.g. '${cmd.name} FB(Sat)'`,
    });
  }
  const burn = model.get(d.burn, FiniteBurnResource);
  if (!burn) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", d.burnPos, `'${d.burn}' is not a FiniteBurn`, {
      construct: cmd.name,
      hint: "create it with 'Create FiniteBurn' and set its Thrusters",
    });
  }
  const sats = d.spacecraft.map(({ name, pos }) => {
    const sc = model.get(name, SpacecraftResource);
    if (!sc) {
      diag.fail("SCRIPT_UNKNOWN_RESOURCE", pos, `'${name}' is not a Spacecraft`, {
        construct: cmd.name,
        hint: "fire burns on spacecraft created with 'Create Spacecraft'",
      });
    }
    for (const t of burn.thrusters) {
      if (!sc.thrusters.includes(t)) {
        diag.fail(
          "SCRIPT_BAD_VALUE",
          pos,
          `${name} has no thruster ${t}, which ${burn.name} fires`,
          {
            construct: `${cmd.name}`,
            hint: `add ${t} to ${name}.Thrusters`,
          },
        );
      }
    }
    return sc;
  });
  const begin = cmd.name === "BeginFiniteBurn";
  return {
    name: cmd.name,
    pos: cmd.pos,
    run(rt: Runtime) {
      for (const sc of sats) {
        const burns = rt.of(sc).burns;
        if (begin) burns.add(burn);
        else burns.delete(burn);
      }
    },
  };
}
