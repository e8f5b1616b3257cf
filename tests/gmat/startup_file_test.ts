import assert from "node:assert/strict";
import { join } from "node:path";
import { readStartupFile } from "../../src/engine/mod.ts";
import {
  parseStartupFile,
  renderRunStartupFile,
  resolveStartupValues,
} from "../../src/gmat/mod.ts";
import { fixture } from "./_install.ts";

const BIN = "/opt/gmat-R2026a/bin";
const RUN = "/work/sweep/runs/run-000042";

Deno.test("parseStartupFile() lists KEY = VALUE lines and skips comments", async () => {
  const entries = parseStartupFile(await Deno.readTextFile(fixture("gmat/gmat_startup_file.txt")));
  assert.deepEqual(entries[0], { key: "ROOT_PATH", value: "../", line: 5 });
  assert.equal(entries.filter((e) => e.key === "PLUGIN").length, 4);
  assert.ok(!entries.some((e) => e.key === "RUN_MODE"), "commented keys are skipped");
});

Deno.test("resolveStartupValues() expands *_PATH prefixes and ../ against the bin dir", async () => {
  const values = resolveStartupValues(
    await Deno.readTextFile(fixture("gmat/gmat_startup_file.txt")),
    BIN,
  );
  assert.equal(values.get("ROOT_PATH"), "/opt/gmat-R2026a/");
  assert.equal(values.get("DATA_PATH"), "/opt/gmat-R2026a/data/");
  assert.equal(values.get("LEAP_SECS_FILE"), "/opt/gmat-R2026a/data/time/tai-utc.dat");
  assert.equal(values.get("LOG_FILE"), "/opt/gmat-R2026a/output/GmatLog.txt");
  assert.equal(values.get("GMAT_INCLUDE_PATH"), "/opt/gmat-R2026a/samples/SupportFiles/");
});

Deno.test("renderRunStartupFile() makes paths absolute and points OUTPUT_PATH/LOG_FILE into the run", async () => {
  const stock = await Deno.readTextFile(fixture("gmat/gmat_startup_file.txt"));
  const log = join(RUN, "GmatLog.txt");
  const text = renderRunStartupFile(stock, { binDir: BIN, outputDir: RUN, logFile: log });
  const lines = text.split("\n");
  const line = (key: string) => lines.filter((l) => l.startsWith(`${key} `));
  assert.deepEqual(line("ROOT_PATH"), ["ROOT_PATH                = /opt/gmat-R2026a/"]);
  assert.deepEqual(line("OUTPUT_PATH"), [`OUTPUT_PATH              = ${RUN}/`]);
  assert.deepEqual(line("LOG_FILE"), [`LOG_FILE                 = ${log}`]);
  assert.deepEqual(line("PLUGIN"), [
    "PLUGIN                   = /opt/gmat-R2026a/plugins/libDataFile",
    "PLUGIN                   = /opt/gmat-R2026a/plugins/libEventLocator",
    "PLUGIN                   = /opt/gmat-R2026a/plugins/libYukonOptimizer",
    "PLUGIN                   = /opt/gmat-R2026a/plugins/proprietary/libMarsGRAM",
  ]);
  // Prefixed values stay for GMAT to expand; comments are kept.
  assert.deepEqual(line("DATA_PATH"), ["DATA_PATH                = ROOT_PATH/data/"]);
  assert.ok(lines.includes("#RUN_MODE = TESTING"));
  assert.ok(!/= \.\.?\//.test(text), "no relative path is left");

  // Every key resolves to the same place as before, except the two moved into the run.
  const before = resolveStartupValues(stock, BIN);
  const after = resolveStartupValues(text, "/somewhere/else");
  for (const [key, value] of before) {
    if (key === "PLUGIN") continue;
    const moved = ["OUTPUT_PATH", "LOG_FILE", "REPORT_FILE", "MEASUREMENT_PATH", "EPHEM_PATH"];
    if (!moved.includes(key)) assert.equal(after.get(key), value, key);
  }
  assert.equal(after.get("REPORT_FILE"), join(RUN, "GmatReport.txt"));

  // The built-in console reads it the same way.
  assert.deepEqual(readStartupFile(text, "/elsewhere/bin"), {
    outputPath: `${RUN}/`,
    logFile: log,
  });
});

Deno.test("renderRunStartupFile() adds missing keys and keeps CRLF", () => {
  const text = renderRunStartupFile("ROOT_PATH = ..\\\r\nPLUGIN = ./libX\r\n", {
    binDir: BIN,
    outputDir: RUN,
    logFile: `${RUN}/GmatLog.txt`,
    source: "/opt/gmat-R2026a/bin/gmat_startup_file.txt",
  });
  const lines = text.split("\r\n");
  assert.match(lines[0], /^# Per-run startup file written by gmat-sweep from \/opt\/gmat-R2026a/);
  assert.ok(lines.includes(`PLUGIN = ${BIN}/libX`));
  assert.deepEqual(lines.slice(-3), [`OUTPUT_PATH = ${RUN}/`, `LOG_FILE = ${RUN}/GmatLog.txt`, ""]);
  assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
});
