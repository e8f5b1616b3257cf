/**
 * `gmat-sweep plot` through the real CLI on real sweeps of the built-in engine: a 3 x 2 grid over
 * SMA and ECC with the acceptance story's orbit-metrics hook, and a 10-run Monte Carlo. Each kind
 * writes an SVG that is parsed as XML and checked for its marks (one point per run, one cell per
 * grid point, one point per time step) and its axis titles; bad input exits 2 naming the column
 * and listing the ones there are. The SVGs are kept in `.out/plots/` to be looked at.
 */
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import assert from "node:assert/strict";
import { join } from "node:path";
import { monteCarlo, sweep } from "../../mod.ts";
import { cli } from "../_support/cli.ts";
import { fixture, ROOT } from "../_support/engine.ts";
import { itemCount, parseSvg, plotMarks } from "./_svg.ts";

const LEO = fixture("scripts/leo_basic.script");
const HOOK = `${join(ROOT, "examples", "downstream_pipeline.ts")}#deriveOrbitMetrics`;
const KEEP = join(ROOT, ".out", "plots");

const RSVG = await new Deno.Command("rsvg-convert", {
  args: ["--version"],
  stdout: "null",
  stderr: "null",
})
  .output().then((o) => o.success, () => false);

interface Sweeps {
  readonly dir: string;
  readonly grid: string;
  readonly mc: string;
  /** Distinct report times of the Monte Carlo runs. */
  readonly steps: number;
}

async function makeSweeps(): Promise<Sweeps> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-plot-" });
  const common = { engine: "builtin", workers: 2 } as const;
  const grid = await sweep(LEO, {
    ...common,
    grid: { "Sat.SMA": [7000, 7150, 7300], "Sat.ECC": [0.001, 0.003] },
    outputDir: join(dir, "grid"),
    postprocess: HOOK,
  });
  assert.equal(grid.summary.ok, 6);
  const mc = await monteCarlo(LEO, {
    ...common,
    n: 10,
    seed: 7,
    perturb: {
      "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 },
      "Sat.INC": { kind: "uniform", lo: 28, hi: 29 },
    },
    outputDir: join(dir, "mc"),
  });
  assert.equal(mc.summary.ok, 10);
  const times = mc.table!.getChild("time")!.toArray() as ArrayLike<unknown>;
  return {
    dir,
    grid: grid.sweep.manifestPath,
    mc: mc.sweep.manifestPath,
    steps: new Set(Array.from(times, String)).size,
  };
}

/** Run `gmat-sweep plot ...` writing `<name>.svg`; returns its marks. */
async function plot(s: Sweeps, name: string, args: string[]) {
  const out = join(s.dir, `${name}.svg`);
  const res = await cli(["plot", ...args, "--out", out]);
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stderr, "", "nothing on stderr (no deprecation warning from vega's imports)");
  assert.match(res.stdout, new RegExp(`wrote ${out} \\(${args[0]}, \\d+ bytes\\)`));
  const svg = await Deno.readTextFile(out);
  await Deno.mkdir(KEEP, { recursive: true });
  await Deno.copyFile(out, join(KEEP, `${name}.svg`));
  return plotMarks(parseSvg(svg));
}

