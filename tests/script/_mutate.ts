/**
 * The deterministic fuzz cases of `fuzz_test.ts`: a seeded PRNG, the GMAT sample corpus, the
 * mutation kinds, and (when this module is started as a worker) the loop that runs the cases.
 *
 * Every case is a pure function of its index: `makeCase(corpus, i)` seeds its own PRNG from
 * {@link FUZZ_SEED} and `i`, picks a sample and a mutation kind, and returns the mutated text. To
 * reproduce case 1234 by hand:
 *
 * ```ts
 * import { loadCorpus, makeCase } from "./tests/script/_mutate.ts";
 * const c = makeCase(loadCorpus(), 1234);
 * console.log(c.kind, c.sample, JSON.stringify(c.text.slice(0, 200)));
 * ```
 *
 * @module
 */

import { fileIncludeReader, parseScript } from "../../src/script/parser.ts";
import { checkScriptText } from "../../src/engine/run_script.ts";
import { GmatSweepError } from "../../src/errors/mod.ts";

/** The fixed seed every fuzz run starts from. */
export const FUZZ_SEED = 0x6a_7e_5e_ed;

/** The sample folder: `../shared/reference/gmat-samples/` beside the repository. */
export const CORPUS_DIR = new URL("../../../shared/reference/gmat-samples/", import.meta.url);

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small, fast 32-bit PRNG with a full 2^32 period. */
export class Rng {
  #a: number;

  /** Creates a generator from a 32-bit seed. */
  constructor(seed: number) {
    this.#a = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#a = (this.#a + 0x6d2b79f5) >>> 0;
    let t = this.#a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A 32-bit integer hash (the murmur3 finalizer). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The PRNG of case `index`, independent of every other case. */
export function caseRng(index: number): Rng {
  return new Rng(mix32((FUZZ_SEED ^ mix32(index + 1)) >>> 0));
}

// ---------------------------------------------------------------------------------------------
// Corpus

/** One sample script. */
export interface Sample {
  /** The path relative to {@link CORPUS_DIR}, for messages. */
  readonly name: string;
  /** The real absolute path (includes resolve relative to it). */
  readonly path: string;
  /** The file's text. */
  readonly text: string;
}

/**
 * Every `.script` and `.gmf` under {@link CORPUS_DIR}, sorted by name so the case list is the
 * same on every machine.
 *
 * @throws {Error} When the folder is missing or holds no sample.
 */
export function loadCorpus(dir: URL = CORPUS_DIR): Sample[] {
  const root = decodeURIComponent(dir.pathname);
  const out: Sample[] = [];
  const walk = (rel: string): void => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(root + rel)];
    } catch (e) {
      throw new Error(
        `fuzz corpus folder ${root + rel} cannot be read (${(e as Error).message}); ` +
          "the GMAT samples must be at ../shared/reference/gmat-samples/",
      );
    }
    for (const e of entries) {
      const name = rel + e.name;
      if (e.isDirectory) walk(name + "/");
      else if (e.isFile && /\.(script|gmf)$/i.test(e.name)) {
        out.push({ name, path: root + name, text: Deno.readTextFileSync(root + name) });
      }
    }
  };
  walk("");
  if (out.length === 0) throw new Error(`fuzz corpus folder ${root} holds no .script/.gmf file`);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** The mutation kinds, picked uniformly. `combo` applies two or three of the others. */
export const KINDS = [
  "byteFlip",
  "truncate",
  "lines",
  "nesting",
  "oddNumber",
  "longLine",
  "oddChars",
  "keyword",
  "splice",
  "combo",
] as const;

/** One mutation kind. */
export type Kind = typeof KINDS[number];

/** One fuzz case. */
export interface FuzzCase {
  /** The case index (its seed). */
  readonly index: number;
  /** What was done, e.g. `nesting(paren x 9000 @rhs)`. */
  readonly kind: string;
  /** The sample it started from. */
  readonly sample: Sample;
  /** The mutated text. */
  readonly text: string;
}

type Mutator = (rng: Rng, text: string, sample: Sample, corpus: readonly Sample[]) => {
  text: string;
  what: string;
};

/** Offsets of every line start (0 and after each LF), plus the end of the text. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) out.push(i + 1);
  if (out[out.length - 1] !== text.length) out.push(text.length);
  return out;
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

/** Insert a piece either as a new line at a line boundary or at a random offset. */
function insertSomewhere(rng: Rng, text: string, piece: string, pLine = 0.7): {
  text: string;
  where: string;
} {
  if (rng.chance(pLine)) {
    const at = rng.pick(lineStarts(text));
    return { text: insertAt(text, at, piece + "\n"), where: "line" };
  }
  return { text: insertAt(text, rng.int(text.length + 1), piece), where: "offset" };
}

