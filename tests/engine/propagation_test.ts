/**
 * Mission behaviour of the built-in engine checked against independent physics: analytic Kepler
 * motion, vis-viva, element definitions and GMAT's stopping and publishing rules.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  cartesianToKeplerian,
  EARTH_MU,
  keplerianToCartesian,
  keplerPropagate,
  meanToTrue,
  parseEpoch,
  trueToMean,
} from "../../src/physics/mod.ts";
import { close, leoScript, readReport, runInTemp } from "../_support/engine.ts";

const STATE_COLUMNS = "Sat.EarthMJ2000Eq.X, Sat.EarthMJ2000Eq.Y, Sat.EarthMJ2000Eq.Z, " +
  "Sat.EarthMJ2000Eq.VX, Sat.EarthMJ2000Eq.VY, Sat.EarthMJ2000Eq.VZ";

function initial(
  elements: { sma: number; ecc: number; inc: number; raan: number; aop: number; ta: number },
) {
  return keplerianToCartesian(elements, EARTH_MU);
}

async function rows(text: string): Promise<(number | string)[][]> {
  const r = await runInTemp(text);
  const report = await readReport(join(r.dir, "rf.txt"));
  await Deno.remove(r.dir, { recursive: true });
  return report.rows;
}

for (
  const [integrator, accuracy] of [["RungeKutta89", 1e-12], ["PrinceDormand78", 1e-12]] as const
) {
  Deno.test(`${integrator}: one day of two-body LEO matches Kepler's solution to 1e-6 km`, async () => {
    const text = leoScript({
      integrator,
      accuracy,
      report: `Sat.ElapsedSecs, ${STATE_COLUMNS}`,
      mission: "Propagate Prop(Sat) {Sat.ElapsedDays = 1}",
    });
    const out = await rows(text);
    const last = out[out.length - 1];
    close(Number(last[0]), 86400, 0, 1e-6, "final ElapsedSecs");
    const s0 = initial({ sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 });
    // Report epochs are double MJDs, good to ~3e-7 s (~2e-6 km along track at 7.5 km/s), so the
    // comparison first finds the analytic time nearest the reported position (it must lie within
    // 1e-6 s of the reported ElapsedSecs), then requires the position to agree to 1e-6 km.
    for (const row of out) {
      const t = Number(row[0]);
      const r = [1, 2, 3].map((i) => Number(row[i]));
      let tau = t;
      let truth = keplerPropagate(s0, EARTH_MU, tau);
      for (let k = 0; k < 3; k++) {
        const v = [truth[3], truth[4], truth[5]];
        const d = r.map((x, i) => x - truth[i]);
        tau += (d[0] * v[0] + d[1] * v[1] + d[2] * v[2]) / (v[0] ** 2 + v[1] ** 2 + v[2] ** 2);
        truth = keplerPropagate(s0, EARTH_MU, tau);
      }
      assert.ok(Math.abs(tau - t) < 1e-6, `t=${t}: time offset ${tau - t} s`);
      const err = Math.hypot(...[0, 1, 2].map((i) => r[i] - truth[i]));
      assert.ok(err < 1e-6, `t=${t}: position error ${err} km`);
    }
  });
}

Deno.test("stop at Periapsis and Apoapsis lands on the apsides at the analytic times", async () => {
  const ecc = 0.1, sma = 8000;
  const text = leoScript({
    elements:
      `Sat.SMA = ${sma}\nSat.ECC = ${ecc}\nSat.INC = 40\nSat.RAAN = 30\nSat.AOP = 60\nSat.TA = 90`,
    report: "Sat.ElapsedSecs, Sat.Earth.TA, Sat.Earth.Periapsis",
    mission: "Propagate Prop(Sat) {Sat.Periapsis}\nPropagate Prop(Sat) {Sat.Apoapsis}\n" +
      "Propagate Prop(Sat) {Sat.Periapsis}",
  });
  const out = await rows(text);
  const n = Math.sqrt(EARTH_MU / sma ** 3);
  const period = 2 * Math.PI / n;
  const m0 = trueToMean(90, ecc) * Math.PI / 180;
  const tPeri = (2 * Math.PI - m0) / n;
  const stops = out.filter((r) => Math.abs(Number(r[2])) < 1e-6);
  assert.equal(stops.length, 3, "three stop rows");
  const [p1, a1, p2] = stops.map((r) => Number(r[0]));
  close(p1, tPeri, 0, 1e-3, "first periapsis time");
  close(a1, tPeri + period / 2, 0, 1e-3, "apoapsis time");
  close(
    p2,
    tPeri + period,
    0,
    1e-3,
    "second periapsis time (a full orbit later, not re-triggered)",
  );
  const ta = stops.map((r) => Number(r[1]));
  assert.ok(Math.min(ta[0], 360 - ta[0]) < 1e-4, `TA at periapsis ${ta[0]}`);
  close(ta[1], 180, 0, 1e-4, "TA at apoapsis");
});

Deno.test("stop on a parameter value (TA = 200) converges to 1e-7 of the goal", async () => {
  const out = await rows(leoScript({
    report: "Sat.ElapsedSecs, Sat.Earth.TA, Sat.Earth.MA",
    mission: "Propagate Prop(Sat) {Sat.TA = 200}",
  }));
  const last = out[out.length - 1];
  close(Number(last[1]), 200, 0, 1e-7, "final TA");
  const ma = trueToMean(200, 0.001);
  close(Number(last[2]), ma, 0, 1e-7, "MA consistent with TA");
  close(meanToTrue(ma, 0.001), 200, 0, 1e-9, "anomaly round trip");
});

Deno.test("chained Propagates publish each boundary once and end on the goal epoch", async () => {
  const out = await rows(leoScript({
    step: 30,
    report: "Sat.UTCGregorian, Sat.ElapsedSecs, Sat.A1ModJulian",
    mission:
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 100}\nPropagate Prop(Sat) {Sat.ElapsedSecs = 100}",
  }));
  const epochs = out.map((r) => Number(r[2]));
  for (let i = 1; i < epochs.length; i++) {
    assert.ok(epochs[i] > epochs[i - 1], "strictly increasing");
  }
  assert.equal(
    out.filter((r) => Math.abs(Number(r[1]) - 100) < 1e-5).length,
    1,
    "one row at 100 s",
  );
  close(Number(out[out.length - 1][1]), 200, 0, 1e-6, "final elapsed");
  assert.equal(out[out.length - 1][0], "01 Jan 2026 00:03:20.000");
  // First steps of each command start from InitialStepSize (30 s): rows at 0, 30 and 100, 130.
  close(Number(out[1][1]), 30, 0, 1e-6);
  const after = out.findIndex((r) => Math.abs(Number(r[1]) - 100) < 1e-5);
  close(Number(out[after + 1][1]), 130, 0, 1e-6);
});

Deno.test("epoch parameters agree across scales and formats", async () => {
  const out = await rows(leoScript({
    report:
      "Sat.UTCGregorian, Sat.UTCModJulian, Sat.TAIModJulian, Sat.A1ModJulian, Sat.TTModJulian, " +
      "Sat.TDBModJulian, Sat.TAIGregorian, Sat.A1Gregorian, Sat.TTGregorian, Sat.ElapsedDays",
    mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 60}",
  }));
  const [utcG, utc, tai, a1, tt, tdb, taiG, a1G, ttG] = out[0];
  assert.equal(utcG, "01 Jan 2026 00:00:00.000");
  close(
    Number(utc),
    parseEpoch("01 Jan 2026 00:00:00.000", "UTCGregorian") - 0,
    0,
    1e-3,
    "UTC MJD ~ A1 MJD",
  );
  close((Number(tai) - Number(utc)) * 86400, 37, 0, 1e-6, "TAI - UTC in 2026");
  close((Number(a1) - Number(tai)) * 86400, 0.0343817, 0, 1e-6, "A1 - TAI");
  close((Number(tt) - Number(tai)) * 86400, 32.184, 0, 1e-6, "TT - TAI");
  assert.ok(Math.abs(Number(tdb) - Number(tt)) * 86400 < 0.002, "TDB - TT below 2 ms");
  assert.equal(taiG, "01 Jan 2026 00:00:37.000");
  assert.equal(a1G, "01 Jan 2026 00:00:37.034");
  assert.equal(ttG, "01 Jan 2026 00:01:09.184");
  close(Number(out[out.length - 1][9]), 60 / 86400, 0, 1e-11, "ElapsedDays");
});

Deno.test("orbit parameters in reports match their definitions", async () => {
  const out = await rows(leoScript({
    elements:
      "Sat.SMA = 7200\nSat.ECC = 0.05\nSat.INC = 51.6\nSat.RAAN = 120\nSat.AOP = 45\nSat.TA = 10",
    report: `${STATE_COLUMNS}, Sat.Earth.SMA, Sat.Earth.ECC, Sat.EarthMJ2000Eq.INC, ` +
      "Sat.EarthMJ2000Eq.RAAN, Sat.EarthMJ2000Eq.AOP, Sat.Earth.TA, Sat.Earth.RMAG, " +
      "Sat.EarthMJ2000Eq.VMAG, Sat.Earth.RadPer, Sat.Earth.RadApo, Sat.Earth.OrbitPeriod, " +
      "Sat.Earth.Energy, Sat.Earth.C3Energy, Sat.Earth.Altitude, Sat.DryMass",
    mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 1200}",
  }));
  assert.ok(out.length > 3);
  for (const row of out) {
    const s = Float64Array.from(row.slice(0, 6).map(Number));
    const [sma, ecc, inc, raan, aop, ta, r, v, rp, ra, period, energy, c3, alt, mass] = row.slice(6)
      .map(Number);
    const k = cartesianToKeplerian(s, EARTH_MU);
    close(sma, 7200, 1e-9, 0, "SMA conserved");
    close(ecc, 0.05, 1e-8, 0, "ECC conserved");
    close(inc, 51.6, 0, 1e-9, "INC");
    close(raan, 120, 0, 1e-9, "RAAN");
    close(aop, 45, 0, 1e-7, "AOP");
    close(ta, k.ta, 0, 1e-9, "TA");
    close(r, Math.hypot(s[0], s[1], s[2]), 1e-15, 0, "RMAG");
    close(v, Math.hypot(s[3], s[4], s[5]), 1e-15, 0, "VMAG");
    close(rp, sma * (1 - ecc), 1e-12, 0, "RadPer");
    close(ra, sma * (1 + ecc), 1e-12, 0, "RadApo");
    close(period, 2 * Math.PI * Math.sqrt(sma ** 3 / EARTH_MU), 1e-12, 0, "OrbitPeriod");
    close(energy, -EARTH_MU / (2 * sma), 1e-12, 0, "Energy");
    close(c3, 2 * energy, 1e-12, 0, "C3Energy");
    // Geodetic altitude lies between the radius minus the equatorial and the polar radii.
    assert.ok(alt > r - 6378.1363 - 1e-9 && alt < r - 6356.75, `Altitude ${alt} for r ${r}`);
    assert.equal(mass, 850);
  }
});

Deno.test("ImpulsiveBurn in VNB and LVLH changes velocity along the right axes", async () => {
  const text = leoScript({
    resources:
      "Create ImpulsiveBurn V\nV.CoordinateSystem = Local\nV.Origin = Earth\nV.Axes = VNB\n" +
      "V.Element1 = 0.1\nCreate ImpulsiveBurn L\nL.Axes = LVLH\nL.Element1 = 0.01\nL.Element2 = 0.02\n" +
      "L.Element3 = 0.03\nCreate ReportFile RB\nRB.Filename = 'rb.txt'",
    report: `${STATE_COLUMNS}, Sat.Earth.SMA`,
    mission: `Propagate Prop(Sat) {Sat.ElapsedSecs = 600}
Report RB ${STATE_COLUMNS.replaceAll(",", "")} Sat.Earth.SMA
Maneuver V(Sat)
Report RB ${STATE_COLUMNS.replaceAll(",", "")} Sat.Earth.SMA
Maneuver L(Sat)
Report RB ${STATE_COLUMNS.replaceAll(",", "")} Sat.Earth.SMA
Propagate Prop(Sat) {Sat.ElapsedSecs = 600}`,
  });
  const r = await runInTemp(text);
  const rb = await readReport(join(r.dir, "rb.txt"));
  const data = rb.rows.filter((row) => typeof row[0] === "number");
  assert.equal(data.length, 3, "three Report rows (each Report command writes its header once)");
  const [before, afterV, afterL] = data.map((row) => row.map(Number));
  const rv = before.slice(0, 3), v0 = before.slice(3, 6);
  const vhat = v0.map((x) => x / Math.hypot(...v0));
  const dvV = afterV.slice(3, 6).map((x, i) => x - v0[i]);
  dvV.forEach((d, i) => close(d, 0.1 * vhat[i], 0, 1e-12, "VNB dv along V"));
  // vis-viva: SMA after a prograde burn.
  const r0 = Math.hypot(...rv);
  const v1 = Math.hypot(...afterV.slice(3, 6));
  close(afterV[6], 1 / (2 / r0 - v1 * v1 / EARTH_MU), 1e-12, 0, "vis-viva SMA");
  assert.ok(afterV[6] > before[6] + 100, "prograde burn raises SMA");
  // LVLH: X = R, Z = N = R x V, Y = Z x X.
  const unit = (a: number[]) => a.map((x) => x / Math.hypot(...a));
  const cross = (a: number[], b: number[]) => [
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  ];
  const x = unit(rv), z = unit(cross(rv, afterV.slice(3, 6))), y = cross(z, x);
  const dvL = afterL.slice(3, 6).map((v, i) => v - afterV[3 + i]);
  dvL.forEach((d, i) => close(d, 0.01 * x[i] + 0.02 * y[i] + 0.03 * z[i], 0, 1e-12, "LVLH dv"));
  // The trajectory report has no duplicate row at the burn epoch.
  const rf = await readReport(join(r.dir, "rf.txt"));
  const smas = rf.rows.map((row) => Number(row[6]));
  assert.ok(smas.some((a) => a > 7100), "post-burn SMA reported by the second Propagate");
  await Deno.remove(r.dir, { recursive: true });
});

Deno.test("Variables, mission assignments, Toggle and Stop", async () => {
  const text = leoScript({
    resources:
      "Create Variable twiceA coast\ncoast = 120\nCreate ReportFile RV\nRV.Filename = 'rv.txt'",
    report: "Sat.ElapsedSecs",
    mission: `twiceA = 2 * Sat.Earth.SMA + sqrt(16) - 4
Report RV twiceA coast
Propagate Prop(Sat) {Sat.ElapsedSecs = coast}
Toggle RF Off
Propagate Prop(Sat) {Sat.ElapsedSecs = 60}
Toggle RF On
Sat.SMA = 7100
Report RV Sat.Earth.SMA
Stop
Propagate Prop(Sat) {Sat.ElapsedSecs = 6000}`,
  });
  const r = await runInTemp(text);
  // Two Report commands with different columns: each writes its own header once (as GMAT).
  const lines = (await Deno.readTextFile(join(r.dir, "rv.txt"))).trim().split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^twiceA\s+coast\s+$/);
  assert.match(lines[2], /^Sat\.Earth\.SMA\s+$/);
  const nums = [lines[1], lines[3]].flatMap((l) => l.trim().split(/\s+/)).map(Number);
  close(nums[0], 14000, 1e-12, 0, "twiceA");
  assert.equal(nums[1], 120);
  close(nums[2], 7100, 1e-12, 0, "SMA set mid-mission");
  const rf = await readReport(join(r.dir, "rf.txt"));
  const elapsed = rf.rows.map((row) => Number(row[0]));
  close(
    Math.max(...elapsed),
    120,
    0,
    1e-6,
    "rows stop while toggled off, and Stop ends the mission",
  );
  await Deno.remove(r.dir, { recursive: true });
});

Deno.test("an integration failure is a run error naming the command and the fix", async () => {
  const text = leoScript({
    accuracy: 1e-30,
    mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 600}",
  })
    .replace("Prop.MinStep = 0.001", "Prop.MinStep = 10");
  await assert.rejects(
    () => runInTemp(text),
    (e: Error) => {
      assert.equal((e as { code?: string }).code, "ENGINE_RUN");
      assert.match(e.message, /test\.script:\d+: Propagate: /);
      assert.match(e.message, /Accuracy|MinStep/);
      return true;
    },
  );
});

Deno.test("a hyperbolic escape (SMA < 0, ECC > 1) propagates on the analytic hyperbola", async () => {
  const out = await rows(leoScript({
    integrator: "PrinceDormand45",
    accuracy: 1e-12,
    elements:
      "Sat.SMA = -20000\nSat.ECC = 1.4\nSat.INC = 30\nSat.RAAN = 10\nSat.AOP = 20\nSat.TA = -30",
    report: `Sat.ElapsedSecs, ${STATE_COLUMNS}, Sat.Earth.SMA, Sat.Earth.ECC, Sat.Earth.TA`,
    mission: "Propagate Prop(Sat) {Sat.TA = 60}",
  }));
  const s0 = initial({ sma: -20000, ecc: 1.4, inc: 30, raan: 10, aop: 20, ta: 330 });
  for (const row of out) {
    const t = Number(row[0]);
    const truth = keplerPropagate(s0, EARTH_MU, t);
    const err = Math.hypot(...[0, 1, 2].map((i) => Number(row[i + 1]) - truth[i]));
    assert.ok(err < 1e-5, `t=${t}: ${err} km`);
    close(Number(row[7]), -20000, 1e-9, 0, "SMA stays negative");
    close(Number(row[8]), 1.4, 1e-9, 0, "ECC");
  }
  close(Number(out[out.length - 1][9]), 60, 0, 1e-7, "stopped at TA = 60");
});
