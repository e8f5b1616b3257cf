/**
 * A job: everything a worker process needs to do one run, as a record that crosses the process
 * boundary (driver -> worker over stdin as one JSON line; outcome back over stdout).
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { RunOutcomeSchema, type RunSpec, RunSpecSchema } from "../runs/mod.ts";
import type { Assert, SameType } from "../runs/_type_check.ts";

/** Which engine runs the job. */
export const EngineChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin") }),
  z.object({
    kind: z.literal("gmat"),
    root: z.string(),
    console: z.enum(["interactive", "process-per-run"]).optional(),
    restartEvery: z.number().int().positive().optional(),
  }),
]);
/**
 * Which engine runs the job: the built-in engine, or GmatConsole of the GMAT install at `root`,
 * either one long-lived interactive console per worker (`interactive`, the default; replaced
 * after a failed run, a timeout, every `restartEvery` runs or past a memory bound) or a fresh
 * GmatConsole per run (`process-per-run`).
 */
export type EngineChoice = { kind: "builtin" } | {
  kind: "gmat";
  root: string;
  console?: "interactive" | "process-per-run";
  restartEvery?: number;
};
type _EngineChoiceMatchesSchema = Assert<
  SameType<EngineChoice, z.infer<typeof EngineChoiceSchema>>
>;

/** Schema of a job. */
export const RunJobSchema = z.object({
  spec: RunSpecSchema,
  /** Absolute path of the sweep's script (as given, resolved). */
  scriptPath: z.string(),
  /** Canonical SHA-256 of the script the driver expects; the worker refuses a changed file. */
  scriptSha256: z.string(),
  /** Absolute directory of this run's outputs (`<out>/run-<id>`). */
  runDir: z.string(),
  engine: EngineChoiceSchema,
  /** 1 for the first attempt. */
  attempt: z.number().int().positive(),
  /** Time an engine child process (GmatConsole) may take; null for none. */
  timeoutMs: z.number().positive().nullable(),
  /** A postprocess hook the worker runs after an ok run (SLURM tasks); absent: the driver's. */
  hook: z.object({
    text: z.string(),
    permissions: z.array(z.string()),
    timeoutMs: z.number().positive(),
    /** `run` or `sweep` isolation (absent: `run`). */
    isolation: z.enum(["run", "sweep"]).optional(),
    /** Heap limit of each hook, in MB (absent: the default). */
    memoryMb: z.number().positive().optional(),
    /** Most bytes one run's hook may register (absent: the default). */
    maxOutputBytes: z.number().positive().optional(),
  }).optional(),
});

/** A postprocess hook carried by a job, as the manifest header records it. */
export type JobHook = {
  /** The hook's canonical specifier (`<module>#<export>`). */
  text: string;
  /** Permissions granted beyond the run directory (`KIND=VALUE` items). */
  permissions: string[];
  /** Time one hook call may take. */
  timeoutMs: number;
  /** `run` or `sweep` isolation (absent: `run`). */
  isolation?: "run" | "sweep";
  /** Heap limit of each hook, in MB (absent: the default). */
  memoryMb?: number;
  /** Most bytes one run's hook may register (absent: the default). */
  maxOutputBytes?: number;
};

/** One run to do, with everything a worker needs. */
export type RunJob = {
  /** The run's spec. */
  spec: RunSpec;
  /** Absolute path of the sweep's script (as given, resolved). */
  scriptPath: string;
  /** Canonical SHA-256 of the script the driver expects; the worker refuses a changed file. */
  scriptSha256: string;
  /** Absolute directory of this run's outputs (`<out>/run-<id>`). */
  runDir: string;
  /** Which engine runs the job. */
  engine: EngineChoice;
  /** 1 for the first attempt. */
  attempt: number;
  /** Time an engine child process (GmatConsole) may take; null for none. */
  timeoutMs: number | null;
  /** A postprocess hook the worker runs after an ok run (SLURM tasks); absent: the driver's. */
  hook?: JobHook;
};
type _RunJobMatchesSchema = Assert<SameType<RunJob, z.infer<typeof RunJobSchema>>>;

/** Messages from the driver to a worker process. */
export const DriverMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("run"), job: RunJobSchema }),
]);

/** Messages from a worker process's main thread to its engine thread. */
export type ThreadMessage = { type: "run"; job: RunJob } | { type: "abort" } | { type: "close" };
/** Messages from the driver to a worker process. */
export type DriverMessage = z.infer<typeof DriverMessageSchema>;

/** Messages from a worker process to the driver. */
export const WorkerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), pid: z.number() }),
  /** The worker began a job (its timeout counts from here). */
  z.object({ type: z.literal("started"), runId: z.number() }),
  z.object({ type: z.literal("outcome"), runId: z.number(), outcome: RunOutcomeSchema }),
  /**
   * The process group of the worker's interactive GmatConsole (null: none runs), so the driver
   * can kill it with the worker: it runs in a group of its own.
   */
  z.object({ type: z.literal("console"), pgid: z.number().int().positive().nullable() }),
]);
/** Messages from a worker process to the driver. */
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
