/**
 * GMAT's `BodyInertial` axes for the bodies whose orientation GMAT fixes without a rotation model
 * (`BodyInertialAxes::Initialize`): the Earth's are MJ2000Eq (identity); the Moon's are its
 * equator and prime meridian at the J2000 epoch as GMAT hard-codes them from DE405's lunar
 * orientation. Other bodies' come from IAU rotation elements at the system's Epoch, which the
 * engine does not model (the caller refuses them). The axes do not rotate (zero rate).
 *
 * @module
 */

import type { Rotation } from "./rotating_axes.ts";

/** Bodies whose BodyInertial axes are modelled. */
export type BodyInertialBody = "Earth" | "Luna";

/** Whether `name` is one of {@link BodyInertialBody}. */
export function hasBodyInertialAxes(name: string): name is BodyInertialBody {
  return name === "Earth" || name === "Luna";
}

/**
 * The Moon's BodyInertial rotation (frame -> MJ2000Eq, row-major), GMAT R2026a's constants.
 */
const LUNA_BODY_INERTIAL = [
  0.998496505205088,
  0.0499357293985327,
  -0.0226086714041825,
  -0.0548154092680678,
  0.909610125238044,
  -0.411830900942613,
  0.0,
  0.412451018902689,
  0.91097977859343,
];

/**
 * The BodyInertial rotation of a body (frame -> MJ2000Eq, rate zero).
 *
 * @param body Earth or Luna.
 * @returns A new rotation.
 */
export function bodyInertialRotation(body: BodyInertialBody): Rotation {
  const m = body === "Earth" ? [1, 0, 0, 0, 1, 0, 0, 0, 1] : LUNA_BODY_INERTIAL;
  return { m: Float64Array.from(m), mDot: new Float64Array(9) };
}
