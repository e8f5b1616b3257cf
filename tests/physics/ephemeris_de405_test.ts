/**
 * The shipped DE405 file and its reader: header constants, provenance hash, span errors, the
 * caller-held context, GMAT's geocentric formation (Earth zero, Moon as stored, others from the
 * Earth-Moon barycentre), velocities against differenced positions, and the third-body force's
 * direct-minus-indirect formula.
 *
 * @module
 */

import assert from "node:assert/strict";
import { GmatSweepError } from "../../src/errors/mod.ts";
import { ChebyshevEvaluator } from "../../src/physics/ephemeris/chebyshev.ts";
import {
  DE405_URL,
  EphemerisContext,
  loadDeFile,
  parseDeFile,
} from "../../src/physics/ephemeris/de_file.ts";
import { EMB_INDEX, MOON_INDEX, SUN_INDEX } from "../../src/physics/ephemeris/de_format.ts";
import { EphemerisError } from "../../src/physics/ephemeris/ephemeris_error.ts";
import { GeocentricEphemeris } from "../../src/physics/ephemeris/geocentric.ts";
import { a1StateFunction } from "../../src/physics/ephemeris/a1_state.ts";
import { GMAT_BODY_MU } from "../../src/physics/forces/body_mu.ts";
import { thirdBodyForce } from "../../src/physics/forces/third_body.ts";
import { convertMjd } from "../../src/physics/time/convert_mjd.ts";

const de = await loadDeFile();
const EPOCH_A1 = 31041.50042863868; // 01 Jan 2026 00:00:00 UTC, the battery's start

Deno.test("DE405 file: DE405's constants, 1143 records of 32 days from JD 2436912.5", () => {
  assert.equal(de.deNumber, 405);
  assert.equal(de.emrat, 81.30056);
  assert.equal(de.au, 149597870.691);
  assert.equal(de.header.clight, 299792.458);
  assert.equal(de.recordCount, 1143);
  assert.equal(de.spanDays, 32);
  assert.equal(de.header.startJd, 2436912.5);
  assert.equal(de.startMjd, 6912.5);
  assert.equal(de.endMjd, 6912.5 + 1143 * 32);
  assert.deepEqual(de.bodies[MOON_INDEX], { offset: 438, coefficients: 13, granules: 8 });
  assert.deepEqual(de.bodies[SUN_INDEX], { offset: 750, coefficients: 11, granules: 2 });
  assert.match(de.header.description, /casacore-data-jpl-de405/);
});

