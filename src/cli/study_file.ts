/**
 * Study files: `gmat-sweep run study.jsonc`. One JSON-with-comments file (read by Microsoft's
 * jsonc-parser) holds everything a sweep's command line can say, under the same names as the
 * flags (`"workers": 2` is `--workers 2`), so a study lives under version control as one file.
 *
 * The study becomes exactly the command line it stands for (then parsed and checked by the sweep
 * commands themselves), so a study and its command line make the same sweep. Relative paths in
 * it (script, out, manifest, samples, context-file, gmat-root, a `./` hook) are relative to the
 * study file, not to the working directory. Every error names the file, the line and the key.
 *
 * @module
 */

import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "npm:jsonc-parser@3.3.1";
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "npm:zod@4.6.7";
import { ExitError } from "./exit_error.ts";

/** The sweep commands a study can stand for. */
export const STUDY_COMMANDS = ["run", "monte-carlo", "latin-hypercube", "explicit"] as const;

const Scalar = z.union([z.string(), z.number()]);

/** A study file's content (keys are the sweep commands' flag names). */
export const StudySchema = z.strictObject({
  command: z.enum(STUDY_COMMANDS).default("run"),
  script: z.string().min(1),
  out: z.string().min(1),
  grid: z.union([
    z.array(z.string()),
    z.record(z.string(), z.union([Scalar, z.array(Scalar).min(1)])),
  ]).optional(),
  perturb: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
  n: z.number().optional(),
  seed: z.number().optional(),
  samples: z.string().optional(),
  manifest: z.string().optional(),
  workers: z.number().optional(),
  "force-workers": z.boolean().optional(),
  engine: z.enum(["auto", "builtin", "gmat"]).optional(),
  "gmat-root": z.string().optional(),
  timeout: z.number().optional(),
  "process-per-run": z.boolean().optional(),
  "no-fsync-each": z.boolean().optional(),
  "fsync-batch": z.number().optional(),
  backend: z.enum(["local", "slurm"]).optional(),
  "backend-arg": z.record(z.string(), z.union([Scalar, z.array(z.string())])).optional(),
  postprocess: z.string().optional(),
  "postprocess-allow": z.array(z.string()).optional(),
  "postprocess-timeout": z.number().optional(),
  "context-file": z.string().optional(),
  overwrite: z.boolean().optional(),
  yes: z.boolean().optional(),
  quiet: z.boolean().optional(),
});

/** A parsed study. */
export type Study = z.infer<typeof StudySchema>;

/** An annotated study file, for `--help`. */
export const STUDY_EXAMPLE = `{
  // The sweep command this study stands for: run (grid), monte-carlo, latin-hypercube, explicit
  "command": "monte-carlo",
  "script": "leo.script",            // paths are relative to this file
  "out": "sweeps/mc",
  "perturb": { "Sat.SMA": "normal:7000:5", "Sat.INC": "uniform:28:29" },
  "n": 500,
  "seed": 42,
  // "grid": { "Sat.SMA": "7000:7300:16", "Sat.ECC": [0.001, 0.01] },   (command "run")
  "workers": 4,
  "timeout": 60,
  "engine": "builtin",
  "postprocess": "./pipeline.ts#deriveOrbitMetrics",
  "postprocess-allow": ["env=HOME"],
  // "backend": "slurm", "backend-arg": { "partition": "debug", "time": 30 },
}`;

/** The study's path keys, resolved against the study file's directory. */
const PATH_KEYS = ["script", "out", "manifest", "samples", "context-file", "gmat-root"] as const;

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A study read from its file, with what is needed to locate its keys in errors. */
export interface StudyFile {
  /** The path as given. */
  readonly file: string;
  /** The file's whole text (recorded in the manifest header). */
  readonly text: string;
  /** The validated study. */
  readonly study: Study;
  /** The line of a top-level key, if present. */
  lineOfKey(key: string): number | undefined;
}

/**
 * Reads and validates a study file.
 *
 * @param file The study file's path.
 * @throws {ExitError} 2 naming the file, line and key (unreadable file, JSONC syntax, an unknown
 *   key, a value of the wrong type).
 */
