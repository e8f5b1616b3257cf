/**
 * What assigning a number does at run time (a Variable, a spacecraft state element or physical
 * property, an ImpulsiveBurn element): shared by mission assignments and the `Vary` command,
 * which is why it lives apart from both.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { cartesianToKeplerian, EARTH_MU, keplerianToCartesian } from "../../physics/mod.ts";
import { type Diagnostics, didYouMean } from "../diagnostics.ts";
import type { Model } from "../model.ts";
import { ImpulsiveBurnResource } from "../resources/impulsive_burn.ts";
import { CARTESIAN_FIELDS, KEPLERIAN_FIELDS, SpacecraftResource } from "../resources/spacecraft.ts";
import { VariableResource } from "../resources/variable.ts";
import type { Runtime } from "../runtime.ts";

/** Sets a number-valued target at run time. */
export type NumericSetter = (rt: Runtime, x: number) => void;

/**
 * What assigning a number to `lhs` does at run time: a Variable, a spacecraft state element,
 * DryMass, Cd, Cr, DragArea, SRPArea or an ImpulsiveBurn element (what mission assignments and
 * `Vary` commands set).
 *
 * @param lhs The target as written.
 * @param parts Its dotted path.
 * @param pos Where it is, for errors.
 * @throws {ScriptError} For an unknown resource or a target the engine does not set.
 */
export function numericSetter(
  lhs: string,
  parts: readonly string[],
  pos: SourcePos,
  model: Model,
  diag: Diagnostics,
): NumericSetter {
  const target = model.resources.get(parts[0]);
  const fail = (message: string, hint: string): never =>
    diag.unsupported(pos, message, {
      construct: `assignment to ${target?.typeName ?? "?"}.${parts.slice(1).join(".")}`,
      hint,
    });
  let apply: NumericSetter;
  if (target instanceof VariableResource && parts.length === 1) {
    apply = (_rt, x) => void (target.value = x);
  } else if (target instanceof SpacecraftResource && parts.length === 2) {
    const field = parts[1];
    const ci = (CARTESIAN_FIELDS as readonly string[]).indexOf(field);
    const ki = (KEPLERIAN_FIELDS as readonly string[]).indexOf(field);
    const frame = model.frameOf(target.coordinateSystem);
    if ((ci >= 0 || ki >= 0) && frame?.isEarthMJ2000Eq !== true) {
      return fail(
        `assigning ${lhs} during the mission in ${target.coordinateSystem}`,
        "mission-time state assignments are EarthMJ2000Eq; give the state before the mission",
      );
    }
    if (ci >= 0) {
      apply = (rt, x) => {
        const s = rt.of(target);
        const next = Float64Array.from(s.state);
        next[ci] = x;
        s.state = next;
      };
    } else if (ki >= 0) {
      apply = (rt, x) => {
        const s = rt.of(target);
        const k = cartesianToKeplerian(s.state, EARTH_MU);
        const el = [k.sma, k.ecc, k.inc, k.raan, k.aop, k.ta];
        el[ki] = x;
        const [sma, ecc, inc, raan, aop, ta] = el;
        s.state = Float64Array.from(
          keplerianToCartesian({ sma, ecc, inc, raan, aop, ta }, EARTH_MU),
        );
      };
    } else if (field === "DryMass") {
      apply = (_rt, x) => void (target.dryMass = x);
    } else if (["Cd", "Cr", "DragArea", "SRPArea"].includes(field)) {
      // Read by drag and SRP when the next Propagate builds its force model.
      apply = (_rt, x) => void (target.properties[field] = x);
    } else {
      return fail(
        `assigning ${lhs} during the mission`,
        "the engine assigns state elements (X..VZ, SMA..TA), DryMass, Cd, Cr, DragArea, " +
          "SRPArea and Variables",
      );
    }
  } else if (
    target instanceof ImpulsiveBurnResource && parts.length === 2 && /^Element[123]$/.test(parts[1])
  ) {
    const i = Number(parts[1].slice(-1)) - 1;
    apply = (_rt, x) => void (target.elements[i] = x);
  } else if (!target) {
    return diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      pos,
      `'${parts[0]}' is not defined${didYouMean(parts[0], model.resources.keys())}`,
      { construct: "assignment", hint: `create it first, e.g. 'Create Variable ${parts[0]}'` },
    );
  } else {
    return fail(
      `assigning ${lhs} during the mission`,
      "the engine assigns Variables, Arrays, Strings, spacecraft state elements, DryMass and " +
        "burn elements",
    );
  }
  return apply;
}
