/**
 * A spacecraft's propulsion hardware for one run: its own copies of the tanks and thrusters its
 * `Tanks` and `Thrusters` lists name (GMAT clones hardware into each spacecraft, so
 * `Sat1.Tank.FuelMass` and `Sat2.Tank.FuelMass` deplete separately), built from the script's
 * ChemicalTank and ChemicalThruster resources with the propulsion physics' checks.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";
import { ChemicalTank, ChemicalThruster, type Tank, type Thruster } from "../physics/mod.ts";
import { ScriptError } from "../script/errors.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type { Model } from "./model.ts";
import { ChemicalTankResource } from "./resources/chemical_tank.ts";
import { ChemicalThrusterResource } from "./resources/chemical_thruster.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";

/** The tanks and thrusters of one spacecraft. */
export interface Hardware {
  /** Tanks in `Tanks` order, with their fuel at the start of the run. */
  readonly tanks: readonly Tank[];
  /** Thrusters in `Thrusters` order. */
  readonly thrusters: readonly Thruster[];
}

/**
 * Build a spacecraft's hardware, refusing unknown names and settings GMAT rejects at the
 * spacecraft's `Tanks`/`Thrusters` line.
 *
 * @throws {ScriptError} `SCRIPT_UNKNOWN_RESOURCE`, `ENGINE_UNSUPPORTED` or `SCRIPT_BAD_VALUE`.
 */
export function buildHardware(model: Model, sc: SpacecraftResource, diag: Diagnostics): Hardware {
  const at = (field: string) => sc.assigned.get(field) ?? sc.pos;
  const lookup = <T>(name: string, field: string, cls: abstract new (...a: never[]) => T): T => {
    const r = model.resources.get(name);
    if (r instanceof cls) return r;
    if (r && /^Electric/.test(r.typeName)) {
      return diag.unsupported(at(field), `the ${r.typeName} ${name}`, {
        construct: r.typeName,
        hint: "electric propulsion needs a power system, which the built-in engine does not model",
      });
    }
    return diag.fail(
      r ? "SCRIPT_BAD_VALUE" : "SCRIPT_UNKNOWN_RESOURCE",
      at(field),
      `${sc.name}.${field} names '${name}', which is not a ${
        field === "Tanks" ? "ChemicalTank" : "ChemicalThruster"
      }`,
      {
        construct: `Spacecraft.${field}`,
        hint: `create it with 'Create ${
          field === "Tanks" ? "ChemicalTank" : "ChemicalThruster"
        } ${name}'`,
      },
    );
  };
  try {
    const tanks = sc.tanks.map((n) =>
      new ChemicalTank(n, lookup(n, "Tanks", ChemicalTankResource).settings)
    );
    const thrusters = sc.thrusters.map((n) => {
      const r = lookup(n, "Thrusters", ChemicalThrusterResource);
      for (const t of r.settings.tanks) {
        if (!sc.tanks.includes(t)) {
          diag.fail(
            "SCRIPT_BAD_VALUE",
            r.assigned.get("Tank") ?? r.pos,
            `thruster ${n} draws from ${t}, which ${sc.name} does not carry`,
            {
              construct: "ChemicalThruster.Tank",
              hint: `add ${t} to ${sc.name}.Tanks`,
            },
          );
        }
      }
      return new ChemicalThruster(n, r.settings, r.coefficients);
    });
    return { tanks, thrusters };
  } catch (e) {
    if (e instanceof GmatSweepError && !(e instanceof ScriptError)) {
      return diag.fail("SCRIPT_BAD_VALUE", at("Tanks"), e.message, {
        construct: "propulsion hardware",
        hint: "fix the tank or thruster setting the message names",
      });
    }
    throw e;
  }
}