export async function readStudyFile(file: string): Promise<StudyFile> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (e) {
    throw new ExitError(2, `study file ${file}: cannot read it (${(e as Error).message})`);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || tree === undefined) {
    const e = errors[0];
    const where = e === undefined ? "" : `:${lineOf(text, e.offset)}`;
    const what = e === undefined ? "empty file" : printParseErrorCode(e.error);
    throw new ExitError(2, `${file}${where}: not valid JSON with comments (${what})`);
  }
  const keyLine = (path: (string | number)[]): number | undefined => {
    const node: Node | undefined = findNodeAtLocation(tree, path);
    // A property's key node sits before its value node in the parent.
    const at = node?.parent?.type === "property" ? node.parent.offset : node?.offset;
    return at === undefined ? undefined : lineOf(text, at);
  };
  const raw = parseValue(tree);
  const parsed = StudySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const path = unknown !== undefined ? [unknown] : issue.path.map((p) => p as string | number);
    const line = path.length > 0 ? keyLine(path) ?? keyLine(path.slice(0, 1)) : undefined;
    const key = path.length > 0 ? `"${path.join(".")}"` : "the top level";
    const why = unknown !== undefined
      ? `unknown key; a study's keys are the sweep flags' names: ${
        Object.keys(StudySchema.shape).join(", ")
      }`
      : issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined
      ? "is required"
      : issue.message;
    throw new ExitError(2, `${file}${line === undefined ? "" : `:${line}`}: ${key}: ${why}`);
  }
  return {
    file,
    text,
    study: parsed.data,
    lineOfKey: (key) => keyLine([key]),
  };
}

/** The value at a path in parsed JSON, or undefined. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The value of a parse tree node (plain objects, no null prototype). */
function parseValue(node: Node): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries(
        (node.children ?? []).map((p) => [p.children![0].value, parseValue(p.children![1])]),
      );
    case "array":
      return (node.children ?? []).map(parseValue);
    default:
      return node.value;
  }
}

/**
 * The command line a study stands for: `[command, script, --flag, value, ...]`, paths resolved
 * against the study file's directory.
 *
 * @param s The study file.
 * @returns The sweep command and its arguments.
 */
export function studyArgs(s: StudyFile): { command: Study["command"]; args: string[] } {
  const base = dirname(resolve(s.file));
  const study = s.study;
  const abs = (p: string) => isAbsolute(p) ? p : resolve(base, p);
  const args: string[] = [abs(study.script)];
  const flag = (name: string, value: string | number) => args.push(`--${name}=${value}`);
  const grid = study.grid;
  if (Array.isArray(grid)) grid.forEach((g) => flag("grid", g));
  else if (grid !== undefined) {
    for (const [name, v] of Object.entries(grid)) {
      flag("grid", `${name}=${Array.isArray(v) ? v.join(",") : v}`);
    }
  }
  const perturb = study.perturb;
  if (Array.isArray(perturb)) perturb.forEach((p) => flag("perturb", p));
  else if (perturb !== undefined) {
    for (const [name, d] of Object.entries(perturb)) flag("perturb", `${name}=${d}`);
  }
  for (const key of PATH_KEYS) {
    const v = study[key];
    if (v !== undefined && key !== "script") flag(key, abs(v));
  }
  for (
    const key of ["n", "seed", "workers", "engine", "timeout", "fsync-batch", "backend"] as const
  ) {
    const v = study[key];
    if (v !== undefined) flag(key, v);
  }
  if (study.postprocess !== undefined) {
    const p = study.postprocess;
    flag("postprocess", p.startsWith("./") || p.startsWith("../") ? abs(p) : p);
  }
  for (const g of study["postprocess-allow"] ?? []) flag("postprocess-allow", g);
  if (study["postprocess-timeout"] !== undefined) {
    flag("postprocess-timeout", study["postprocess-timeout"]);
  }
  for (const [k, v] of Object.entries(study["backend-arg"] ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) flag("backend-arg", `${k}=${one}`);
  }
  for (
    const key of [
      "force-workers",
      "process-per-run",
      "no-fsync-each",
      "overwrite",
      "yes",
      "quiet",
    ] as const
  ) {
    if (study[key] === true) args.push(`--${key}`);
  }
  return { command: study.command, args };
}

/**
 * A sweep command's error about a flag, located at the study key of the same name.
 *
 * @param e The error the sweep command threw.
 * @param s The study file.
 * @returns The error naming the study file, line and key (or `e` when it names no flag).
 */
export function locateInStudy(e: ExitError, s: StudyFile): ExitError {
  const m = /--([a-z][a-z-]*)/.exec(e.message);
  const key = m?.[1];
  if (key === undefined || !(key in StudySchema.shape)) {
    return new ExitError(e.exitCode, `${s.file}: ${e.message}`);
  }
  const line = s.lineOfKey(key);
  return new ExitError(
    e.exitCode,
    `${s.file}${line === undefined ? "" : `:${line}`}: "${key}": ${
      e.message.replace(/^--[a-z-]+\s*/, "")
    }`,
  );
}
