/**
 * GMAT's analytic extended mass properties (`ExtendedMassPropertiesModel =
 * 'CenterOfMassAndMomentOfInertia'`, `ExtendedMassPropertiesModelType = 'Analytic'`): the
 * spacecraft's centre of mass and inertia tensor from its dry part and the fuel in each tank.
 *
 * Each part has a mass, a centre of mass (m) and an inertia tensor about its own centre of mass
 * (kg m^2, the tensor's elements: products of inertia as GMAT stores them, `Ixy = -∫xy dm`
 * about the part's centre). The system centre of mass is the mass-weighted mean of the parts';
 * the system tensor is the sum of the parts' tensors moved to it by the parallel-axis theorem,
 * `I += m (|d|^2 E - d d^T)` with `d` the part's offset from the system centre. The fuel parts
 * carry their tank's current fuel mass, so the result moves as a burn drains a tank.
 *
 * @module
 */

/** The six independent elements of a symmetric inertia tensor, kg m^2. */
export interface Inertia {
  readonly xx: number;
  readonly xy: number;
  readonly xz: number;
  readonly yy: number;
  readonly yz: number;
  readonly zz: number;
}

/** One part of the spacecraft: the dry vehicle or a tank's fuel. */
export interface MassPart {
  /** Mass, kg. */
  readonly mass: number;
  /** Centre of mass, m. */
  readonly centerOfMass: readonly [number, number, number];
  /** Inertia tensor about its own centre of mass. */
  readonly inertia: Inertia;
}

/** The system's centre of mass and inertia tensor about it. */
export interface SystemMassProperties {
  readonly centerOfMass: readonly [number, number, number];
  readonly inertia: Inertia;
}

/** The element names GMAT's parameters use, in GMAT's order. */
export const INERTIA_ELEMENTS = ["XX", "XY", "XZ", "YY", "YZ", "ZZ"] as const;

/**
 * The system centre of mass and inertia of a set of parts (see the module doc).
 *
 * @param parts The dry part and the fuel parts.
 * @returns The centre of mass (the origin when the total mass is 0) and the inertia about it.
 */
export function systemMassProperties(parts: readonly MassPart[]): SystemMassProperties {
  let m = 0;
  const c = [0, 0, 0];
  for (const p of parts) {
    m += p.mass;
    for (let k = 0; k < 3; k++) c[k] += p.mass * p.centerOfMass[k];
  }
  if (m !== 0) { for (let k = 0; k < 3; k++) c[k] /= m; }
  let xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
  for (const p of parts) {
    const dx = p.centerOfMass[0] - c[0];
    const dy = p.centerOfMass[1] - c[1];
    const dz = p.centerOfMass[2] - c[2];
    xx += p.inertia.xx + p.mass * (dy * dy + dz * dz);
    yy += p.inertia.yy + p.mass * (dx * dx + dz * dz);
    zz += p.inertia.zz + p.mass * (dx * dx + dy * dy);
    xy += p.inertia.xy - p.mass * dx * dy;
    xz += p.inertia.xz - p.mass * dx * dz;
    yz += p.inertia.yz - p.mass * dy * dz;
  }
  return { centerOfMass: [c[0], c[1], c[2]], inertia: { xx, xy, xz, yy, yz, zz } };
}
