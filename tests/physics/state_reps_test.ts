/**
 * GMAT's other orbit state representations (`src/physics/state/representations.ts`): round trips
 * Cartesian -> X -> Cartesian over a battery of orbits, checks against independent formulas, and
 * the NASA GMAT state-conversion truth tables that cover them (STK hyperbolic-asymptote reports,
 * FreeFlyer Brouwer-Lyddane reports).
 *
 * Round-trip tolerance is 1e-9 relative in position and in velocity, except:
 * - Planetodetic, 3e-8: GMAT's inverse turns geodetic into geocentric latitude with a
 *   second-order series in the flattening (iterated on the altitude), not an exact inverse of
 *   its forward iteration; the round trip is good to 1.6e-8 (sun-synchronous case).
 * - BrouwerMeanShort/Long, 1e-8: the osculating -> mean inverse is GMAT's fixed-point iteration
 *   stopped at a relative Cartesian error of 1e-8.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  cartesianToKeplerian,
  EARTH_FLATTENING,
  EARTH_MU,
  EARTH_RADIUS,
  fromCartesian,
  keplerianToAlternateEquinoctial,
  keplerianToCartesian,
  keplerianToModifiedEquinoctial,
  STATE_REPRESENTATIONS,
  StateError,
  type StateRepresentation,
  toCartesian,
  trueToMean,
} from "../../src/physics/mod.ts";
import { geodeticAltitude } from "../../src/physics/frames/earth_tilt.ts";
import { assertAngleClose, assertClose, relativeVectorDifference } from "./_assert.ts";
import { readFreeFlyer, STATECONV_DIR, truthEarthMu } from "./_stateconv_truth.ts";

const BODY = { mu: EARTH_MU, flattening: EARTH_FLATTENING, eqRadius: EARTH_RADIUS };
const DEG = 180 / Math.PI;

interface Orbit {
  name: string;
  sma: number;
  ecc: number;
  inc: number;
  raan: number;
  aop: number;
  ta: number;
}

const BATTERY: Orbit[] = [
  { name: "LEO", sma: 7000, ecc: 0.001, inc: 28.5, raan: 10, aop: 20, ta: 30 },
  { name: "GTO", sma: 24396, ecc: 0.7304, inc: 7, raan: 200, aop: 178, ta: 145 },
  { name: "GEO", sma: 42164, ecc: 2e-4, inc: 0.05, raan: 75, aop: 300, ta: 12 },
  { name: "Molniya", sma: 26600, ecc: 0.74, inc: 63.4, raan: 250, aop: 270, ta: 200 },
  { name: "retrograde", sma: 8000, ecc: 0.05, inc: 150, raan: 300, aop: 40, ta: 250 },
  { name: "near-equatorial", sma: 7200, ecc: 0.02, inc: 0.01, raan: 123, aop: 45, ta: 300 },
  { name: "sun-synchronous", sma: 7078, ecc: 0.0012, inc: 98.2, raan: 5, aop: 90, ta: 359 },
  { name: "hyperbolic", sma: -20000, ecc: 1.5, inc: 40, raan: 60, aop: 80, ta: 30 },
  { name: "hyperbolic retro", sma: -9000, ecc: 2.2, inc: 120, raan: 330, aop: 200, ta: 330 },
];

/** Representations defined for ellipses only. */
const ELLIPTIC_ONLY = new Set<StateRepresentation>([
  "Equinoctial",
  "AlternateEquinoctial",
  "Delaunay",
  "BrouwerMeanShort",
  "BrouwerMeanLong",
]);
const TOL: Partial<Record<StateRepresentation, number>> = {
  Planetodetic: 3e-8,
  BrouwerMeanShort: 1e-8,
  BrouwerMeanLong: 1e-8,
};

/** Battery orbits a representation refuses, as GMAT does, besides hyperbolas. */
const REFUSED: Partial<Record<StateRepresentation, string[]>> = {
  // At the critical inclination (63.4 deg) GMAT drops the long-period terms and its inverse
  // iteration walks to a mean ECC above 0.99, which it refuses.
  BrouwerMeanLong: ["Molniya"],
};

const cartesianOf = ({ sma, ecc, inc, raan, aop, ta }: Orbit) =>
  keplerianToCartesian({ sma, ecc, inc, raan, aop, ta }, EARTH_MU);

