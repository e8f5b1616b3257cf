/**
 * Which parts of a mission are relative to a body other than the Earth: spacecraft states given
 * in a coordinate system about another body (`Sat.CoordinateSystem = LunaMJ2000Eq`) and burns in
 * local axes about another body (`Burn.Origin = Luna`). A run that has any loads the body states
 * (DE405) before it starts, so states and parameters can be translated synchronously.
 *
 * @module
 */

import type { Model } from "./model.ts";
import { ImpulsiveBurnResource } from "./resources/impulsive_burn.ts";
import { SpacecraftResource } from "./resources/spacecraft.ts";

/** Whether a spacecraft state or a burn of `model` is relative to a body other than the Earth. */
export function usesOtherOrigins(model: Model): boolean {
  return model.all(SpacecraftResource).some((sc) =>
    (model.originOf(sc.coordinateSystem) ?? "Earth") !== "Earth"
  ) ||
    model.all(ImpulsiveBurnResource).some((b) =>
      b.coordinateSystem === "Local" && b.origin !== "Earth"
    );
}
