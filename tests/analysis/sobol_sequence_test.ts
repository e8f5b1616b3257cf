/**
 * The Sobol sequence: unscrambled points equal scipy's `qmc.Sobol(d, scramble=False)` bit for bit
 * in all 32 dimensions (so the Joe-Kuo table and the Gray-code recursion are right), start with the
 * published first points, and scrambled points keep the net properties (one point per elementary
 * interval) and are reproducible from their seed.
 */
import assert from "node:assert/strict";
import { AnalysisError, sobolPoints } from "../../src/analysis/mod.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { numpy } from "./_support.ts";

const HAS_SCIPY: boolean = (() => {
  try {
    return new Deno.Command("/usr/bin/python3", {
      args: ["-c", "from scipy.stats import qmc"],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
})();

Deno.test({
  name: "sobolPoints() equals scipy's unscrambled Sobol in 32 dimensions, from any start",
  ignore: ignoreUnless(HAS_SCIPY),
  async fn() {
    requireComponent(HAS_SCIPY, "/usr/bin/python3 with scipy (Debian python3-scipy)");
    const expected = await numpy<number[]>(
      "from scipy.stats import qmc\n" +
        "result = qmc.Sobol(32, scramble=False).random(4096).ravel().tolist()",
      null,
    );
    assert.deepEqual(Array.from(sobolPoints(32, 4096)), expected);
    assert.deepEqual(
      Array.from(sobolPoints(32, 1000, { skip: 3000 })),
      expected.slice(3000 * 32, 4000 * 32),
    );
  },
});

Deno.test("sobolPoints() starts with the published first points of the sequence", () => {
  const first = [
    [0, 0, 0],
    [0.5, 0.5, 0.5],
    [0.75, 0.25, 0.25],
    [0.25, 0.75, 0.75],
    [0.375, 0.375, 0.625],
    [0.875, 0.875, 0.125],
    [0.625, 0.125, 0.875],
    [0.125, 0.625, 0.375],
  ];
  assert.deepEqual(Array.from(sobolPoints(3, 8)), first.flat());
  assert.deepEqual(Array.from(sobolPoints(3, 3, { skip: 5 })), first.slice(5).flat());
  assert.throws(
    () => sobolPoints(33, 4),
    (e) => e instanceof AnalysisError && /1 to 32/.test(e.message),
  );
  assert.throws(() => sobolPoints(2, 2, { skip: 2 ** 32 - 1 }), AnalysisError);
});

/** Whether every elementary box [a/2^p, (a+1)/2^p) x [b/2^q, ...) holds exactly one point. */
function oneInEachBox(points: Float64Array, d: number, j: number, k: number, p: number, q: number) {
  const n = points.length / d;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.floor(points[i * d + j] * 2 ** p);
    const b = k < 0 ? 0 : Math.floor(points[i * d + k] * 2 ** q);
    seen[a * 2 ** q + b]++;
  }
  return seen.every((c) => c === 1);
}

Deno.test("scrambled sobolPoints() keep the net property and depend only on their seed", () => {
  const d = 32;
  for (const skip of [0, 1024]) {
    const pts = sobolPoints(d, 1024, { skip, scrambleSeed: 5 });
    assert.ok(pts.every((v) => v > 0 && v < 1));
    for (let j = 0; j < d; j++) {
      assert.ok(oneInEachBox(pts, d, j, -1, 10, 0), `dimension ${j}, skip ${skip}`);
    }
    // Dimensions 1 and 2 of Sobol's sequence form a (0, m, 2)-net: any 2^-a x 2^-(10-a) box.
    for (const a of [0, 3, 5, 7, 10]) {
      assert.ok(oneInEachBox(pts, d, 0, 1, a, 10 - a), `boxes 2^-${a} x 2^-${10 - a}`);
    }
  }
  const again = sobolPoints(4, 64, { scrambleSeed: 5 });
  assert.deepEqual(again, sobolPoints(4, 64, { scrambleSeed: 5 }));
  assert.notDeepEqual(again, sobolPoints(4, 64, { scrambleSeed: 6 }));
  assert.notDeepEqual(again, sobolPoints(4, 64));
});
