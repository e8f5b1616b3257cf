/**
 * B-plane coordinates against independent relations: |B| is the impact parameter h / v_inf, B is
 * perpendicular to the incoming asymptote, the coordinates are constants of a Kepler hyperbola
 * (same values all along it), and an equatorial prograde flyby has B . R = 0 and B . T = |B|
 * with T = (S_y, -S_x, 0), as GMAT's axes make it. Elliptic orbits are refused.
 */
import assert from "node:assert/strict";
import { bPlane } from "../../src/physics/state/bplane.ts";
import { keplerPropagate } from "../../src/physics/mod.ts";

const MU_MOON = 4902.8005821478;

function hyperbola(inc: number): Float64Array {
  // Periapsis 2000 km, v_inf 1 km/s about the Moon, inclined by `inc` degrees about X.
  const rp = 2000, vinf = 1;
  const vp = Math.sqrt(vinf * vinf + 2 * MU_MOON / rp);
  const i = inc * Math.PI / 180;
  return Float64Array.from([rp, 0, 0, 0, vp * Math.cos(i), vp * Math.sin(i)]);
}

Deno.test("|B| is the impact parameter and constant along a Kepler hyperbola", () => {
  for (const inc of [0, 30, 97, 150]) {
    const s0 = hyperbola(inc);
    for (const t of [-20000, -5000, 0, 3000]) {
      const s = keplerPropagate(s0, MU_MOON, t);
      const [x, y, z, vx, vy, vz] = s;
      const h = Math.hypot(y * vz - z * vy, z * vx - x * vz, x * vy - y * vx);
      const vinf = Math.sqrt(vx * vx + vy * vy + vz * vz - 2 * MU_MOON / Math.hypot(x, y, z));
      const b = bPlane(s, MU_MOON), b0 = bPlane(s0, MU_MOON);
      assert.ok(Math.abs(b.BVectorMag - h / vinf) < 1e-9 * b.BVectorMag, `inc ${inc} t ${t}`);
      assert.ok(Math.abs(b.BdotT - b0.BdotT) < 1e-7 && Math.abs(b.BdotR - b0.BdotR) < 1e-7);
    }
  }
});

Deno.test("equatorial prograde flyby: B . R = 0, B . T = |B|; tilting the plane moves B off T", () => {
  const eq = bPlane(hyperbola(0), MU_MOON);
  assert.ok(Math.abs(eq.BdotR) < 1e-9);
  // S = e/|e| + sqrt(1 - 1/e^2) n lies in the XY plane, T = (S_y, -S_x, 0) in the orbit plane
  // and B = b (sqrt(1 - 1/e^2) e_hat - n_hat / e) is parallel to T.
  assert.ok(Math.abs(eq.BdotT - eq.BVectorMag) < 1e-9);
  assert.ok(Math.abs(eq.BVectorAngle) < 1e-9);
  // Tilting the orbit plane moves B out of the T axis: BdotR grows with sin(inc).
  const tilted = bPlane(hyperbola(30), MU_MOON);
  assert.ok(Math.abs(tilted.BdotR) > 0.1 * tilted.BVectorMag);
  assert.throws(() => bPlane([7000, 0, 0, 0, 7.5, 0], 398600.4415), /hyperbolic/);
});