const byteFlip: Mutator = (rng, text) => {
  const n = rng.range(1, 20);
  const anyAscii = rng.chance(0.5);
  const chars = text.split("");
  for (let k = 0; k < n && chars.length > 0; k++) {
    const code = anyAscii ? rng.int(0x80) : rng.range(0x20, 0x7e);
    chars[rng.int(chars.length)] = String.fromCharCode(code);
  }
  return { text: chars.join(""), what: `${n} ${anyAscii ? "0x00-0x7f" : "printable"}` };
};

const truncate: Mutator = (rng, text) => {
  const at = rng.int(text.length + 1);
  return { text: text.slice(0, at), what: `at ${at}` };
};

const lines: Mutator = (rng, text) => {
  const ls = text.split("\n");
  const ops: string[] = [];
  const n = rng.range(1, 5);
  for (let k = 0; k < n && ls.length > 0; k++) {
    const i = rng.int(ls.length);
    const op = rng.pick(["delete", "duplicate", "swap"] as const);
    if (op === "delete") ls.splice(i, 1);
    else if (op === "duplicate") ls.splice(i, 0, ...Array(rng.range(1, 3)).fill(ls[i]));
    else {
      const j = rng.int(ls.length);
      [ls[i], ls[j]] = [ls[j], ls[i]];
    }
    ops.push(op);
  }
  return { text: ls.join("\n"), what: ops.join(",") };
};

/** N for deep nesting: mostly small, sometimes large, up to 20,000. */
function depth(rng: Rng): number {
  const r = rng.next();
  if (r < 0.4) return rng.range(1, 200);
  if (r < 0.7) return rng.range(200, 3000);
  return rng.range(3000, 20000);
}

const NESTS: Record<string, (n: number) => string> = {
  paren: (n) => "(".repeat(n) + "1" + ")".repeat(n),
  brace: (n) => "{".repeat(n) + "1" + "}".repeat(n),
  bracket: (n) => "[".repeat(n) + "1" + "]".repeat(n),
  call: (n) => "f(".repeat(n) + "1" + ")".repeat(n),
  minus: (n) => "-".repeat(n) + "1",
  plus: (n) => "1" + "+1".repeat(n),
  openOnly: (n) => "(".repeat(n) + "1",
  mixed: (n) => "([{".repeat(Math.ceil(n / 3)) + "1" + "}])".repeat(Math.ceil(n / 3)),
};

/** Lines of the form `<lhs> = <rhs>` (outside comments), by index. */
function assignmentLines(ls: readonly string[]): number[] {
  const out: number[] = [];
  ls.forEach((l, i) => {
    const eq = l.indexOf("=");
    const pc = l.indexOf("%");
    if (eq > 0 && (pc < 0 || pc > eq)) out.push(i);
  });
  return out;
}

const nesting: Mutator = (rng, text) => {
  const form = rng.pick(Object.keys(NESTS));
  const n = depth(rng);
  const nest = NESTS[form](n);
  const mode = rng.pick(["rhs", "offset", "line", "if", "create"] as const);
  let out: string;
  if (mode === "rhs") {
    const ls = text.split("\n");
    const cand = assignmentLines(ls);
    const i = cand.length > 0 ? rng.pick(cand) : rng.int(ls.length);
    const eq = ls[i].indexOf("=");
    ls[i] = eq >= 0 ? ls[i].slice(0, eq + 1) + " " + nest : `x = ${nest}`;
    out = ls.join("\n");
  } else if (mode === "offset") {
    out = insertAt(text, rng.int(text.length + 1), nest);
  } else if (mode === "line") {
    out = insertAt(text, rng.pick(lineStarts(text)), `GMAT x = ${nest}\n`);
  } else if (mode === "if") {
    out = insertAt(text, rng.pick(lineStarts(text)), `If ${nest} > 0\nEndIf\n`);
  } else {
    out = insertAt(text, rng.pick(lineStarts(text)), `Create Array A${nest}\n`);
  }
  return { text: out, what: `${form} x ${n} @${mode}` };
};

const ODD_NUMBERS = [
  "1e400",
  "-1e400",
  "1e-400",
  "99999999999999999999999999",
  "0x10",
  "1.2.3",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e",
  "1e+",
  ".",
  "-.e5",
  "1_000",
  "0b101",
  "1..2",
  "4.9e-324",
  "1.7976931348623157e308",
  "9007199254740993",
];

const NUMBER_RE = /(?<![A-Za-z_0-9.])\d+(?:\.\d*)?(?:[eE][-+]?\d+)?/g;

