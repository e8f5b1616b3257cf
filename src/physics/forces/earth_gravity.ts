/**
 * Earth's spherical-harmonic gravity as a right-hand side for the integrators, the way GMAT's
 * `GravityField::Calculate` applies it: at the stage epoch, rotate each spacecraft position from
 * EarthMJ2000Eq into EarthFixed (FK5 chain with EOP, `earth_fixed.ts`), evaluate the field there
 * (central term with the file's mu + harmonics, `harmonic_gravity.ts`) and rotate the acceleration
 * back with the transpose. This is the whole Earth gravity: no separate point mass is added.
 *
 * The stage epoch is the base A1 epoch plus the integrator's elapsed seconds `t`.
 *
 * @module
 */

import type { Derivatives } from "../integrators/settings.ts";
import type { GmatDataSet } from "../data/gmat_data.ts";
import { HarmonicField } from "../gravity/harmonic_gravity.ts";
import { EarthFixedFrame } from "../frames/earth_fixed.ts";
import { NutationCache } from "../frames/iau1980_nutation.ts";

/** What the Earth-gravity force needs: the field and the Earth-fixed frame (with its cache). */
export interface EarthGravityContext {
  /** The harmonic field (file, degree, order). */
  readonly field: HarmonicField;
  /** EarthMJ2000Eq -> EarthFixed rotation, owning the nutation cache. */
  readonly frame: EarthFixedFrame;
}

/** GMAT `ForceModel.GravityField.Earth` settings. */
export interface EarthGravityOptions {
  /** `PotentialFile` (default `JGM2.cof`, GMAT's default). */
  readonly potentialFile?: string;
  /** `Degree` (default 4). */
  readonly degree?: number;
  /** `Order` (default 4). */
  readonly order?: number;
  /** Earth's `NutationUpdateInterval`, seconds (default 60). */
  readonly nutationUpdateInterval?: number;
}

/**
 * Loads the data and builds a fresh context (its own field work arrays and nutation cache). Use
 * one context per propagation running at a time.
 *
 * @param data The caller's data set (files are parsed once per set).
 * @param options Gravity-field settings; GMAT's defaults are JGM-2, degree 4, order 4.
 * @throws {import("../data/data_file_error.ts").DataFileError} When a data file is missing or bad.
 * @throws {import("../gravity/gravity_model_error.ts").GravityModelError} For a bad degree/order.
 */
export async function loadEarthGravityContext(
  data: GmatDataSet,
  options: EarthGravityOptions = {},
): Promise<EarthGravityContext> {
  const degree = options.degree ?? 4;
  const order = options.order ?? 4;
  const file = options.potentialFile ?? "JGM2.cof";
  const limit = Number.isInteger(degree) && degree >= 0 ? { maxDegree: degree } : {};
  const [coefs, orientation] = await Promise.all([
    data.gravity(file, limit),
    data.earthOrientation(),
  ]);
  const field = new HarmonicField(coefs, degree, order);
  const frame = new EarthFixedFrame(
    orientation,
    new NutationCache(options.nutationUpdateInterval ?? 60),
  );
  return Object.freeze({ field, frame });
}

/**
 * The derivative function of `count` spacecraft under Earth harmonic gravity.
 *
 * @param context Field and frame (the frame's nutation cache is updated as GMAT's would be).
 * @param epochA1Mjd A1 epoch (GMAT MJD) at elapsed time t = 0.
 * @param count Number of spacecraft (6 state components each, EarthMJ2000Eq, km and km/s).
 * @returns dy/dt = [v, a] per spacecraft; allocates nothing per call.
 */
export function earthGravityDerivatives(
  context: EarthGravityContext,
  epochA1Mjd: number,
  count = 1,
): Derivatives {
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`Spacecraft count must be an integer >= 1, got ${count}`);
  }
  if (!Number.isFinite(epochA1Mjd)) {
    throw new RangeError(`Epoch must be a finite A1 modified Julian date, got ${epochA1Mjd}`);
  }
  const { field, frame } = context;
  const rot = new Float64Array(9);
  const acc = new Float64Array(3);
  const n = 6 * count;
  return (t: number, y: Float64Array, dydt: Float64Array): void => {
    frame.rotation(epochA1Mjd, rot, t);
    for (let i = 0; i < n; i += 6) {
      const x = y[i];
      const yy = y[i + 1];
      const z = y[i + 2];
      field.acceleration(
        rot[0] * x + rot[1] * yy + rot[2] * z,
        rot[3] * x + rot[4] * yy + rot[5] * z,
        rot[6] * x + rot[7] * yy + rot[8] * z,
        acc,
      );
      dydt[i] = y[i + 3];
      dydt[i + 1] = y[i + 4];
      dydt[i + 2] = y[i + 5];
      dydt[i + 3] = rot[0] * acc[0] + rot[3] * acc[1] + rot[6] * acc[2];
      dydt[i + 4] = rot[1] * acc[0] + rot[4] * acc[1] + rot[7] * acc[2];
      dydt[i + 5] = rot[2] * acc[0] + rot[5] * acc[1] + rot[8] * acc[2];
    }
  };
}
