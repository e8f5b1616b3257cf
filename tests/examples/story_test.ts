/**
 * The acceptance story end to end: examples/downstream_consumer.ts as a subprocess, and the same
 * story as examples/downstream_consumer.ipynb executed by a real Jupyter with the Deno kernel.
 * Both must report 5 runs / 15 ok rows, 4 entries at the SIGINT, 12 entries / 36 report rows /
 * 12 orbit_metrics rows after resume, and a variant whose mean radius span is at least 10x the
 * baseline's.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { ROOT } from "../_support/engine.ts";
import { JUPYTER_AVAILABLE, JUPYTER_COMPONENT, runNotebook } from "../_support/jupyter.ts";

function number(text: string, re: RegExp): number {
  const m = re.exec(text);
  assert.ok(m, `expected ${re} in:\n${text}`);
  return Number(m[1]);
}

Deno.test("examples/downstream_consumer.ts prints the story's numbers", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-story-" });
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "examples/downstream_consumer.ts"), "--out", out],
    env: { NO_COLOR: "1", DENO_NO_PACKAGE_JSON: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(run.stdout);
  assert.ok(run.success, new TextDecoder().decode(run.stderr) + text);
  assert.match(text, /report table: 15 rows \(15 ok\) for 5 runs/);
  assert.match(text, /orbit_metrics table: 5 rows, columns run_id,final_radius_km,radius_span_km/);
  assert.match(
    text,
    /child exit code 130; .*, 12 planned, 4 entries, each with orbit_metrics: true/,
  );
  assert.match(text, /12 entries, 36 report rows, 12 orbit_metrics rows, all ok: true/);
  assert.ok(number(text, /ratio ([\d.]+)x/) >= 10);
  await Deno.remove(out, { recursive: true });
});

const ignore = ignoreUnless(JUPYTER_AVAILABLE);

Deno.test({
  name: "examples/downstream_consumer.ipynb runs on the Deno kernel with the story's numbers",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireComponent(JUPYTER_AVAILABLE, JUPYTER_COMPONENT);
  const run = await runNotebook(join(ROOT, "examples/downstream_consumer.ipynb"), {
    timeoutS: 180,
  });
  const text = run.codeCells.map((c) => c.stdout).join("");
  for (const c of run.codeCells) assert.equal(c.stderr, "", `cell ${c.index} wrote to stderr`);
  assert.match(text, /five-point grid: 5 runs, 15 report rows, 15 ok/);
  assert.match(text, /orbit_metrics: 5 rows: run_id, final_radius_km, radius_span_km/);
  assert.match(text, /interrupted: exit 130, 4 entries of 12 planned/);
  assert.match(text, /header hook: file:\/\/.*downstream_pipeline\.ts#deriveOrbitMetrics/);
  assert.match(text, /entries with orbit_metrics: 4/);
  assert.match(text, /resumed 8 runs/);
  assert.match(text, /after resume: 12 entries, 36 report rows, 12 orbit_metrics rows/);
  assert.match(text, /all ok: true/);
  assert.ok(number(text, /ratio: ([\d.]+)x/) >= 10);
  assert.match(text, /both arms: 24 rows/);
  // Rich display: the sweep, the manifest and both tables as text/html.
  const html = run.codeCells.flatMap((c) => c.html);
  const find = (re: RegExp, what: string) => assert.ok(html.some((h) => re.test(h)), what);
  find(/gmat-sweep Sweep[\s\S]*5 recorded of 5 planned/, "the sweep's summary");
  find(/gmat-sweep manifest[\s\S]*deriveOrbitMetrics \(5 ok\)/, "the manifest's summary");
  find(/report RF[\s\S]*15 rows × 9 columns, 5 runs; index \(run_id, time\)/, "the report table");
  find(/hook output orbit_metrics[\s\S]*5 rows × 7 columns, 5 runs/, "the orbit_metrics table");
  // A Vega-Lite plot of the hook's metric against the swept SMA, one point per run.
  const plots = run.codeCells.flatMap((c) =>
    c.outputs.flatMap((o) => {
      const data = (o as { data?: Record<string, unknown> }).data;
      const spec = data?.["application/vnd.vegalite.v5+json"] as
        | { $schema?: string; data?: { values?: unknown[] } }
        | undefined;
      return spec ? [spec] : [];
    })
  );
  assert.equal(plots.length, 1, "one Vega-Lite plot");
  assert.match(plots[0].$schema ?? "", /vega-lite\/v5/);
  assert.equal(plots[0].data?.values?.length, 5);
});