const oddNumber: Mutator = (rng, text) => {
  const odd = rng.pick(ODD_NUMBERS);
  const hits = [...text.matchAll(NUMBER_RE)];
  if (hits.length === 0) {
    return { text: insertAt(text, rng.int(text.length + 1), odd), what: `${odd} inserted` };
  }
  const h = rng.pick(hits);
  const at = h.index;
  return {
    text: text.slice(0, at) + odd + text.slice(at + h[0].length),
    what: `${h[0]} -> ${odd}`,
  };
};

/** The repeated token of a long line. */
const LONG_UNITS = [
  "x",
  "9",
  "1.",
  " ",
  "\t",
  "a_",
  ".b",
  "e",
  "-",
  "+1",
  "'",
  "(",
  ")",
  "1, ",
  "S ",
  ";",
  "%",
  "=",
  "...",
];

/** Where the long run goes; `rhs` and `rhsString` replace the value of an existing line. */
const LONG_PLACES: Record<string, (run: string) => string> = {
  bare: (r) => r,
  rhs: (r) => r,
  rhsString: (r) => `'${r}'`,
  assign: (r) => "GMAT x = " + r,
  string: (r) => `GMAT x = '${r}'`,
  openString: (r) => "GMAT x = '" + r,
  comment: (r) => "% " + r,
  trailingComment: (r) => "GMAT x = 1 % " + r,
  lhs: (r) => `Sat${r}X = 1`,
  list: (r) => `GMAT x = {${r}}`,
  create: (r) => "Create Spacecraft " + r,
  call: (r) => `f(${r})`,
  command: (r) => "Propagate " + r,
  continuation: (r) => r.replace(/[^]{1,200}/g, "$& ...\n") + "1",
};

/** A character that may end a long run (a failing tail is what makes a regex backtrack). */
const TAILS = ["", "x", "-", "+", "*", ")", "'", " ", ".", "e", ";", "%", "=", "1"];

const longLine: Mutator = (rng, text) => {
  const unit = rng.pick(LONG_UNITS);
  const place = rng.pick(Object.keys(LONG_PLACES));
  const n = rng.range(50_000, 200_000);
  const tail = rng.chance(0.5) ? rng.pick(TAILS) : "";
  const run = unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail;
  const piece = LONG_PLACES[place](run);
  const what = `${JSON.stringify(unit)} x ${n} + ${JSON.stringify(tail)} @${place}`;
  if (place === "rhs" || place === "rhsString") {
    const ls = text.split("\n");
    const cand = assignmentLines(ls);
    if (cand.length > 0) {
      const i = rng.pick(cand);
      const eq = ls[i].indexOf("=");
      ls[i] = ls[i].slice(0, eq + 1) + " " + piece;
      return { text: ls.join("\n"), what: `${what}:line ${i + 1}` };
    }
  }
  const r = insertSomewhere(rng, text, piece, 0.8);
  return { text: r.text, what: `${what}:${r.where}` };
};

const ODD_CHARS: Record<string, string> = {
  nul: "\0",
  cr: "\r",
  ls: "\u2028",
  ps: "\u2029",
  bom: "\ufeff",
  tab: "\t",
  crlf: "\r\n",
  del: "\x7f",
  nbsp: "\u00a0",
  surrogate: "\ud800",
};

const oddChars: Mutator = (rng, text) => {
  const n = rng.range(1, 10);
  const names: string[] = [];
  let out = text;
  for (let k = 0; k < n; k++) {
    const name = rng.pick(Object.keys(ODD_CHARS));
    names.push(name);
    out = insertAt(out, rng.int(out.length + 1), ODD_CHARS[name]);
  }
  return { text: out, what: names.join(",") };
};

const keyword: Mutator = (rng, text, sample) => {
  const self = sample.name.split("/").pop() ?? sample.name;
  const words = [
    "EndIf",
    "Else",
    "BeginMissionSequence",
    "Create",
    "GMAT",
    "#Include 'x.script'",
    `#Include '${self}'`,
    "#Include '.'",
    "#Include ''",
    "#Include",
    "BeginScript",
    "EndScript",
    "function [a] = f(b)",
    "If",
    "While x < 1",
    "For I = 1:10",
    "EndFor",
    "EndWhile",
    "Target DC",
    "EndTarget",
    "Optimize NLP",
    "EndOptimize",
    "Propagate",
    "Create Spacecraft",
    "GMAT =",
    "...",
    ";",
    "'",
    "=",
  ];
  const count = rng.range(1, 3);
  let out = text;
  const used: string[] = [];
  for (let k = 0; k < count; k++) {
    const w = rng.pick(words);
    const r = insertSomewhere(rng, out, w);
    out = r.text;
    used.push(`${w}@${r.where}`);
  }
  return { text: out, what: used.join(" ; ") };
};