for (const rep of Object.keys(STATE_REPRESENTATIONS) as StateRepresentation[]) {
  Deno.test(`${rep}: Cartesian -> ${rep} -> Cartesian over the orbit battery`, () => {
    const tol = TOL[rep] ?? 1e-9;
    for (const o of BATTERY) {
      if ((o.ecc > 1 && ELLIPTIC_ONLY.has(rep)) || REFUSED[rep]?.includes(o.name)) {
        assert.throws(() => fromCartesian(rep, cartesianOf(o), BODY), StateError, o.name);
        continue;
      }
      const s = cartesianOf(o);
      const back = toCartesian(rep, fromCartesian(rep, s, BODY), BODY);
      const dr = relativeVectorDifference(back, s, 0);
      const dv = relativeVectorDifference(back, s, 3);
      assert.ok(dr < tol && dv < tol, `${rep} ${o.name}: position ${dr}, velocity ${dv}`);
    }
  });
}

const TEST_ORBIT = BATTERY[3];

Deno.test("Equinoctial: h, k = e sin/cos(AOP + RAAN), p, q = tan(i/2) sin/cos RAAN, MLONG", () => {
  for (const o of BATTERY.filter((b) => b.ecc < 1)) {
    const [sma, h, k, p, q, mlong] = fromCartesian("Equinoctial", cartesianOf(o), BODY);
    const w = (o.aop + o.raan) / DEG;
    const t = Math.tan(o.inc / 2 / DEG);
    assertClose(sma, o.sma, { rtol: 1e-12 }, `${o.name} SMA`);
    assertClose(h, o.ecc * Math.sin(w), { atol: 1e-12 }, `${o.name} h`);
    assertClose(k, o.ecc * Math.cos(w), { atol: 1e-12 }, `${o.name} k`);
    assertClose(p, t * Math.sin(o.raan / DEG), { atol: 1e-12 }, `${o.name} p`);
    assertClose(q, t * Math.cos(o.raan / DEG), { atol: 1e-12 }, `${o.name} q`);
    const lambda = o.raan + o.aop + trueToMean(o.ta, o.ecc);
    assertAngleClose(mlong, lambda, 1e-9, `${o.name} MLONG`);
  }
});

Deno.test("ModifiedEquinoctial and AlternateEquinoctial agree with the Keplerian formulas", () => {
  for (const o of BATTERY) {
    const s = cartesianOf(o);
    const m = keplerianToModifiedEquinoctial({ ...o });
    const mee = fromCartesian("ModifiedEquinoctial", s, BODY);
    assertClose(mee[0], m.p, { rtol: 1e-12 }, `${o.name} p`);
    [m.f, m.g, m.h, m.k].forEach((x, i) => assertClose(mee[i + 1], x, { atol: 1e-12 }, o.name));
    assertAngleClose(mee[5], m.L, 1e-9, `${o.name} TLONG`);
    if (o.ecc >= 1) continue;
    const a = keplerianToAlternateEquinoctial(o);
    const alt = fromCartesian("AlternateEquinoctial", s, BODY);
    [a.sma, a.h, a.k, a.p, a.q].forEach((x, i) =>
      assertClose(alt[i], x, { rtol: 1e-12, atol: 1e-12 }, o.name)
    );
    assertAngleClose(alt[5], a.mlong, 1e-9, `${o.name} MLONG`);
  }
});

Deno.test("Delaunay: L = sqrt(mu a), G = L sqrt(1 - e^2), H = G cos i, l, g, h", () => {
  for (const o of BATTERY.filter((b) => b.ecc < 1)) {
    const [l, g, h, L, G, H] = fromCartesian("Delaunay", cartesianOf(o), BODY);
    const L0 = Math.sqrt(EARTH_MU * o.sma);
    const G0 = L0 * Math.sqrt(1 - o.ecc * o.ecc);
    assertClose(L, L0, { rtol: 1e-12 }, `${o.name} L`);
    assertClose(G, G0, { rtol: 1e-11 }, `${o.name} G`);
    assertClose(H, G0 * Math.cos(o.inc / DEG), { rtol: 1e-10, atol: 1e-8 }, `${o.name} H`);
    assertAngleClose(l, trueToMean(o.ta, o.ecc), 1e-8, `${o.name} l`);
    if (o.inc > 0.1) {
      assertAngleClose(g, o.aop, 1e-8, `${o.name} g`);
      assertAngleClose(h, o.raan, 1e-8, `${o.name} h`);
    }
  }
});

