/**
 * The smoke notebook (fixtures/notebooks/smoke.ipynb) on the real Deno Jupyter kernel: the
 * library imports through a relative path and the repository's import map, a script runs on the
 * built-in engine, and rich display produces text/html. Every checked output must be present:
 * the Deno kernel sometimes publishes outputs after a cell's idle status, which the driver keeps.
 *
 * Needs /usr/bin/python3 with nbclient (scripts/install_test_deps.sh): ignored locally without
 * it, a failure in CI.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { BUILTIN_ENGINE_VERSION, runScriptFile } from "../../mod.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { fixture } from "../_support/engine.ts";
import {
  JUPYTER_AVAILABLE,
  JUPYTER_COMPONENT,
  KERNEL_NAME,
  NotebookRunError,
  runNotebook,
} from "../_support/jupyter.ts";

const ignore = ignoreUnless(JUPYTER_AVAILABLE);
if (ignore) console.warn(`notebook tests ignored: missing ${JUPYTER_COMPONENT}`);

function includes(text: string, part: string, what = ""): void {
  assert(text.includes(part), `${what}expected ${JSON.stringify(part)} in ${JSON.stringify(text)}`);
}

async function expectedReportRows(): Promise<number> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-notebook-expect-" });
  try {
    const result = await runScriptFile(fixture("scripts/leo_basic.script"), { outputDir: dir });
    const report = result.outputs.find((o) => o.kind === "report");
    assert(report, "leo_basic.script writes a ReportFile");
    return report.rows;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test({
  name: "smoke notebook: imports, a built-in engine run and rich display on the Deno kernel",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireComponent(JUPYTER_AVAILABLE, JUPYTER_COMPONENT);
  const rows = await expectedReportRows();
  assert(rows > 0);

  const run = await runNotebook(fixture("notebooks/smoke.ipynb"), { timeoutS: 120 });
  assert.deepEqual(run.summary.status, 0);
  assert.deepEqual(run.codeCells.length, 4);
  assert.deepEqual(run.summary.code_cells_executed, 4);
  const [imports, engine, display, cleanup] = run.codeCells;

  // Relative import of mod.ts and the bare "zod" through deno.json's import map.
  includes(imports.stdout, `engine: ${BUILTIN_ENGINE_VERSION}\n`);
  includes(imports.stdout, "import map: 42\n");

  // The run on the built-in engine, relative to the notebook's directory.
  includes(engine.stdout, `report rows: ${rows}\n`);
  includes(engine.stdout, `parsed rows: ${rows}\n`);

  // Jupyter.display: an execute_result with text/html and text/plain.
  assert.deepEqual(
    display.html.length,
    1,
    `display cell outputs: ${JSON.stringify(display.outputs)}`,
  );
  assert.match(display.html[0], /^<table class="gmat-sweep">/);
  includes(display.html[0], `<th>rows</th><td>${rows}</td>`);
  includes(display.html[0], "<th>final SMA (km)</th><td>7000.000</td>");
  assert.deepEqual(display.plain, [`rows ${rows}, final SMA 7000.000 km`]);

  // A plain last value, without ANSI colour codes.
  assert.deepEqual(cleanup.plain, ["1"]);

  // No cell wrote to stderr or raised.
  for (const cell of run.codeCells) {
    assert.deepEqual(cell.stderr, "", `cell ${cell.index} stderr`);
    assert(!cell.outputs.some((o) => o.output_type === "error"), `cell ${cell.index} raised`);
  }
});

Deno.test({
  name: "notebook driver: a failing cell fails the run with its error and a plain traceback",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireComponent(JUPYTER_AVAILABLE, JUPYTER_COMPONENT);
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-notebook-fail-" });
  try {
    const cell = (source: string, id: string) => ({
      cell_type: "code",
      id,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    });
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: KERNEL_NAME, display_name: "Deno", language: "typescript" } },
      cells: [
        cell('console.log("before");', "ok"),
        cell('throw new RangeError("sweep exploded");', "bad"),
        cell('console.log("never");', "after"),
      ],
    };
    const path = join(dir, "fails.ipynb");
    await Deno.writeTextFile(path, JSON.stringify(notebook));

    const error = await runNotebook(path, { timeoutS: 60 }).then(
      () => assert.fail("the notebook should fail"),
      (e: unknown) => e,
    );
    assert(error instanceof NotebookRunError, String(error));
    assert.deepEqual(error.status, 1);
    includes(error.stderr, "cell 1 failed: RangeError: sweep exploded");
    assert(!error.stderr.includes("\u001b["), "traceback is free of ANSI codes");
    // The notebook is written up to the failure; the last cell never ran.
    assert.deepEqual(error.cells.length, 3);
    assert.deepEqual(error.cells[0].stdout, "before\n");
    assert.deepEqual(error.cells[2].outputs.length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
