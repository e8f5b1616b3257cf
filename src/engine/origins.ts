/**
 * Which parts of a mission need the body ephemeris: spacecraft states given in a coordinate
 * system about another body or point, or with rotating axes (`Sat.CoordinateSystem =
 * LunaMJ2000Eq`, an ObjectReferenced system), burns in local axes about another body
 * (`Burn.Origin = Luna`) or in such a system. A run that has any loads the body states (DE405)
 * before it starts, so states and parameters can be transformed synchronously.
 *
 * @module
 */

import type { Model } from "./model.ts";
import { ImpulsiveBurnResource } from "./resources/impulsive_burn.ts";
import { SpacecraftResource } from "./resources/spacecraft.ts";

/** Whether a spacecraft state or a burn of `model` needs the body ephemeris. */
export function usesOtherOrigins(model: Model): boolean {
  return model.all(SpacecraftResource).some((sc) =>
    model.frameOf(sc.coordinateSystem)?.needsBodies === true
  ) ||
    model.all(ImpulsiveBurnResource).some((b) =>
      b.coordinateSystem === "Local"
        ? b.origin !== "Earth"
        : model.frameOf(b.coordinateSystem)?.needsBodies === true
    );
}
