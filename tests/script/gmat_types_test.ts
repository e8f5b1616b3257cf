/**
 * Checks the GMAT R2026a type catalogue against the GMAT sample missions: every type they create
 * is catalogued, every field they set before `BeginMissionSequence` is not judged unknown, and
 * every mission-sequence keyword they use is a catalogued command.
 *
 * @module
 */

import {
  GMAT_COMMANDS,
  GMAT_DEFAULT_BODIES,
  GMAT_DEFAULT_BODY_TYPES,
  GMAT_DEFAULT_COORDINATE_SYSTEMS,
  GMAT_MATH_FUNCTIONS,
  GMAT_RESOURCE_TYPES,
  gmatHasField,
  gmatTypeInfo,
} from "../../src/script/gmat_types.ts";

const SAMPLES = new URL("../../../shared/reference/gmat-samples/", import.meta.url);

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function assertEquals<T>(actual: T, expected: T, message: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message}: expected ${String(expected)}, got ${String(actual)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// A small GMAT script scanner: enough to find statements, `Create` lines and field assignments.

interface Statement {
  /** Statement text without comments, continuations joined. */
  readonly text: string;
  /** 1-based line the statement starts on. */
  readonly line: number;
}

/** Whether a `'` at `i` opens a string rather than being the transpose operator (`A'`). */
function opensString(s: string, i: number): boolean {
  return i === 0 || !/[A-Za-z0-9_.)\]']/.test(s[i - 1]);
}

/** Cut a `%` comment off one line, ignoring `%` inside single-quoted strings. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      if (inString) inString = false;
      else if (opensString(line, i)) inString = true;
    } else if (c === "%" && !inString) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Split on `;` outside strings and brackets (`[1 0; 0 1]` stays whole). */
function splitSemicolons(text: string): string[] {
  const parts: string[] = [];
  let inString = false;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      if (inString) inString = false;
      else if (opensString(text, i)) inString = true;
    } else if (inString) {
      continue;
    } else if (c === "[" || c === "{" || c === "(") {
      depth++;
    } else if (c === "]" || c === "}" || c === ")") {
      depth = Math.max(0, depth - 1);
    } else if (c === ";" && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The statements of a script, with `%` comments removed and `...` continuations joined. */
function statements(source: string): Statement[] {
  const out: Statement[] = [];
  const lines = source.split(/\r?\n/);
  let buffer = "";
  let startLine = 1;
  const flush = () => {
    for (const part of splitSemicolons(buffer)) {
      const text = part.trim();
      if (text !== "") out.push({ text, line: startLine });
    }
    buffer = "";
  };
  for (let i = 0; i < lines.length; i++) {
    const code = stripComment(lines[i]).trimEnd();
    if (buffer === "") startLine = i + 1;
    if (code.endsWith("...")) {
      buffer += code.slice(0, -3) + " ";
      continue;
    }
    buffer += code;
    flush();
  }
  if (buffer.trim() !== "") flush();
  return out;
}

const CREATE_RE = /^Create\s+([A-Za-z_]\w*)\s+(.+)$/;
/** Optional `GMAT` keyword of an assignment, with its optional `'label'`. */
const GMAT_PREFIX = String.raw`(?:GMAT\s+(?:'[^']*'\s*)?)?`;
const FIELD_ASSIGN_RE = new RegExp(
  String.raw`^${GMAT_PREFIX}([A-Za-z_]\w*)((?:\.[A-Za-z0-9_]+)+)\s*=(?!=)`,
);
const ASSIGN_RE = new RegExp(String.raw`^${GMAT_PREFIX}[A-Za-z_][\w.]*(?:\([^=]*\))?\s*=(?!=)`);
const KEYWORD_RE = /^([A-Za-z_]\w*)(?=$|[\s;(])/;

/** The names a `Create` statement declares (array sizes dropped). */
function createdNames(rest: string): string[] {
  return rest.replace(/\[[^\]]*\]/g, " ").split(/[\s,]+/).filter((n) => /^[A-Za-z_]\w*$/.test(n));
}

interface ScanResult {
  /** `Type` of each `Create Type ...`, with where it was seen. */
  readonly creates: { type: string; where: string }[];
  /** Field assignments before `BeginMissionSequence` on catalogue-typed names. */
  readonly fields: { type: string; path: string[]; where: string }[];
  /** First words of mission-sequence statements that must be commands. */
  readonly keywords: { word: string; where: string }[];
}

function scan(file: string, source: string): ScanResult {
  const result: ScanResult = { creates: [], fields: [], keywords: [] };
  const stmts = statements(source);
  const types = new Map<string, string>();
  for (const s of stmts) {
    const m = CREATE_RE.exec(s.text);
    if (m === null) continue;
    result.creates.push({ type: m[1], where: `${file}:${s.line}` });
    for (const name of createdNames(m[2])) types.set(name, m[1]);
  }
  const typeOf = (name: string): string | undefined =>
    types.get(name) ?? GMAT_DEFAULT_BODY_TYPES[name] ??
      (name === "SolarSystem" ? "SolarSystem" : undefined);

  let inMission = false;
  for (const s of stmts) {
    const where = `${file}:${s.line}`;
    if (/^BeginMissionSequence\b/.test(s.text)) {
      inMission = true;
      continue;
    }
    if (!inMission) {
      const m = FIELD_ASSIGN_RE.exec(s.text);
      if (m === null) continue;
      const type = typeOf(m[1]);
      if (type !== undefined) result.fields.push({ type, path: m[2].slice(1).split("."), where });
      continue;
    }
    if (s.text.startsWith("[") || ASSIGN_RE.test(s.text)) continue;
    const k = KEYWORD_RE.exec(s.text);
    if (k === null || types.has(k[1])) continue;
    result.keywords.push({ word: k[1], where });
  }
  return result;
}

async function sampleFiles(): Promise<{ name: string; text: string }[]> {
  try {
    const info = await Deno.stat(SAMPLES);
    assert(info.isDirectory, `${SAMPLES.pathname} is not a directory`);
  } catch (error) {
    const where = Deno.env.get("CI") ? "on CI" : "locally";
    throw new Error(
      `GMAT samples missing ${where} at ${SAMPLES.pathname}; the catalogue test needs them ` +
        `(${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const out: { name: string; text: string }[] = [];
  const walk = async (dir: URL, prefix: string): Promise<void> => {
    const entries: Deno.DirEntry[] = [];
    for await (const e of Deno.readDir(dir)) entries.push(e);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.isDirectory) {
        await walk(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`);
      } else if (e.isFile && /\.(script|gmf)$/.test(e.name)) {
        out.push({
          name: `${prefix}${e.name}`,
          text: await Deno.readTextFile(new URL(e.name, dir)),
        });
      }
    }
  };
  await walk(SAMPLES, "");
  assert(out.length > 0, `no .script or .gmf files under ${SAMPLES.pathname}`);
  return out;
}

