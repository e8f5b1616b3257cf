/**
 * Outputs as GMAT writes them, recorded as what they are: ReportFiles with and without a header
 * line (columns from the script's `Add` list), free-text reports (the `Write` command, `Report`
 * lines without an `Add` list) kept as text, DifferentialCorrector logs parsed into
 * `solver__<name>.parquet` with solver-run and convergence tables, and a report that parses to no
 * rows while GMAT wrote data as a failed output.
 *
 * Real GMAT's files: its solver logs (`tests/solvers/testdata/`, see PROVENANCE there: gmat-run's
 * GEO transfer fixtures and the DC logs of 19 stock samples) and three free-text reports of its
 * samples (`fixtures/gmat/outputs/`, PROVENANCE there). Every parsed value is compared with the
 * same value read from the file by a different, simple route (regular expressions over its
 * lines), and with facts GMAT states (iteration counts, convergence).
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { makeGmatInstall } from "../../src/engine/mod.ts";
import type { RunOutput } from "../../src/formats/mod.ts";
import { discoverOutputs } from "../../src/gmat/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { readParquet, writeRunOutputs } from "../../src/table/mod.ts";
import { fixture, ROOT } from "../_support/engine.ts";

const SOLVER_DATA = join(ROOT, "tests", "solvers", "testdata");
const OUTPUTS = fixture("gmat/outputs");

async function tempDir(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "gmat-sweep-outputs-" });
}

/** Nominal passes read straight from a DC log's lines: iteration, variables, achieved values. */
function readDcLogByRegex(text: string) {
  const passes: { iteration: number; variables: number[]; achieved: number[] }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const it = /^Iteration (\d+)$/.exec(lines[i]);
    if (!it || lines[i + 1] !== "Running Nominal Pass") continue;
    const pass = { iteration: Number(it[1]), variables: [] as number[], achieved: [] as number[] };
    let j = i + 3; // "Variables:" then one "   name = value" line each
    for (; /^ {3}\S.* = \S+$/.test(lines[j]); j++) {
      pass.variables.push(Number(lines[j].split(" = ")[1]));
    }
    for (; j < lines.length && !/^(Iteration \d+|\*\*\* Targeting)/.test(lines[j]); j++) {
      const m = / Achieved: (\S+)$/.exec(lines[j]);
      if (m) pass.achieved.push(Number(m[1]));
    }
    passes.push(pass);
  }
  const banner = /\*\*\* Targeting Completed in (\d+) iterations/.exec(text);
  return { passes, completedIn: banner ? Number(banner[1]) : undefined };
}

