/**
 * The manifest header: line 1 of every `manifest.jsonl`, in the Python tool's snake_case form.
 *
 * Fields the Python gmat-sweep always wrote (0.1+) are required; fields it added later
 * (`backend` 0.3, `postprocess` 0.5) and fields only this tool writes (`deno_version`, `engine`,
 * `backend_settings`, `postprocess_permissions`, `script_path`, `created_at`) have defaults, so
 * Python manifests load. Unknown fields are tolerated and kept on the parsed object (they are
 * written back verbatim when the header is re-encoded) but are not part of the static type.
 *
 * `schema_version`: missing means 1; a non-integer, a value below 1 or one greater than
 * {@link MANIFEST_SCHEMA_VERSION} is refused. Older versions go through {@link migrateHeader}.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { type JsonValue, JsonValueSchema } from "../runs/mod.ts";
import type { Assert, SameType } from "../runs/_type_check.ts";

/** The manifest schema version this tool reads and writes (the Python tool's, frozen at 1). */
export const MANIFEST_SCHEMA_VERSION = 1;

/** Schema of the header's `engine` record: which engine produced the runs. */
export const EngineInfoSchema = z.object({
  /** `builtin` (the TypeScript engine) or `gmat` (GmatConsole of a GMAT install). */
  kind: z.enum(["builtin", "gmat"]),
  /** The engine's version: the built-in engine's version or the GMAT release (e.g. `R2026a`). */
  version: z.string(),
  /** The GMAT install root or console path, when `kind` is `gmat`. */
  path: z.string().optional(),
  /** How GmatConsole ran the scripts (`gmat` only; absent in older manifests). */
  console_mode: z.enum(["interactive", "process-per-run"]).optional(),
  /** Where the GMAT release was found (`README.txt`, `bin/libGmatBase.so`, ...). */
  version_source: z.string().optional(),
  /** What `GmatConsole --version` printed after `Build Date:`. */
  build_date: z.string().optional(),
});

/** Which engine produced a sweep's runs (the header's `engine` record). */
export type EngineInfo = {
  /** `builtin` (the TypeScript engine) or `gmat` (GmatConsole of a GMAT install). */
  kind: "builtin" | "gmat";
  /** The engine's version: the built-in engine's version or the GMAT release (e.g. `R2026a`). */
  version: string;
  /** The GMAT install root or console path, when `kind` is `gmat`. */
  path?: string;
  /** How GmatConsole ran the scripts (`gmat` only; absent in older manifests). */
  console_mode?: "interactive" | "process-per-run";
  /** Where the GMAT release was found (`README.txt`, `bin/libGmatBase.so`, ...). */
  version_source?: string;
  /** What `GmatConsole --version` printed after `Build Date:`. */
  build_date?: string;
};
type _EngineInfoMatchesSchema = Assert<SameType<EngineInfo, z.infer<typeof EngineInfoSchema>>>;

