/**
 * Swept fields that provably do not change a run: a spacecraft's drag coefficient and area when
 * no force model of the script has drag, its SRP coefficient and area when none has SRP, its dry
 * mass when nothing the engine computes depends on mass (no drag, no SRP, no finite burn) — and,
 * in each case, nothing in the script reads the field (a report, a condition, an assignment's
 * right-hand side, a parameter computed from it such as the mass properties, a `Write` of the
 * whole spacecraft). Sweeping such a field runs identical runs; the sweep warns before starting.
 *
 * @module
 */

import { parseScript } from "../script/parser.ts";
import { insertOverrides, type OverrideValue } from "../script/overrides.ts";
import { Diagnostics } from "./diagnostics.ts";
import { buildModel } from "./model.ts";
import { FiniteBurnResource } from "./resources/finite_burn.ts";
import { PropagatorResource } from "./resources/propagator.ts";
import { SpacecraftResource } from "./resources/spacecraft.ts";

/** Which physics reads a spacecraft field, and the fields a script may read it through. */
const READERS: Readonly<Record<string, { needs: "drag" | "srp" | "mass"; names: string[] }>> = {
  Cd: { needs: "drag", names: ["Cd"] },
  DragArea: { needs: "drag", names: ["DragArea"] },
  Cr: { needs: "srp", names: ["Cr"] },
  SRPArea: { needs: "srp", names: ["SRPArea"] },
  // The mass properties weigh the dry mass against the tanks' fuel (`mass_property_parameters.ts`).
  DryMass: {
    needs: "mass",
    names: ["DryMass", "TotalMass", "SystemCenterOfMass[XYZ]", "SystemMomentOfInertia[XYZ]{2}"],
  },
};

const WHY: Readonly<Record<"drag" | "srp" | "mass", string>> = {
  drag: "no force model in the script has drag (Drag.AtmosphereModel = None)",
  srp: "no force model in the script has solar radiation pressure (SRP = Off)",
  mass: "nothing the mission computes depends on mass (no drag, no SRP, no finite burn)",
};

/**
 * True when the script reads `owner.field` anywhere but as the target of an assignment, or
 * writes the whole object (`Write owner`, which prints every field). `names` are regular
 * expression fragments.
 */
function readsField(text: string, owner: string, names: readonly string[]): boolean {
  if (new RegExp(`^[ \\t]*Write\\b[^\\n%]*(?<![\\w.])${owner}(?![\\w.])`, "m").test(text)) {
    return true;
  }
  for (const name of names) {
    const re = new RegExp(`(?<![\\w.])${owner}\\.${name}(?![\\w.])`, "g");
    for (const m of text.matchAll(re)) {
      const before = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
      const after = text.slice(m.index + m[0].length);
      const assigned = /^\s*(GMAT\s+)?$/.test(before) && /^\s*=(?!=)/.test(after);
      if (!assigned) return true;
    }
  }
  return false;
}

/**
 * Warnings for swept fields that cannot change the run, one per field.
 *
 * @param text The script text.
 * @param file The script path, for parsing.
 * @param overrides The first run's overrides (the fields every run sets).
 * @returns One sentence per such field (empty when every swept field can matter, or when the
 *   script cannot be read this way: the run itself then says what is wrong).
 */
export function sweptFieldsWithoutEffect(
  text: string,
  file: string,
  overrides: Readonly<Record<string, OverrideValue>>,
): string[] {
  let model;
  try {
    const script = parseScript(insertOverrides(text, overrides, { file }), { file });
    model = buildModel(script, new Diagnostics(script));
  } catch {
    return [];
  }
  const forces = model.all(PropagatorResource).map((p) => model.forceModelOf(p));
  const has = {
    drag: forces.some((f) => f.drag !== "None"),
    srp: forces.some((f) => f.srp),
    mass: false,
  };
  has.mass = has.drag || has.srp || model.all(FiniteBurnResource).length > 0;
  const warnings: string[] = [];
  for (const key of Object.keys(overrides)) {
    const [owner, field, ...rest] = key.split(".");
    const reader = READERS[field];
    if (rest.length > 0 || reader === undefined || !model.get(owner, SpacecraftResource)) continue;
    if (has[reader.needs] || readsField(text, owner, reader.names)) continue;
    warnings.push(
      `swept field ${key} changes nothing: ${WHY[reader.needs]} and the script never reads it; ` +
        "every run of the sweep will be the same",
    );
  }
  return warnings;
}