Deno.test("ModifiedKeplerian: RadPer = a (1 - e), RadApo = a (1 + e), angles unchanged", () => {
  for (const o of BATTERY) {
    const [rp, ra, inc] = fromCartesian("ModifiedKeplerian", cartesianOf(o), BODY);
    assertClose(rp, o.sma * (1 - o.ecc), { rtol: 1e-11 }, `${o.name} RadPer`);
    assertClose(ra, o.sma * (1 + o.ecc), { rtol: 1e-11 }, `${o.name} RadApo`);
    assertClose(inc, o.inc, { atol: 1e-9 }, `${o.name} INC`);
  }
  assert.throws(
    () => toCartesian("ModifiedKeplerian", [8000, 7000, 10, 0, 0, 0], BODY),
    /set RadApo before RadPer/,
  );
});

Deno.test("SphericalAZFPA/RADEC: magnitudes, directions, flight-path angle and azimuth", () => {
  for (const o of BATTERY) {
    const s = cartesianOf(o);
    const [x, y, z, vx, vy, vz] = s;
    const r = Math.hypot(x, y, z);
    const v = Math.hypot(vx, vy, vz);
    const az = fromCartesian("SphericalAZFPA", s, BODY);
    const rd = fromCartesian("SphericalRADEC", s, BODY);
    for (const e of [az, rd]) {
      assertClose(e[0], r, { rtol: 1e-14 }, "RMAG");
      assertClose(e[1], Math.atan2(y, x) * DEG, { atol: 1e-12 }, "RA");
      assertClose(e[2], Math.asin(z / r) * DEG, { atol: 1e-12 }, "DEC");
      assertClose(e[3], v, { rtol: 1e-14 }, "VMAG");
    }
    assertClose(
      az[5],
      Math.acos((x * vx + y * vy + z * vz) / (r * v)) * DEG,
      { atol: 1e-9 },
      "FPA",
    );
    // Azimuth: east and north velocity components.
    const lam = Math.atan2(y, x);
    const dec = Math.asin(z / r);
    const east = -Math.sin(lam) * vx + Math.cos(lam) * vy;
    const north = -Math.sin(dec) * (Math.cos(lam) * vx + Math.sin(lam) * vy) + Math.cos(dec) * vz;
    assertAngleClose(az[4], Math.atan2(east, north) * DEG, 1e-9, `${o.name} AZI`);
    assertClose(rd[4], Math.atan2(vy, vx) * DEG, { atol: 1e-12 }, "RAV");
    assertClose(rd[5], Math.asin(vz / v) * DEG, { atol: 1e-12 }, "DECV");
  }
});

/** Perifocal unit vectors P (to periapsis) and Q of Keplerian angles in degrees. */
function perifocal(o: Orbit): { P: number[]; Q: number[] } {
  const [O, i, w] = [o.raan / DEG, o.inc / DEG, o.aop / DEG];
  const P = [
    Math.cos(O) * Math.cos(w) - Math.sin(O) * Math.sin(w) * Math.cos(i),
    Math.sin(O) * Math.cos(w) + Math.cos(O) * Math.sin(w) * Math.cos(i),
    Math.sin(w) * Math.sin(i),
  ];
  const Q = [
    -Math.cos(O) * Math.sin(w) - Math.sin(O) * Math.cos(w) * Math.cos(i),
    -Math.sin(O) * Math.sin(w) + Math.cos(O) * Math.cos(w) * Math.cos(i),
    Math.cos(w) * Math.sin(i),
  ];
  return { P, Q };
}

Deno.test("asymptotes: RHA/DHA against the analytic v-infinity direction, RadPer, C3, TA", () => {
  for (const o of BATTERY.filter((b) => b.ecc > 1)) {
    const s = cartesianOf(o);
    const { P, Q } = perifocal(o);
    const nuInf = Math.acos(-1 / o.ecc);
    // Outgoing: the direction of motion as TA -> nuInf; incoming (GMAT's convention): the
    // direction the spacecraft comes from, the position direction as TA -> -nuInf.
    const out = P.map((p, k) => Math.cos(nuInf) * p + Math.sin(nuInf) * Q[k]);
    const inc = P.map((p, k) => Math.cos(nuInf) * p - Math.sin(nuInf) * Q[k]);
    for (const [rep, dir] of [["OutgoingAsymptote", out], ["IncomingAsymptote", inc]] as const) {
      const e = fromCartesian(rep, s, BODY);
      assertClose(e[0], o.sma * (1 - o.ecc), { rtol: 1e-11 }, `${o.name} ${rep} RadPer`);
      assertClose(e[1], -EARTH_MU / o.sma, { rtol: 1e-11 }, `${o.name} ${rep} C3`);
      assertAngleClose(e[2], Math.atan2(dir[1], dir[0]) * DEG, 1e-9, `${o.name} ${rep} RHA`);
      assertClose(e[3], Math.asin(dir[2]) * DEG, { atol: 1e-9 }, `${o.name} ${rep} DHA`);
      assertAngleClose(e[5], o.ta, 1e-9, `${o.name} ${rep} TA`);
    }
  }
});