let cached: Promise<{ scans: ScanResult[]; fileCount: number }> | undefined;

function scanSamples(): Promise<{ scans: ScanResult[]; fileCount: number }> {
  cached ??= sampleFiles().then((files) => ({
    scans: files.map((f) => scan(f.name, f.text)),
    fileCount: files.length,
  }));
  return cached;
}

// ---------------------------------------------------------------------------------------------

Deno.test("every type the sample missions create is catalogued", async () => {
  const { scans, fileCount } = await scanSamples();
  assert(fileCount >= 100, `expected the full sample set, found ${fileCount} files`);
  const missing = scans.flatMap((r) => r.creates)
    .filter((c) => gmatTypeInfo(c.type) === undefined)
    .map((c) => `${c.where}: Create ${c.type}`);
  assert(missing.length === 0, `uncatalogued types:\n${missing.join("\n")}`);
});

Deno.test("no field the sample missions set is judged unknown", async () => {
  const { scans } = await scanSamples();
  const fields = scans.flatMap((r) => r.fields);
  assert(fields.length > 1000, `expected many field assignments, found ${fields.length}`);
  const misses = fields
    .filter((f) => gmatHasField(f.type, f.path) === false)
    .map((f) => `${f.where}: ${f.type}.${f.path.join(".")}`);
  assert(misses.length === 0, `${misses.length} fields judged unknown:\n${misses.join("\n")}`);
});

Deno.test("every mission-sequence keyword in the samples is a command", async () => {
  const { scans } = await scanSamples();
  const keywords = scans.flatMap((r) => r.keywords);
  assert(keywords.length > 500, `expected many commands, found ${keywords.length}`);
  const misses = keywords
    .filter((k) => !Object.hasOwn(GMAT_COMMANDS, k.word))
    .map((k) => `${k.where}: ${k.word}`);
  assert(misses.length === 0, `unknown command keywords:\n${misses.join("\n")}`);
});

