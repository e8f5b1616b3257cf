/**
 * The physics constants carry GMAT R2026a's values (GmatDefaults.hpp, GmatConstants.hpp).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  A1_MINUS_TAI,
  EARTH_FLATTENING,
  EARTH_MU,
  EARTH_RADIUS,
  GMAT_MJD_JD_OFFSET,
  MJD_OF_J2000,
  SECONDS_PER_DAY,
  TT_MINUS_TAI,
} from "../../src/physics/mod.ts";

Deno.test("constants have GMAT's values", () => {
  assert.deepEqual(
    [
      EARTH_MU,
      EARTH_RADIUS,
      EARTH_FLATTENING,
      A1_MINUS_TAI,
      TT_MINUS_TAI,
      MJD_OF_J2000,
      GMAT_MJD_JD_OFFSET,
      SECONDS_PER_DAY,
    ],
    [398600.4415, 6378.1363, 0.0033527, 0.0343817, 32.184, 21545.0, 2430000.0, 86400],
  );
});