Deno.test("Planetodetic: latitude and longitude against the geodetic Latitude computation", () => {
  for (const o of BATTERY) {
    const s = cartesianOf(o); // taken as a body-fixed state
    const [rmag, lon, lat, vmag, , hfpa] = fromCartesian("Planetodetic", s, BODY);
    const g = geodeticAltitude(s[0], s[1], s[2], EARTH_RADIUS, EARTH_FLATTENING);
    // The Latitude parameter iterates to 1e-7 rad, Planetodetic to 1e-13 rad.
    assertClose(lat, g.latitude, { atol: 1e-6 }, `${o.name} LAT`);
    assertClose(lon, Math.atan2(s[1], s[0]) * DEG, { atol: 1e-12 }, `${o.name} LON`);
    assertClose(rmag, Math.hypot(s[0], s[1], s[2]), { rtol: 1e-14 }, "RMAG");
    assertClose(vmag, Math.hypot(s[3], s[4], s[5]), { rtol: 1e-14 }, "VMAG");
    const az = fromCartesian("SphericalAZFPA", s, BODY);
    assertClose(hfpa, 90 - az[5], { atol: 1e-12 }, "HFPA");
  }
  assert.throws(() => toCartesian("Planetodetic", [7000, 190, 0, 7, 0, 0], BODY), /LON/);
});

Deno.test("the default state in the element sets of Ex_NewOrbitStateReps", () => {
  // The values the GMAT sample script Ex_NewOrbitStateReps assigns, printed by GMAT from the
  // default state [7100, 0, 1300, 0, 7.35, 1].
  const s = [7100, 0, 1300, 0, 7.35, 1];
  const cases: [StateRepresentation, number[], number][] = [
    ["ModifiedEquinoctial", [
      7187.60430675539,
      -0.003922778585859663,
      -0.02423431419337062,
      0.06716454898232072,
      -0.09038834725719359,
      0.6931030628392251,
    ], 1e-13],
    ["AlternateEquinoctial", [
      7191.938817629013,
      -0.02423431419337062,
      -0.003922778585859663,
      -0.08982062789020774,
      0.06674269576352432,
      357.9131803707105,
    ], 1e-13],
    ["Delaunay", [
      97.10782663991999,
      314.1905515359921,
      306.6148021947984,
      53541.66590560955,
      53525.52895581695,
      52184.99999999999,
    ], 1e-12],
    ["BrouwerMeanShort", [
      7192.164618505219,
      0.0247807440011103,
      12.85242052152975,
      306.5861302172368,
      311.5753129952481,
      99.74270405406094,
    ], 1e-12],
  ];
  for (const [rep, expected, tol] of cases) {
    const e = fromCartesian(rep, s, BODY);
    expected.forEach((x, i) =>
      assertClose(e[i], x, { rtol: tol, atol: tol }, `${rep} ${STATE_REPRESENTATIONS[rep][i]}`)
    );
  }
});

Deno.test("Brouwer-Lyddane: refused off Earth, for ECC > 0.99 and periapsis below 6378 km", () => {
  const s = keplerianToCartesian({ sma: 7000, ecc: 0.01, inc: 30, raan: 0, aop: 0, ta: 0 }, 4.9e3);
  assert.throws(() => fromCartesian("BrouwerMeanShort", s, { ...BODY, mu: 4.9e3 }), /Earth/);
  const low = keplerianToCartesian(
    { sma: 6500, ecc: 0.1, inc: 30, raan: 0, aop: 0, ta: 0 },
    EARTH_MU,
  );
  assert.throws(() => fromCartesian("BrouwerMeanLong", low, BODY), /6378/);
});

// ---- NASA GMAT state-conversion truth tables ----

const TRUTH_MU = truthEarthMu();
const TRUTH_BODY = { ...BODY, mu: TRUTH_MU };

function readStkAsymptote(relPath: string): { cartesian: number[]; elements: number[] } {
  const rows = readFileSync(STATECONV_DIR + relPath, "utf8").split("\n")
    .filter((l) => /^\d+ \w{3} \d{4}/.test(l))
    .map((l) => l.trim().split(/\s+/).slice(4).map(Number));
  if (rows.length !== 2) throw new Error(`Unexpected layout in ${relPath}`);
  return { cartesian: rows[0], elements: rows[1] };
}