Deno.test("typos and unknown types", () => {
  assertEquals(gmatHasField("Spacecraft", ["SMAA"]), false, "Spacecraft.SMAA");
  assertEquals(gmatHasField("Propagator", ["Acuracy"]), false, "Propagator.Acuracy");
  assertEquals(gmatHasField("ForceModel", ["GravityField", "Earth", "Degre"]), false, "Degre");
  assertEquals(gmatHasField("ReportFile", ["Filename", "X"]), false, "ReportFile two segments");
  assertEquals(gmatHasField("NoSuchType", ["SMA"]), undefined, "unknown type");
  assertEquals(gmatHasField("Spacecraft", []), undefined, "empty path");
});

Deno.test("nested fields, hardware paths and partial entries", () => {
  assertEquals(gmatHasField("Spacecraft", ["Epoch", "UTCGregorian"]), true, "Epoch.<format>");
  assertEquals(gmatHasField("Spacecraft", ["BrouwerLongSMA"]), true, "Brouwer element");
  assertEquals(gmatHasField("Spacecraft", ["Q4"]), true, "attitude field");
  assertEquals(gmatHasField("Spacecraft", ["MyTank", "FuelMass"]), undefined, "hardware path");
  assertEquals(gmatHasField("ForceModel", ["GravityField", "Luna", "PotentialFile"]), true, "grav");
  assertEquals(gmatHasField("ForceModel", ["Drag", "AtmosphereModel"]), true, "drag");
  assertEquals(gmatHasField("ForceModel", ["SRP", "Flux"]), true, "srp");
  assertEquals(gmatHasField("SolarSystem", ["Earth", "NutationUpdateInterval"]), true, "body");
  assertEquals(gmatHasField("Planet", ["EopFileName"]), true, "planet");
  assertEquals(gmatHasField("Moon", ["EopFileName"]), false, "moon has no EOP file");
  assertEquals(gmatHasField("Phase", ["NotInTheSamples"]), undefined, "partial entry");
  assertEquals(gmatTypeInfo("OrbitView")?.display, true, "OrbitView is a display");
  assertEquals(gmatTypeInfo("ReportFile")?.display, undefined, "ReportFile is not a display");
  assertEquals(gmatTypeInfo("BatchEstimator")?.plugin, "libGmatEstimation", "estimation plugin");
});

Deno.test("catalogue entries are well formed", () => {
  const name = /^[A-Za-z0-9_]+$/;
  for (const [type, info] of Object.entries(GMAT_RESOURCE_TYPES)) {
    assert(info.fields.length > 0, `${type} has no fields`);
    assertEquals(new Set(info.fields).size, info.fields.length, `${type} repeats a field`);
    for (const f of info.fields) assert(name.test(f), `${type} field '${f}'`);
    for (const p of info.patterns ?? []) {
      const parts = p.split(".");
      assert(parts.length > 1, `${type} pattern '${p}' has one segment`);
      for (const part of parts) assert(part === "*" || name.test(part), `${type} pattern '${p}'`);
    }
  }
  assertEquals(new Set(GMAT_MATH_FUNCTIONS).size, GMAT_MATH_FUNCTIONS.length, "function repeats");
});

Deno.test("default objects, commands and functions", () => {
  for (const body of GMAT_DEFAULT_BODIES) {
    const type = GMAT_DEFAULT_BODY_TYPES[body];
    assert(type !== undefined && Object.hasOwn(GMAT_RESOURCE_TYPES, type), `${body} type`);
  }
  assert(GMAT_DEFAULT_COORDINATE_SYSTEMS.includes("EarthMJ2000Eq"), "EarthMJ2000Eq");
  assertEquals(GMAT_COMMANDS.If?.block, "open", "If opens");
  assertEquals(GMAT_COMMANDS.Else?.block, "else", "Else splits");
  assertEquals(GMAT_COMMANDS.EndOptimize?.block, "close", "EndOptimize closes");
  assertEquals(GMAT_COMMANDS.RunEstimator?.plugin, "libGmatEstimation", "RunEstimator plugin");
  for (const fn of ["sin", "Sin", "atan2", "DegToRad", "deg2Rad", "norm", "Transpose", "mod"]) {
    assert(GMAT_MATH_FUNCTIONS.includes(fn), `math function ${fn}`);
  }
  for (const fn of ["sprintf", "strcat", "num2str", "Num2str", "ConvertTime", "Sign"]) {
    assert(GMAT_MATH_FUNCTIONS.includes(fn), `function ${fn}`);
  }
  assert(!GMAT_MATH_FUNCTIONS.includes("sinh"), "sinh is not created by GMAT's MathFactory");
});
