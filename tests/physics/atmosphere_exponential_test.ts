/**
 * GMAT's Exponential atmosphere against GMAT's own table file
 * (`EarthExponentialAtmosphereData.txt`,
 * copied byte-exact from GMAT R2026a) read independently here: density at every band's base height
 * is the tabulated base density, and between bases it follows rho0 exp(-(h - h0) / H) of the band
 * whose base is the highest one at or below h (GMAT's `FindBand`).
 */

import assert from "node:assert/strict";
import {
  EXPONENTIAL_BANDS,
  exponentialDensity,
  parseExponentialTable,
} from "../../src/physics/atmosphere/exponential.ts";
import { AtmosphereError } from "../../src/physics/atmosphere/atmosphere_error.ts";
import { DEFAULT_EXPONENTIAL_FILE } from "../../src/physics/atmosphere/space_weather.ts";
import { assertClose } from "./_assert.ts";

/** The table file, split by hand: [h0 km, rho0 kg/m^3, H km] per non-blank line. */
async function fileRows(): Promise<number[][]> {
  const text = await Deno.readTextFile(DEFAULT_EXPONENTIAL_FILE);
  return text.split("\n").filter((l) => l.trim() !== "").map((l) =>
    l.split(",").map((f) => parseFloat(f))
  );
}

Deno.test("exponential: the built-in bands are GMAT's file, 28 bands 0-1000 km", async () => {
  const rows = await fileRows();
  assert.equal(rows.length, 28);
  assert.deepEqual(
    EXPONENTIAL_BANDS.map((b) => [b.baseHeightKm, b.baseDensity, b.scaleHeightKm]),
    rows,
  );
  const text = await Deno.readTextFile(DEFAULT_EXPONENTIAL_FILE);
  assert.deepEqual(parseExponentialTable(text), EXPONENTIAL_BANDS);
  // GMAT's correction of Vallado's 350 km density (9.158e-12 in the book).
  assert.equal(rows[19][0], 350);
  assert.equal(rows[19][1], 9.518e-12);
});

Deno.test("exponential: base heights give the tabulated densities", async () => {
  for (const [h0, rho0] of await fileRows()) {
    assert.equal(exponentialDensity({ heightKm: h0 }), rho0, `h = ${h0} km`);
  }
});

Deno.test("exponential: the exponential law inside each band and above 1000 km", async () => {
  const rows = await fileRows();
  for (let i = 0; i < rows.length; i++) {
    const [h0, rho0, scale] = rows[i];
    const top = i + 1 < rows.length ? rows[i + 1][0] : h0 + 500;
    for (const f of [0.25, 0.5, 0.999]) {
      const h = h0 + f * (top - h0);
      assertClose(
        exponentialDensity({ heightKm: h }),
        rho0 * Math.exp(-(h - h0) / scale),
        { rtol: 1e-15 },
        `h = ${h} km`,
      );
    }
  }
  // 400 km: 3.725e-12 kg/m^3 at the base; 425 km is half a band up with H = 58.515 km.
  assertClose(exponentialDensity({ heightKm: 425 }), 3.725e-12 * Math.exp(-25 / 58.515), {
    rtol: 1e-15,
  });
});

Deno.test("exponential: a negative height is refused with an actionable error", () => {
  assert.throws(() => exponentialDensity({ heightKm: -0.1 }), AtmosphereError);
  assert.throws(() => parseExponentialTable("0, 1.2\n"), /three comma-separated numbers/);
});