Deno.test("DE405 file: size < 15 MB and sha256 as recorded in PROVENANCE.md", async () => {
  const bytes = await Deno.readFile(DE405_URL);
  assert.ok(bytes.length < 15e6, `${bytes.length} bytes`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  const provenance = await Deno.readTextFile(new URL("PROVENANCE.md", DE405_URL));
  const row = new RegExp(`\\| ${bytes.length} +\\| \`${hex}\` \\|`);
  assert.match(provenance, row, `size ${bytes.length} and sha256 ${hex} not in PROVENANCE.md`);
});

Deno.test("DE405 file: a damaged file is refused with EPHEMERIS_FILE", async () => {
  const bytes = await Deno.readFile(DE405_URL);
  assert.throws(
    () => parseDeFile(bytes.subarray(0, bytes.length - 8), "cut.bin"),
    (e: unknown) =>
      e instanceof EphemerisError && e.code === "EPHEMERIS_FILE" && /cut\.bin/.test(e.message),
  );
  const wrong = bytes.slice(0, 64);
  wrong[0] = 0x58;
  assert.throws(() => parseDeFile(wrong, "x.bin"), /not a gmat-sweep DE ephemeris file/);
  await assert.rejects(
    loadDeFile(new URL("./no-such-file.bin", DE405_URL)),
    (e: unknown) => e instanceof EphemerisError && e.code === "EPHEMERIS_FILE",
  );
});

Deno.test("EphemerisContext: parses the file once per context", async () => {
  const context = new EphemerisContext();
  const [a, b] = await Promise.all([context.de405(), context.de405()]);
  assert.equal(a, b);
  assert.equal(await context.de405(), a);
  assert.notEqual(await new EphemerisContext().de405(), a);
});

Deno.test("epochs outside 1960-2060 raise EPHEMERIS_SPAN naming the epoch and the span", () => {
  const ephemeris = new GeocentricEphemeris(de);
  const out = new Float64Array(6);
  for (const tdb of [de.startMjd - 1e-6, de.endMjd + 1, NaN]) {
    assert.throws(
      () => ephemeris.state("Sun", tdb, out),
      (e: unknown) =>
        e instanceof EphemerisError && e instanceof GmatSweepError &&
        e.code === "EPHEMERIS_SPAN" && e.message.includes(`TDB MJD ${tdb}`) &&
        e.message.includes("6912.5 .. 43488.5") && e.message.includes("10 Dec 1959") &&
        e.message.includes("30 Jan 2060"),
    );
  }
  ephemeris.state("Luna", de.startMjd, out);
  ephemeris.state("Luna", de.endMjd, out);
  const force = thirdBodyForce({ ephemeris: de, bodies: ["Sun"], epochA1: 43489 });
  assert.throws(
    () => force.addTo(0, new Float64Array(6), new Float64Array(6)),
    (e: unknown) => e instanceof EphemerisError && e.code === "EPHEMERIS_SPAN",
  );
});

Deno.test("geocentric states: Earth 0, Luna as stored, Sun = Sun - (EMB - Moon/(EMRAT+1))", () => {
  const ephemeris = new GeocentricEphemeris(de);
  const evaluator = new ChebyshevEvaluator(de);
  const tdb = convertMjd(EPOCH_A1, "A1", "TDB");
  const earth = new Float64Array(6).fill(7);
  ephemeris.state("Earth", tdb, earth);
  assert.deepEqual([...earth], [0, 0, 0, 0, 0, 0]);
  const luna = new Float64Array(6);
  const moon = new Float64Array(6);
  ephemeris.state("Luna", tdb, luna);
  evaluator.state(MOON_INDEX, tdb, moon);
  assert.deepEqual([...luna], [...moon]);
  const sun = new Float64Array(6);
  const ssbSun = new Float64Array(6);
  const emb = new Float64Array(6);
  ephemeris.state("Sun", tdb, sun);
  evaluator.state(SUN_INDEX, tdb, ssbSun);
  evaluator.state(EMB_INDEX, tdb, emb);
  for (let k = 0; k < 6; k++) {
    assert.equal(sun[k], ssbSun[k] - (emb[k] - moon[k] / (de.emrat + 1)));
  }
  // Early January: the Earth is near perihelion, 0.9833 AU from the Sun.
  const au = Math.hypot(sun[0], sun[1], sun[2]) / de.au;
  assert.ok(Math.abs(au - 0.98331) < 1e-4, `${au} AU`);
  const moonDistance = Math.hypot(luna[0], luna[1], luna[2]);
  assert.ok(moonDistance > 356000 && moonDistance < 407000, `${moonDistance} km`);
  const a1Sun = a1StateFunction(de, "Sun")(EPOCH_A1);
  assert.deepEqual([...a1Sun], [...sun]);
  const positions = new Float64Array(9);
  ephemeris.positions([SUN_INDEX, MOON_INDEX, -1], tdb, positions);
  assert.deepEqual([...positions], [sun[0], sun[1], sun[2], luna[0], luna[1], luna[2], 0, 0, 0]);
});

Deno.test("velocities agree with central differences of positions (all bodies, 1e-8 km/s)", () => {
  const ephemeris = new GeocentricEphemeris(de);
  const s = new Float64Array(6);
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  const h = 10 / 86400;
  for (const tdb of [7000.3, 21545, 31041.5, 40001.7, 43480]) {
    for (const body of ["Sun", "Luna", "Mercury", "Venus", "Mars", "Jupiter"] as const) {
      ephemeris.state(body, tdb, s);
      ephemeris.state(body, tdb - h, a);
      ephemeris.state(body, tdb + h, b);
      const seconds = ((tdb + h) - (tdb - h)) * 86400;
      for (let k = 0; k < 3; k++) {
        const numeric = (b[k] - a[k]) / seconds;
        assert.ok(Math.abs(numeric - s[3 + k]) < 1e-8, `${body} ${tdb}: ${numeric} vs ${s[3 + k]}`);
      }
    }
  }
});

Deno.test("third-body force: direct minus indirect term, GMAT's mu, Earth acts as central", () => {
  assert.equal(GMAT_BODY_MU.Sun, 132712440017.99);
  assert.equal(GMAT_BODY_MU.Luna, 4902.8005821478);
  const ephemeris = new GeocentricEphemeris(de);
  const force = thirdBodyForce({ ephemeris, bodies: ["Sun", "Luna"], epochA1: EPOCH_A1, count: 2 });
  const y = new Float64Array([6993, 0, 0, 0, 6.6, 3.6, 0, 0, 0, 0, 0, 0]);
  const dydt = new Float64Array([1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  const t = 3600;
  force.addTo(t, y, dydt);
  const tdb = convertMjd(EPOCH_A1 + t / 86400, "A1", "TDB");
  const expected = [0, 0, 0];
  for (const body of ["Sun", "Luna"] as const) {
    const s = new Float64Array(6);
    ephemeris.state(body, tdb, s);
    const mu = GMAT_BODY_MU[body];
    const d = [s[0] - y[0], s[1] - y[1], s[2] - y[2]];
    const dn = Math.hypot(d[0], d[1], d[2]);
    const sn = Math.hypot(s[0], s[1], s[2]);
    for (let k = 0; k < 3; k++) expected[k] += mu * d[k] / dn ** 3 - mu * s[k] / sn ** 3;
  }
  for (let k = 0; k < 3; k++) {
    const got = dydt[3 + k];
    // The tidal term is a difference of two ~6e-6 km/s^2 terms: compare to their rounding.
    assert.ok(Math.abs(got - expected[k]) <= 1e-20, `${got} ${expected[k]}`);
  }
  assert.deepEqual([...dydt.subarray(0, 3)], [1, 1, 1]);
  assert.deepEqual([...dydt.subarray(6, 9)], [1, 1, 1]);
  // A spacecraft at the geocentre feels no tidal acceleration.
  for (let k = 9; k < 12; k++) assert.ok(Math.abs(dydt[k]) < 1e-25, `${dydt[k]}`);

  const central = thirdBodyForce({ ephemeris, bodies: ["Earth"], epochA1: EPOCH_A1 });
  const acc = new Float64Array(6);
  central.addTo(0, y, acc);
  assert.equal(acc[3], -398600.4415 / 6993 ** 2);

  assert.throws(
    () => thirdBodyForce({ ephemeris, bodies: ["Ceres" as "Sun"], epochA1: 0 }),
    /Ceres/,
  );
  assert.throws(
    () => thirdBodyForce({ ephemeris, bodies: ["Sun", "Sun"], epochA1: 0 }),
    /listed twice/,
  );
  const custom = thirdBodyForce({ ephemeris, bodies: ["Luna"], epochA1: 0, mu: { Luna: 4900 } });
  assert.deepEqual(custom.mu, [4900]);
});