Deno.test("asymptotes match STK's reports (HyperbolicAsymptote truth, Earth)", () => {
  // Skipped: Circular_* (GMAT refuses ECC <= 1e-7) and *_MarsFixed (another body). STK's
  // incoming declination differs from GMAT's definition (GMAT's source notes it), so the
  // incoming DHA is not compared. C3 to 1e-7: STK prints the retrograde cases' C3 that far off.
  for (const orbit of ["Elliptic", "Hyperbolic"]) {
    for (const c of ["EqPro", "EqRetro", "IncPro", "IncRetro", "Polar"]) {
      for (const dir of ["Outgoing", "Incoming"] as const) {
        const file = `HyperbolicAsymptote/STK/${orbit}_${c}_${dir}.txt`;
        const t = readStkAsymptote(file);
        const e = fromCartesian(`${dir}Asymptote`, t.cartesian, TRUTH_BODY);
        assertClose(e[0], t.elements[0], { rtol: 1e-12 }, `${file} RadPer`);
        assertClose(e[1], t.elements[1], { rtol: 1e-9, atol: 1e-7 }, `${file} C3`);
        assertAngleClose(e[2], t.elements[2], 1e-7, `${file} RHA`);
        if (dir === "Outgoing") assertAngleClose(e[3], t.elements[3], 1e-7, `${file} DHA`);
        assertAngleClose(e[4], t.elements[4], 1e-7, `${file} BVAZI`);
        assertAngleClose(e[5], t.elements[5], 1e-9, `${file} TA`);
      }
    }
  }
});

Deno.test("Brouwer-Lyddane mean elements are close to FreeFlyer's (BrouwerLyddane truth)", () => {
  // FreeFlyer's Brouwer-Lyddane implementation is not GMAT's: the mean elements agree to the
  // tolerances below (measured differences: SMA <= 2.4e-6 km, ECC <= 2.5e-6, INC <= 6e-5 deg,
  // mean longitude <= 1.4e-4 deg). Circular and equatorial cases are skipped (RAAN/AOP
  // undefined) and the retrograde-equatorial Long reports are zeros (FreeFlyer refuses them).
  for (
    const c of ["Elliptic_IncPro", "Elliptic_Polar", "GUI-EllipticInclinded2", "Circular_IncPro"]
  ) {
    for (const kind of ["Short", "Long"] as const) {
      const file = `BrouwerLyddane/FF/${c}_${kind}.truth`;
      const t = readFreeFlyer(file);
      const e = fromCartesian(`BrouwerMean${kind}`, t.cartesian, TRUTH_BODY);
      assertClose(e[0], t.elements[0], { atol: 1e-5 }, `${file} SMA`);
      assertClose(e[1], t.elements[1], { atol: 5e-6 }, `${file} ECC`);
      assertClose(e[2], t.elements[2], { atol: 1e-4 }, `${file} INC`);
      const lon = (x: number[]) => x[3] + x[4] + x[5];
      assertAngleClose(lon(e), lon(t.elements), 3e-4, `${file} mean longitude`);
    }
  }
});

Deno.test("Cartesian path matches FreeFlyer ModifiedEquinoctial/AltEquinoctial truth", () => {
  for (const c of ["Circular_IncPro", "Circular_Polar", "Elliptic_IncPro", "Elliptic_Polar"]) {
    for (const rep of ["ModifiedEquinoctial", "AlternateEquinoctial"] as const) {
      const file = `${rep}/FF/${c}.truth`;
      let t;
      try {
        t = readFreeFlyer(file);
      } catch {
        continue; // not every case exists for both sets
      }
      const raw = fromCartesian(rep, t.cartesian, TRUTH_BODY);
      // FreeFlyer's nonsingular set lists e cos(varpi) before e sin(varpi).
      const e = rep === "AlternateEquinoctial" ? [0, 2, 1, 3, 4, 5].map((i) => raw[i]) : raw;
      e.forEach((x, i) =>
        i === 5
          ? assertAngleClose(x, t.elements[i], 1e-8, `${file} ${i}`)
          : assertClose(x, t.elements[i], { rtol: 1e-9, atol: 1e-10 }, `${file} ${i}`)
      );
    }
  }
});

Deno.test("Keplerian from the Cartesian path is unchanged (cartesianToKeplerian)", () => {
  const s = cartesianOf(TEST_ORBIT);
  const k = cartesianToKeplerian(s, EARTH_MU);
  assert.deepEqual(fromCartesian("Keplerian", s, BODY), [k.sma, k.ecc, k.inc, k.raan, k.aop, k.ta]);
});