const headerShape = {
  /** Manifest schema version; missing means 1. */
  schema_version: z.number().int().min(1).max(MANIFEST_SCHEMA_VERSION).default(1),
  /** Canonical SHA-256 (hex) of the script at sweep start. */
  script_sha256: z.string(),
  /** Version of the tool that wrote the manifest. */
  gmat_sweep_version: z.string(),
  /** gmat-run version (Python tool); this tool writes `"n/a"`. */
  gmat_run_version: z.string(),
  /** GMAT release (e.g. `R2026a`) or the built-in engine's version; `"unknown"` if not found. */
  gmat_install_version: z.string(),
  /** Python version (Python tool); this tool writes null. */
  python_version: z.string().nullable(),
  /** Operating system and platform string. */
  os_platform: z.string(),
  /** Deno version (this tool); null for Python manifests. */
  deno_version: z.string().nullable().default(null),
  /** The engine; Python manifests default to `{ kind: "gmat", version: gmat_install_version }`. */
  engine: EngineInfoSchema.optional(),
  /** The sweep seed (Monte Carlo, Latin hypercube) or null. */
  sweep_seed: z.number().int().nullable(),
  /** The run set, tagged by `_kind` (`grid`, `explicit`, `monte_carlo`, ...); opaque here. */
  parameter_spec: z.record(z.string(), JsonValueSchema),
  /** Planned run count: at launch, then the target of each `extend` (see `totalRunCount`). */
  run_count: z.number().int().nonnegative(),
  /** Pool name (`"local"`, `"slurm"`, or the Python pool class); missing means `"unknown"`. */
  backend: z.string().default("unknown"),
  /** The pool's settings (workers, SLURM options...). */
  backend_settings: z.record(z.string(), JsonValueSchema).default({}),
  /** The sweep-level postprocess hook specifier, or null. */
  postprocess: z.string().nullable().default(null),
  /** Extra Deno permissions granted to the hook (e.g. `--allow-net=example.org`). */
  postprocess_permissions: z.array(z.string()).default([]),
  /**
   * How the hook's calls are isolated: `run` (a fresh worker per run, confined to its run
   * directory) or `sweep` (one long-lived worker per hook slot, confined to the run tree); absent
   * in older manifests, which mean `run`.
   */
  postprocess_isolation: z.enum(["run", "sweep"]).optional(),
  /** The script path as given at sweep start; null for Python manifests. */
  script_path: z.string().nullable().default(null),
  /** ISO-8601 creation time of the manifest; null for Python manifests. */
  created_at: z.string().nullable().default(null),
  /**
   * Where the run tree is, relative to the manifest's directory, when it is not that directory
   * (an archive's `runs`); absent otherwise.
   */
  output_dir: z.string().optional(),
  /** The study file the sweep was started from (`gmat-sweep run study.jsonc`); absent otherwise. */
  study: z.object({ file: z.string(), text: z.string() }).optional(),
};

const HeaderObjectSchema = z.object(headerShape);

/**
 * Schema of the manifest header (on-disk form). Parsing fills defaults, keeps unknown fields, and
 * defaults `engine` for Python manifests from `gmat_install_version`.
 */
export const ManifestHeaderSchema = z.looseObject(headerShape).transform((h) => ({
  ...h,
  engine: h.engine ?? { kind: "gmat" as const, version: h.gmat_install_version },
}));

/** The manifest header as parsed (every default filled in). */
export type ManifestHeader = {
  /** Manifest schema version (default 1). */
  schema_version: number;
  /** Canonical SHA-256 (hex) of the script at sweep start. */
  script_sha256: string;
  /** Version of the tool that wrote the manifest. */
  gmat_sweep_version: string;
  /** gmat-run version (Python tool); this tool writes `"n/a"`. */
  gmat_run_version: string;
  /** GMAT release (e.g. `R2026a`) or the built-in engine's version; `"unknown"` if not found. */
  gmat_install_version: string;
  /** Python version (Python tool); this tool writes null. */
  python_version: string | null;
  /** Operating system and platform string. */
  os_platform: string;
  /** Deno version (this tool); null for Python manifests. */
  deno_version: string | null;
  /** The engine; Python manifests default to `{ kind: "gmat", version: gmat_install_version }`. */
  engine: EngineInfo;
  /** The sweep seed (Monte Carlo, Latin hypercube) or null. */
  sweep_seed: number | null;
  /** The run set, tagged by `_kind` (`grid`, `explicit`, `monte_carlo`, ...); opaque here. */
  parameter_spec: Record<string, JsonValue>;
  /** Planned run count: at launch, then the target of each `extend` (see `totalRunCount`). */
  run_count: number;
  /** Pool name (`"local"`, `"slurm"`, or the Python pool class); missing means `"unknown"`. */
  backend: string;
  /** The pool's settings (workers, SLURM options...); default `{}`. */
  backend_settings: Record<string, JsonValue>;
  /** The sweep-level postprocess hook specifier, or null (default). */
  postprocess: string | null;
  /** Extra Deno permissions granted to the hook (e.g. `--allow-net=example.org`); default `[]`. */
  postprocess_permissions: string[];
  /** How the hook's calls are isolated (`run` or `sweep`); absent in older manifests. */
  postprocess_isolation?: "run" | "sweep";
  /** The script path as given at sweep start; null for Python manifests. */
  script_path: string | null;
  /** ISO-8601 creation time of the manifest; null for Python manifests. */
  created_at: string | null;
  /** The run tree relative to the manifest's directory, when elsewhere (an archive's `runs`). */
  output_dir?: string;
  /** The study file the sweep was started from: its path as given and its whole text. */
  study?: { file: string; text: string };
};
/** The parsed header type the schema implies: its object output with `engine` always filled. */
type SchemaHeader = Omit<z.output<typeof HeaderObjectSchema>, "engine"> & { engine: EngineInfo };
type _ManifestHeaderMatchesSchema = Assert<
  SameType<ManifestHeader, { [K in keyof SchemaHeader]: SchemaHeader[K] }>