Deno.test("gmat-sweep plot writes each kind of SVG with its marks and axis titles", async (t) => {
  const s = await makeSweeps();

  await t.step("scatter: a corner plot of the grid, one point per run per panel", async () => {
    const m = await plot(s, "scatter_corner", [
      "scatter",
      s.grid,
      "--extra",
      "orbit_metrics",
      "--metric",
      "final_radius_km",
    ]);
    assert.deepEqual(m.groups, [
      { type: "symbol", items: 6 },
      { type: "symbol", items: 6 },
      { type: "symbol", items: 6 },
    ]);
    assert.deepEqual(m.axisTitles, [
      "Sat.ECC",
      "Sat.SMA (km)",
      "Sat.ECC",
      "final_radius_km",
      "Sat.SMA (km)",
      "final_radius_km",
    ]);
    assert.deepEqual(m.legendTitles, ["final_radius_km"]);
    assert.deepEqual(m.titles, ["final_radius_km vs Sat.ECC, Sat.SMA", "6 of 6 runs with a value"]);
  });

  await t.step("scatter: one parameter of the Monte Carlo against a report column", async () => {
    const m = await plot(s, "scatter", [
      "scatter",
      s.mc,
      "--x",
      "Sat.SMA",
      "--metric",
      "Sat.Earth.SMA",
    ]);
    assert.deepEqual(m.groups, [{ type: "symbol", items: 10 }]);
    assert.deepEqual(m.axisTitles, ["Sat.SMA (km)", "Sat.Earth.SMA (km)"]);
  });

  await t.step("heatmap: one cell per grid point", async () => {
    const m = await plot(s, "heatmap", [
      "heatmap",
      s.grid,
      "--x",
      "Sat.SMA",
      "--y",
      "Sat.ECC",
      "--metric",
      "Sat.Earth.ECC",
    ]);
    assert.deepEqual(m.groups, [{ type: "rect", items: 6 }]);
    assert.deepEqual(m.axisTitles, ["Sat.SMA (km)", "Sat.ECC"]);
    assert.deepEqual(m.legendTitles, ["Sat.Earth.ECC"]);
    // Without --x/--y the grid's two axes are used (sorted: ECC across, SMA up).
    const auto = await plot(s, "heatmap_default_axes", [
      "heatmap",
      s.grid,
      "--extra",
      "orbit_metrics",
      "--metric",
      "radius_span_km",
    ]);
    assert.deepEqual(auto.groups, [{ type: "rect", items: 6 }]);
    assert.deepEqual(auto.axisTitles, ["Sat.ECC", "Sat.SMA (km)"]);
    assert.deepEqual(auto.legendTitles, ["radius_span_km"]);
  });

  await t.step("band: the median has one point per time step", async () => {
    const m = await plot(s, "band", [
      "band",
      s.mc,
      "--column",
      "Sat.EarthMJ2000Eq.X",
      "--quantiles",
      "0.1,0.9",
    ]);
    assert.ok(s.steps >= 3, `${s.steps} time steps`);
    assert.deepEqual(m.groups, [
      { type: "area", items: 1 },
      { type: "line", items: 1 },
      { type: "symbol", items: s.steps },
    ]);
    assert.deepEqual(m.axisTitles, ["time (UTC)", "Sat.EarthMJ2000Eq.X (km)"]);
    assert.deepEqual(m.titles, [
      "Sat.EarthMJ2000Eq.X: median and q0.1-q0.9 band",
      `${s.steps} time steps`,
    ]);
  });

  await t.step("convergence: one point per run, and the spec with --spec", async () => {
    const spec = join(s.dir, "convergence.vl.json");
    const m = await plot(s, "convergence", [
      "convergence",
      s.mc,
      "--metric",
      "Sat.Earth.SMA",
      "--spec",
      spec,
    ]);
    assert.equal(itemCount(m, "symbol"), 10);
    assert.deepEqual(m.axisTitles, ["number of runs", "running mean of Sat.Earth.SMA (km)"]);
    const json = JSON.parse(await Deno.readTextFile(spec));
    assert.equal(json.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
    assert.deepEqual(json.data.values.map((v: { n: number }) => v.n), [
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
    ]);
  });

  await t.step("bad input exits 2 naming the column and listing the ones there are", async () => {
    const out = join(s.dir, "never.svg");
    const cases: [string[], RegExp][] = [
      [
        ["scatter", s.grid, "--metric", "Sat.SMAA"],
        /No column 'Sat\.SMAA' in the report; numeric columns: Sat\.EarthMJ2000Eq\.X, .*Sat\.Earth\.SMA, Sat\.Earth\.ECC/,
      ],
      [
        ["convergence", s.grid, "--extra", "orbit_metrics"],
        /needs the column to show \(--metric COL\); numeric columns of hook output 'orbit_metrics': final_radius_km, radius_span_km/,
      ],
      [
        ["band", s.mc, "--column", "Sat.UTCGregorian"],
        /Column 'Sat\.UTCGregorian' of the report is Timestamp<NANOSECOND>, not a number; numeric columns: /,
      ],
      [
        ["scatter", s.grid, "--x", "Sat.INC", "--metric", "Sat.Earth.SMA"],
        /No run has the parameter 'Sat\.INC'; swept parameters: Sat\.ECC, Sat\.SMA/,
      ],
      [
        ["heatmap", s.mc, "--metric", "Sat.Earth.SMA"],
        /is a monte_carlo sweep, not a grid: a heatmap needs a two-axis grid/,
      ],
      [
        ["heatmap", s.grid, "--x", "Sat.INC", "--metric", "Sat.Earth.SMA"],
        /grid axes: Sat\.ECC, Sat\.SMA/,
      ],
      [
        ["scatter", s.grid, "--extra", "orbit", "--metric", "x"],
        /hook output 'orbit'; registered outputs: orbit_metrics/,
      ],
      [["pie", s.grid], /unknown plot kind 'pie': choose from scatter, heatmap, band, convergence/],
    ];
    for (const [args, pattern] of cases) {
      const res = await cli(["plot", ...args, "--out", out]);
      assert.equal(res.code, 2, `${args.join(" ")}: ${res.stderr}`);
      assert.match(res.stderr, pattern);
    }
    await assert.rejects(() => Deno.stat(out), Deno.errors.NotFound);
    const missing = await cli([
      "plot",
      "scatter",
      join(s.dir, "nope.jsonl"),
      "--metric",
      "m",
      "--out",
      out,
    ]);
    assert.equal(missing.code, 3, missing.stderr);
  });

  await t.step("--help shows an example of each kind", async () => {
    const res = await cli(["plot", "--help"]);
    assert.equal(res.code, 0);
    for (const kind of ["scatter", "heatmap", "band", "convergence"]) {
      assert.match(res.stdout, new RegExp(`^  gmat-sweep plot ${kind} `, "m"));
    }
  });

  await t.step({
    name: "the SVGs rasterize as pictures with librsvg (rsvg-convert, Debian's librsvg2-bin)",
    ignore: ignoreUnless(RSVG),
    async fn() {
      requireComponent(RSVG, "rsvg-convert (apt install librsvg2-bin)");
      for (const name of ["scatter_corner", "heatmap", "band", "convergence"]) {
        const svg = plotMarks(parseSvg(await Deno.readTextFile(join(s.dir, `${name}.svg`))));
        const png = join(s.dir, `${name}.png`);
        const res = await new Deno.Command("rsvg-convert", {
          args: [join(s.dir, `${name}.svg`), "-o", png],
        }).output();
        assert.ok(res.success, new TextDecoder().decode(res.stderr));
        const bytes = await Deno.readFile(png);
        assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47], `${name}.png is a PNG`);
        const view = new DataView(bytes.buffer);
        assert.deepEqual([view.getUint32(16), view.getUint32(20)], [...svg.size], name);
      }
    },
  });

  await Deno.remove(s.dir, { recursive: true });
});
