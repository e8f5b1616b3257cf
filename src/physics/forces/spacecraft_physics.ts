/**
 * What a force needs to know of a spacecraft (mass, drag and SRP coefficients and areas): the
 * one type every non-gravitational force shares, apart from the force model that sums them.
 *
 * @module
 */

/** The physical properties of one spacecraft the forces read. */
export interface SpacecraftPhysics {
  /** Total mass, kg. */
  readonly massKg: number;
  /** Drag coefficient. */
  readonly cd: number;
  /** Drag area, m^2. */
  readonly dragAreaM2: number;
  /** Reflectivity coefficient. */
  readonly cr: number;
  /** SRP area, m^2. */
  readonly srpAreaM2: number;
}