>;

/**
 * What a header may be built from: fields with defaults may be left out, and JSON-valued fields
 * are checked when the header is parsed rather than by their static type.
 */
export type ManifestHeaderInput = {
  /** Manifest schema version; default 1. */
  schema_version?: number;
  /** Canonical SHA-256 (hex) of the script at sweep start. */
  script_sha256: string;
  /** Version of the tool that wrote the manifest. */
  gmat_sweep_version: string;
  /** gmat-run version (Python tool); this tool writes `"n/a"`. */
  gmat_run_version: string;
  /** GMAT release or the built-in engine's version. */
  gmat_install_version: string;
  /** Python version (Python tool); this tool writes null. */
  python_version: string | null;
  /** Operating system and platform string. */
  os_platform: string;
  /** Deno version; default null. */
  deno_version?: string | null;
  /** The engine; defaults from `gmat_install_version` when the header is parsed. */
  engine?: EngineInfo;
  /** The sweep seed (Monte Carlo, Latin hypercube) or null. */
  sweep_seed: number | null;
  /** The run set, tagged by `_kind`. */
  parameter_spec: Record<string, unknown>;
  /** Planned run count at launch. */
  run_count: number;
  /** Pool name; default `"unknown"`. */
  backend?: string;
  /** The pool's settings; default `{}`. */
  backend_settings?: Record<string, unknown>;
  /** The sweep-level postprocess hook specifier; default null. */
  postprocess?: string | null;
  /** Extra Deno permissions granted to the hook; default `[]`. */
  postprocess_permissions?: string[];
  /** How the hook's calls are isolated (`run` or `sweep`); optional. */
  postprocess_isolation?: "run" | "sweep";
  /** The script path as given at sweep start; default null. */
  script_path?: string | null;
  /** ISO-8601 creation time of the manifest; default null. */
  created_at?: string | null;
  /** The run tree relative to the manifest's directory, when elsewhere. */
  output_dir?: string;
  /** The study file the sweep was started from: its path as given and its whole text. */
  study?: { file: string; text: string };
};
type _ManifestHeaderInputMatchesSchema = Assert<
  SameType<ManifestHeaderInput, z.input<typeof HeaderObjectSchema>>
>;

/**
 * One step of the header migration ladder: turns a raw header of version `v` into version `v + 1`.
 * Empty while the schema is at version 1.
 */
const MIGRATIONS: Readonly<
  Record<number, (data: Record<string, unknown>) => Record<string, unknown>>
> = {};

/**
 * Bring a raw header object from `fromVersion` up to {@link MANIFEST_SCHEMA_VERSION} (the Python
 * tool's `_migrate_header`). A pass-through at version 1; the ladder for a future version 2.
 *
 * @param data The header object as read from line 1.
 * @param fromVersion Its `schema_version` (already checked to be an integer in range).
 * @param path The manifest path, for messages.
 * @returns The header object at the current version, with `schema_version` set to it.
 * @throws {RangeError} If no migration step exists for a version below the current one.
 *
 * @example
 * ```ts
 * import { migrateHeader } from "./header.ts";
 * const raw = { schema_version: 1, script_sha256: "ab" };
 * console.log(migrateHeader(raw, 1, "m.jsonl").schema_version); // 1
 * ```
 */
export function migrateHeader(
  data: Record<string, unknown>,
  fromVersion: number,
  path: string,
): Record<string, unknown> {
  let current = { ...data };
  for (let v = fromVersion; v < MANIFEST_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) {
      throw new RangeError(`${path}:1: Cannot migrate manifest header: no step from version ${v}`);
    }
    current = step(current);
  }
  current.schema_version = MANIFEST_SCHEMA_VERSION;
  return current;
}
