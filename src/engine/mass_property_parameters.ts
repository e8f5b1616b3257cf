/**
 * GMAT's spacecraft mass-property parameters `Sat.SystemCenterOfMassX..Z` (m) and
 * `Sat.SystemMomentOfInertiaXX..ZZ` (kg m^2): the analytic centre of mass and inertia of the dry
 * part and the current fuel of each tank (`mass_properties.ts`), for a spacecraft whose
 * `ExtendedMassPropertiesModel` is `CenterOfMassAndMomentOfInertia`. Other spacecraft are
 * refused by name (GMAT reports values the engine does not compute for them).
 *
 * @module
 */

import type { SourcePos } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";
import { type INERTIA_ELEMENTS, type MassPart, systemMassProperties } from "./mass_properties.ts";
import type { BoundParameter, ParameterScope, Snapshot } from "./parameter_types.ts";
import type { FuelMassLayout } from "./resources/chemical_tank.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";

const PARAMETER_RE = /^System(CenterOfMass([XYZ])|MomentOfInertia(XX|XY|XZ|YY|YZ|ZZ))$/;

/**
 * Whether a quantity name is one of these parameters.
 *
 * @param quantity The last part of the parameter name.
 */
export function isMassPropertyParameter(quantity: string): boolean {
  return PARAMETER_RE.test(quantity);
}

/**
 * Bind `Sat.SystemCenterOfMassX` and the like.
 *
 * @param name The parameter as written.
 * @param sc Its spacecraft.
 * @param quantity `SystemCenterOfMassX` ... `SystemMomentOfInertiaZZ`.
 * @param pos Where it is written.
 * @param scope Resource lookup (the spacecraft's tanks).
 * @param diag Error sink.
 * @returns The bound parameter.
 * @throws {ScriptError} `ENGINE_UNSUPPORTED` when the spacecraft models no mass properties.
 */
export function bindMassPropertyParameter(
  name: string,
  sc: SpacecraftResource,
  quantity: string,
  pos: SourcePos,
  scope: ParameterScope,
  diag: Diagnostics,
): BoundParameter {
  const m = PARAMETER_RE.exec(quantity)!;
  if (sc.massPropertiesModel !== "CenterOfMassAndMomentOfInertia") {
    diag.unsupported(pos, `parameter ${name} of a spacecraft without extended mass properties`, {
      construct: `parameter ${quantity}`,
      hint: `set ${sc.name}.ExtendedMassPropertiesModel = 'CenterOfMassAndMomentOfInertia' ` +
        "(the engine computes these only from the analytic model)",
    });
  }
  const tankLayouts: FuelMassLayout[] = sc.tanks.map((t) => {
    const tank = scope.tank?.(t);
    if (!tank) {
      return diag.fail(
        "SCRIPT_UNKNOWN_RESOURCE",
        pos,
        `${sc.name}'s tank ${t} is not a ChemicalTank`,
        {
          construct: `parameter ${quantity}`,
          hint: `create it with 'Create ChemicalTank ${t}'`,
        },
      );
    }
    return tank.fuelLayout;
  });
  const pick = m[2] !== undefined
    ? (p: ReturnType<typeof systemMassProperties>) => p.centerOfMass["XYZ".indexOf(m[2])]
    : (p: ReturnType<typeof systemMassProperties>) =>
      p.inertia[m[3].toLowerCase() as Lowercase<(typeof INERTIA_ELEMENTS)[number]>];
  return {
    name,
    isString: false,
    spacecraft: sc,
    stop: { kind: "value" },
    evaluate: (snap: Snapshot | undefined) => {
      if (!snap) throw new Error(`no state for ${name}`);
      const fuel = snap.tanks ?? [];
      const parts: MassPart[] = [{ mass: sc.dryMass, ...sc.dryLayout }];
      tankLayouts.forEach((layout, i) => parts.push({ mass: fuel[i]?.fuelMass ?? 0, ...layout }));
      return pick(systemMassProperties(parts));
    },
  };
}