Deno.test("GMAT's DifferentialCorrector logs become solver__<name>.parquet, value for value", async () => {
  const dir = await tempDir();
  const logs = [
    join(SOLVER_DATA, "gmat_run", "dc_converged_R2026a.data"),
    join(SOLVER_DATA, "gmat_run", "dc_maxiter_R2026a.data"),
    ...[...Deno.readDirSync(join(SOLVER_DATA, "samples"))].map((e) =>
      join(SOLVER_DATA, "samples", e.name)
    ).sort(),
  ];
  assert.equal(logs.length, 21);
  for (const [k, log] of logs.entries()) {
    const text = await Deno.readTextFile(log);
    const runDir = join(dir, `run-${k}`);
    const output: RunOutput = {
      kind: "solver",
      name: "DC",
      path: log,
      format: "DifferentialCorrector",
      rows: 0,
    };
    const paths = writeRunOutputs([output], runDir);
    assert.deepEqual(Object.keys(paths), ["solver__DC"]);
    const table = await readParquet(paths["solver__DC"]);
    const expected = readDcLogByRegex(text);
    const name = basename(log);
    assert.equal(table.numRows, expected.passes.length, name);
    assert.deepEqual(
      [...table.getChild("iteration")!.toArray()].map(Number),
      expected.passes.map((p) => p.iteration),
      name,
    );
    // Variables are the columns after `iteration`; goals follow in fours.
    const names = table.schema.names.map(String);
    const nVar = expected.passes[0].variables.length;
    for (const [r, pass] of expected.passes.entries()) {
      for (let v = 0; v < nVar; v++) {
        assert.equal(table.getChild(names[1 + v])!.get(r), pass.variables[v], `${name} row ${r}`);
      }
      pass.achieved.forEach((a, g) => {
        assert.equal(table.getChild(names[1 + nVar + 4 * g])!.get(r), a, `${name} goal ${g}`);
      });
    }
    // GMAT's banner counts the passes; the last one carries the run's status.
    if (expected.completedIn !== undefined) {
      assert.equal(table.numRows, expected.completedIn, name);
    }
    const status = table.getChild("status")!;
    const converged = table.getChild("converged")!;
    assert.equal(
      status.get(table.numRows - 1) === "converged",
      converged.get(table.numRows - 1) === 1n,
    );
  }
  // Facts of gmat-run's GEO transfer logs: converged in 7 at MOI.Element1 = -0.48145648858...;
  // with MaximumIterations = 1 it stops after one pass, not converged.
  const conv = await readParquet(join(dir, "run-0", "solver__DC.parquet"));
  assert.equal(conv.numRows, 7);
  assert.equal(conv.getChild("status")!.get(6), "converged");
  assert.equal(conv.getChild("MOI.Element1")!.get(6), -0.4814564885851172);
  const maxIter = await readParquet(join(dir, "run-1", "solver__DC.parquet"));
  assert.equal(maxIter.numRows, 1);
  assert.equal(maxIter.getChild("status")!.get(0), "max_iter");
  assert.equal(maxIter.getChild("converged")!.get(0), 0n);
  assert.equal(maxIter.getChild("geoSat.Earth.SMA")!.get(0), 8929.80725361425);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("GMAT's free-text reports are text outputs; a headerless data line never becomes an empty table", async () => {
  const dir = await tempDir();
  const cases = [
    ["Ex_WriteCommand", "theReport"],
    ["Ex_ForceModel_ExtraShadowBodies", "RF"],
    ["Ex_NewStringFunctions", "rf"],
  ];
  for (const [sample, resource] of cases) {
    const script = join(OUTPUTS, `${sample}.script`);
    const outputs = discoverOutputs(await Deno.readTextFile(script), script);
    const report = outputs.find((o) => o.name === resource)!;
    assert.equal(report.freeText, true, `${sample}: ${resource} is free text`);
    const file = [...Deno.readDirSync(OUTPUTS)].find((e) => e.name.startsWith(`${sample}__`))!;
    const path = join(OUTPUTS, file.name);
    const paths = writeRunOutputs(
      [{ kind: "text", name: resource, path, format: "Text", rows: 0 }],
      dir,
    );
    assert.deepEqual(paths, { [`text__${resource}`]: path }, "kept as GMAT wrote it");
  }
  // Read as a table with a header line, GMAT's one headerless data line is refused, not turned
  // into a column named after the data with no rows.
  const line = join(
    OUTPUTS,
    "Ex_ForceModel_ExtraShadowBodies__Ex_ForceModel_ExtraShadowBodies.txt",
  );
  assert.throws(
    () =>
      writeRunOutputs(
        [{ kind: "report", name: "RF", path: line, format: "ReportFile", rows: 0 }],
        dir,
      ),
    /holds numbers, not column names/,
  );
  await Deno.remove(dir, { recursive: true });
});

/** A GMAT-shaped install running the built-in console. */
async function install(dir: string): Promise<string> {
  return await makeGmatInstall(join(dir, "GMAT-R2026a"));
}

Deno.test("a ReportFile written without headers gets its Add list as columns: the same table as with headers (both engines)", async () => {
  const dir = await tempDir();
  const root = await install(dir);
  const tables = [];
  const configs = [[true, "gmat"], [false, "gmat"], [false, "builtin"]] as const;
  for (const [headers, engine] of configs) {
    const script = join(dir, `leo_${headers}.script`);
    await Deno.writeTextFile(
      script,
      (await Deno.readTextFile(fixture("scripts/leo_basic.script"))).replace(
        "GMAT RF.Filename = 'sat.report';",
        `GMAT RF.Filename = 'sat.report';\nGMAT RF.WriteHeaders = ${headers};`,
      ),
    );
    const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": [7000, 7100] }), {
      outputDir: join(dir, `h${headers}${engine}`),
      engine,
      gmatRoot: root,
      workers: 1,
    });
    const done = await sweep.run();
    const why = (await sweep.manifest()).entries.map((e) => e.stderr).join("\n");
    assert.equal(done.ok, 2, why);
    const first = await Deno.readTextFile(join(dir, `h${headers}${engine}`, "run-0", "sat.report"));
    assert.equal(first.startsWith("Sat.UTCGregorian"), headers, "GMAT's file as written");
    tables.push(await sweep.toTable());
  }
  // Real GMAT's stand-in and the built-in engine in process read the headerless file alike.
  const [withHeaders, ...without] = tables;
  for (const table of without) {
    assert.deepEqual(table.schema.names, withHeaders.schema.names);
    assert.equal(table.numRows, 6);
    for (const name of withHeaders.schema.names) {
      assert.deepEqual(
        [...table.getChild(name)!.toArray()],
        [...withHeaders.getChild(name)!.toArray()],
        String(name),
      );
    }
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a sweep records Write-command reports as text and targeter logs as solver tables", async () => {
  const dir = await tempDir();
  const root = await install(dir);
  // GMAT's battery Hohmann transfer (a DC with two variables and two goals), plus a free-text
  // report the mission writes values to with the Write command.
  const script = join(dir, "hohmann.script");
  await Deno.writeTextFile(
    script,
    (await Deno.readTextFile(join(SOLVER_DATA, "hohmann_dc", "case.script")))
      .replace("Create ReportFile RF;", "Create ReportFile Notes;\nCreate ReportFile RF;")
      .replace(/\s*$/, "\nWrite tag Sat.Earth.SMA { ReportFile = Notes };\n"),
  );
  const sweep = await Sweep.create(script, gridRunSet({ "DC.MaximumIterations": [25, 2] }), {
    outputDir: join(dir, "out"),
    engine: "gmat",
    gmatRoot: root,
    workers: 2,
    timeoutS: 120,
  });
  const summary = await sweep.run();
  const entries = (await sweep.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
  assert.equal(summary.ok, 2, entries.map((e) => e.stderr).join("\n"));
  for (const e of entries) {
    assert.ok("solver__DC" in e.output_paths, Object.keys(e.output_paths).join(", "));
    assert.match(e.output_paths["text__Notes"], /Notes\.txt$/);
    const notes = await Deno.readTextFile(join(dir, "out", `run-${e.run_id}`, "Notes.txt"));
    // The Write command writes its items like a Report: names, then values.
    assert.match(notes, /^tag {2,}Sat\.Earth\.SMA/, notes);
    // The log sits in the run directory under GMAT's name, as in a process-per-run run.
    await Deno.stat(join(dir, "out", `run-${e.run_id}`, "DC_report.data"));
  }
  // Solver runs: (run_id, iteration); convergence: one row per run.
  const runs = await sweep.toTable({ kind: "solver", name: "DC" });
  const iterations = [...runs.getChild("run_id")!.toArray()].map(Number);
  const log0 = readDcLogByRegex(
    await Deno.readTextFile(join(dir, "out", "run-0", "DC_report.data")),
  );
  const log1 = readDcLogByRegex(
    await Deno.readTextFile(join(dir, "out", "run-1", "DC_report.data")),
  );
  assert.equal(iterations.filter((r) => r === 0).length, log0.passes.length);
  assert.equal(iterations.filter((r) => r === 1).length, log1.passes.length);
  const summaryTable = await sweep.solverConvergence({ name: "DC" });
  assert.deepEqual([...summaryTable.getChild("run_id")!.toArray()].map(Number), [0, 1]);
  assert.deepEqual([...summaryTable.getChild("status")!.toArray()], ["converged", "max_iter"]);
  assert.deepEqual([...summaryTable.getChild("converged")!.toArray()], [true, false]);
  assert.deepEqual(
    [...summaryTable.getChild("iterations")!.toArray()].map(Number),
    [log0.passes.length, 2],
  );
  assert.equal(log0.completedIn, log0.passes.length);
  await Deno.remove(dir, { recursive: true });
});

/** Nominal passes of a Yukon log read by a different route: split on the pass lines. */
function readYukonByRegex(text: string) {
  return text.split(/\n(?=\S+ Iteration \d+; Function Evaluation \d+; Nominal Pass\n)/).slice(1)
    .map((block) => ({
      iteration: Number(/Iteration (\d+);/.exec(block)![1]),
      variables: [...block.matchAll(/X\d = (\S+?)(?:,|\n)/g)].map((m) => Number(m[1])),
      cost: Number(/Cost Function Value: (\S+)/.exec(block)![1]),
      deltaG: Number(/Delta G = (\S+)/.exec(block)![1]),
    }));
}

Deno.test("GMAT's Yukon optimizer logs become solver__<name>.parquet, value for value", async () => {
  const dir = await tempDir();
  const facts = {
    "yukon_converged_R2026a.data": { passes: 3, status: "converged", x: [2, 2] },
    "yukon_maxiter_R2026a.data": {
      passes: 5,
      status: "max_iter",
      x: [0.209665563906, 0.105307376277],
    },
  };
  for (const [file, fact] of Object.entries(facts)) {
    const path = join(SOLVER_DATA, "gmat_run", file);
    const paths = writeRunOutputs(
      [{ kind: "solver", name: "Yukon1", path, format: "Yukon", rows: 0 }],
      join(dir, file),
    );
    const table = await readParquet(paths["solver__Yukon1"]);
    const expected = readYukonByRegex(await Deno.readTextFile(path));
    assert.equal(table.numRows, fact.passes, file);
    assert.equal(expected.length, fact.passes, file);
    assert.deepEqual(
      table.schema.names,
      ["iteration", "function_evaluation", "X1", "X2", "cost", "G_residual", "status", "converged"],
    );
    expected.forEach((pass, r) => {
      assert.equal(Number(table.getChild("iteration")!.get(r)), pass.iteration);
      assert.equal(Number(table.getChild("function_evaluation")!.get(r)), r + 1);
      assert.equal(table.getChild("X1")!.get(r), pass.variables[0]);
      assert.equal(table.getChild("X2")!.get(r), pass.variables[1]);
      assert.equal(table.getChild("cost")!.get(r), pass.cost);
      assert.equal(table.getChild("G_residual")!.get(r), pass.deltaG);
    });
    const last = fact.passes - 1;
    assert.equal(table.getChild("status")!.get(last), fact.status);
    assert.equal(table.getChild("converged")!.get(last), fact.status === "converged" ? 1n : 0n);
    assert.deepEqual([table.getChild("X1")!.get(last), table.getChild("X2")!.get(last)], fact.x);
  }
  await Deno.remove(dir, { recursive: true });
});