const splice: Mutator = (rng, text, _sample, corpus) => {
  const other = rng.pick(corpus);
  const a = rng.int(other.text.length + 1);
  const b = Math.min(other.text.length, a + rng.range(1, 4000));
  const r = insertSomewhere(rng, text, other.text.slice(a, b), 0.5);
  return { text: r.text, what: `${other.name}[${a}:${b}] @${r.where}` };
};

const MUTATORS: Record<Exclude<Kind, "combo">, Mutator> = {
  byteFlip,
  truncate,
  lines,
  nesting,
  oddNumber,
  longLine,
  oddChars,
  keyword,
  splice,
};

const SIMPLE = Object.keys(MUTATORS) as Exclude<Kind, "combo">[];

/**
 * Case `index`: a sample and a mutation, both chosen by the case's own PRNG.
 *
 * @param corpus The samples from {@link loadCorpus}.
 * @param index The case index.
 */
export function makeCase(corpus: readonly Sample[], index: number): FuzzCase {
  const rng = caseRng(index);
  const sample = rng.pick(corpus);
  const kind = rng.pick(KINDS);
  if (kind !== "combo") {
    const r = MUTATORS[kind](rng, sample.text, sample, corpus);
    return { index, kind: `${kind}(${r.what})`, sample, text: r.text };
  }
  let text = sample.text;
  const parts: string[] = [];
  const n = rng.range(2, 3);
  for (let k = 0; k < n; k++) {
    // Keep combos cheap: at most one of the large mutations.
    const pool = parts.some((p) => p.startsWith("longLine") || p.startsWith("nesting"))
      ? SIMPLE.filter((s) => s !== "longLine" && s !== "nesting")
      : SIMPLE;
    const m = rng.pick(pool);
    const r = MUTATORS[m](rng, text, sample, corpus);
    text = r.text;
    parts.push(`${m}(${r.what})`);
  }
  return { index, kind: `combo[${parts.join(" + ")}]`, sample, text };
}

// ---------------------------------------------------------------------------------------------
// Running a case

/** How a case ended (`hang`: cut off by the test's watchdog). */
export type Outcome = "accepted" | "clean" | "uncaught" | "hang";

/** The result of one case. */
export interface CaseResult {
  readonly index: number;
  readonly kind: string;
  readonly sample: string;
  readonly outcome: Outcome;
  readonly ms: number;
  /** For `uncaught` and `hang`: the error's name, message and first stack lines. */
  readonly error?: string;
  /** For `clean`: the error code. */
  readonly code?: string;
}

/** The error's name, first message line and first stack frames, for a report. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error thrown: ${String(e).slice(0, 200)}`;
  const head = `${e.name}: ${e.message.split("\n")[0].slice(0, 300)}`;
  const frames = (e.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at "));
  return [head, ...frames.slice(0, 4).map((f) => "    " + f.trim())].join("\n");
}

/**
 * Run one case: `parseScript` with the file include reader, then `checkScriptText`, both on the
 * sample's real path. Any throw that is not a {@link GmatSweepError} is `uncaught`.
 */
export function runCase(c: FuzzCase): CaseResult {
  const t0 = performance.now();
  let outcome: Outcome = "accepted";
  let error: string | undefined;
  let code: string | undefined;
  const attempt = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof GmatSweepError) {
        if (outcome === "accepted") {
          outcome = "clean";
          code = e.code;
        }
      } else if (outcome !== "uncaught") {
        outcome = "uncaught";
        error = describeError(e);
      }
    }
  };
  attempt(() => parseScript(c.text, { file: c.sample.path, include: fileIncludeReader }));
  attempt(() => checkScriptText(c.text, c.sample.path));
  const ms = performance.now() - t0;
  return { index: c.index, kind: c.kind, sample: c.sample.name, outcome, ms, error, code };
}

// ---------------------------------------------------------------------------------------------
// Worker entry: `{ start, end }` in, one `{ type: "case", result }` per case, then `done`.

/** A message from the fuzz worker. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "case"; result: CaseResult }
  | { type: "done" };

declare const WorkerGlobalScope: unknown;

if (import.meta.main && typeof WorkerGlobalScope !== "undefined") {
  const port = self as unknown as {
    postMessage(m: WorkerReply): void;
    onmessage: ((e: MessageEvent<{ start: number; end: number }>) => void) | null;
  };
  const corpus = loadCorpus();
  port.onmessage = (e) => {
    for (let i = e.data.start; i < e.data.end; i++) {
      port.postMessage({ type: "case", result: runCase(makeCase(corpus, i)) });
    }
    port.postMessage({ type: "done" });
  };
  port.postMessage({ type: "ready" });
}
