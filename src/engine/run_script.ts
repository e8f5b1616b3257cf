/**
 * Running one GMAT script on the built-in engine: parse, build, check, run, write outputs.
 *
 * Every check that can fail without running (syntax, unknown names, unsupported constructs,
 * parameter names) happens before any output file is created, so a refused script leaves
 * nothing behind. Output files are closed even when the mission fails part-way.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { GmatSweepError } from "../errors/mod.ts";
import { asStorageError, StorageError } from "../errors/storage_error.ts";
import type { SourcePos } from "../script/ast.ts";
import { fileIncludeReader, parseScript } from "../script/parser.ts";
import { ScriptError } from "../script/errors.ts";
import { MissionRunError } from "./commands/command.ts";
import { compileMission } from "./commands/mission.ts";
import { buildHardware, type Hardware } from "./hardware.ts";
import { type WriteMessage, writeMessages } from "./commands/write.ts";
import { missionNames, RunContext } from "./names.ts";
import { Diagnostics } from "./diagnostics.ts";
import { buildModel, type Model } from "./model.ts";
import { EphemerisOutput } from "./outputs/ephemeris_output.ts";
import { resolveOutputPath } from "./outputs/output_path.ts";
import { ReportOutput } from "./outputs/report_output.ts";
import { bindParameter, type ParameterScope } from "./parameters.ts";
import { EphemerisFileResource } from "./resources/ephemeris_file.ts";
import { ChemicalTankResource } from "./resources/chemical_tank.ts";
import { FiniteBurnResource } from "./resources/finite_burn.ts";
import { ReportFileResource } from "./resources/report_file.ts";
import { SpacecraftResource } from "./resources/spacecraft.ts";
import { VariableResource } from "./resources/variable.ts";
import { DEFAULT_RUN_LIMITS, type RunCounters, Runtime } from "./runtime.ts";
import { EarthFixedFrame, GMAT_BODY_MU, PhysicsData } from "../physics/mod.ts";
import { usesOtherOrigins } from "./origins.ts";

/** Version string of the built-in engine, recorded in manifests and ephemeris headers. */
export const BUILTIN_ENGINE_VERSION = "gmat-sweep-builtin-1";

/** One file a run wrote. */
export interface EngineOutput {
  /** `report` (ReportFile), `ephemeris` (EphemerisFile) or `contact` (ContactLocator). */
  readonly kind: "report" | "ephemeris" | "contact";
  /** The resource name. */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** The file format. */
  readonly format: "ReportFile" | "CCSDS-OEM" | "STK-TimePosVel" | "ContactLocator";
  /** Data rows (report lines or ephemeris states). */
  readonly rows: number;
}

/** What a successful run returns. */
export interface EngineRunResult {
  /** The files the run wrote. */
  readonly outputs: readonly EngineOutput[];
  /** GMAT-style warning lines. */
  readonly warnings: readonly string[];
  /**
   * What the mission's Write commands sent to GMAT's message window and log file, in order
   * (GmatConsole prints both; its log file gets the `LogFile` text).
   */
  readonly messages: readonly WriteMessage[];
  /** Integration steps and force-model evaluations of the run. */
  readonly counters: RunCounters;
}

/** Options of {@link runScriptText} and {@link runScriptFile}. */
export interface RunScriptOptions {
  /** OUTPUT_PATH: where relative output Filenames go. Default: the current directory. */
  readonly outputDir?: string;
  /** The directory `./` and `../` Filenames are relative to. Default: the script's directory. */
  readonly scriptDir?: string;
  /**
   * The directory the script's relative `#Include` and data-file names are read from, when the
   * text runs from another place than where it was written (a sweep's run directory). Default:
   * the script's directory.
   */
  readonly sourceDir?: string;
  /** Aborts the run between integration steps. */
  readonly signal?: AbortSignal;
  /**
   * Most integration steps one Propagate may take before the run fails (a guard against stop
   * conditions that are never met). Default 1,000,000.
   */
  readonly maxSteps?: number;
  /**
   * The physics data context (gravity models, Earth orientation, ephemeris, space weather),
   * parsed once per context: a caller running many scripts passes one to every run. Default: a
   * fresh context for this run.
   *
   * @ignore
   */
  readonly physics?: PhysicsData;
}

/** A mission that failed while running (after a successful parse and build). */
export class EngineRunError extends GmatSweepError {
  /** Always `ENGINE_RUN`. */
  declare readonly code: "ENGINE_RUN";
  /**
   * Creates the error.
   *
   * @param message What failed while running the mission.
   * @param options Standard error options (`cause`).
   */
  constructor(message: string, options?: ErrorOptions) {
    super("ENGINE_RUN", message, options);
  }
}

function scopeOf(
  model: Model,
  needs: { earthFixed: boolean; bodies: boolean },
): ParameterScope {
  return {
    spacecraft: (n) => model.get(n, SpacecraftResource),
    variable: (n) => model.get(n, VariableResource),
    finiteBurn: (n) => model.get(n, FiniteBurnResource),
    tank: (n) => model.get(n, ChemicalTankResource),
    isInertialSystem: (n) => model.isInertialSystem(n),
    frameOf: (n) => model.frameOf(n),
    names: () => model.resources.keys(),
    needsEarthFixed: () => void (needs.earthFixed = true),
    needsBodies: () => void (needs.bodies = true),
  };
}

/**
 * The mu a spacecraft's initial state is given with: its coordinate system origin's. A state in
 * a system about a calculated point must be Cartesian (GMAT's mu of such an origin is not a
 * body's).
 */
function stateMu(model: Model, sc: SpacecraftResource): number {
  const frame = model.frameOf(sc.coordinateSystem)!;
  if (frame.originBody) return GMAT_BODY_MU[frame.originBody];
  if (sc.representation !== "Cartesian") {
    model.diag.unsupported(
      sc.assigned.get("CoordinateSystem") ?? sc.pos,
      `a ${sc.representation} state in ${sc.coordinateSystem}, whose origin is not a body`,
      {
        construct: "Spacecraft.CoordinateSystem",
        hint: "give the state as Cartesian (X..VZ) in a system about a calculated point",
      },
    );
  }
  return NaN;
}

/** A script that parsed, built and checked: everything but running. */
interface CheckedScript {
  readonly diag: Diagnostics;
  readonly model: Model;
  readonly commands: ReturnType<typeof compileMission>;
  readonly reportParams: Map<ReportFileResource, ReturnType<typeof bindParameter>[]>;
  readonly initial: (readonly [SpacecraftResource, Float64Array, Hardware])[];
  /** Whether a parameter reads Earth's body-fixed frame (Altitude, Latitude, Longitude). */
  readonly needsEarthFixed: boolean;
  /** Whether a parameter, state or burn is relative to a body other than the Earth. */
  readonly needsBodies: boolean;
  /** The run the compiled mission reads its values from. */
  readonly ctx: RunContext;
}

function checkScript(text: string, file: string, sourceDir?: string): CheckedScript {
  const topDir = sourceDir ?? dirname(resolve(file));
  const dirOf = (f: string) => f === file ? topDir : dirname(resolve(f));
  const script = parseScript(text, {
    file,
    include: (name, from) => fileIncludeReader(name, join(dirOf(from), basename(from))),
  });
  const diag = new Diagnostics(script, dirOf);
  if (script.functionHeader) {
    diag.unsupported(
      script.functionHeader.pos,
      `the GMAT function file ${script.functionHeader.name}`,
      {
        construct: "GmatFunction",
        hint: "a .gmf file runs when a script calls it; GMAT functions need real GMAT",
      },
    );
  }
  const model = buildModel(script, diag);
  const needs = { earthFixed: false, bodies: usesOtherOrigins(model) };
  const scope = scopeOf(model, needs);
  const ctx = new RunContext();
  const names = missionNames(model, scope, diag, ctx);
  const commands = compileMission(script.mission, { model, scope, diag, names });
  if (commands.length === 0 && script.mission.length === 0) {
    diag.warn(script.beginMission, "the mission sequence is empty");
  }
  const reportParams = new Map(
    model.all(ReportFileResource).map((rf) => [
      rf,
      rf.add.map((item) => bindParameter(item.name, item.pos, scope, diag)),
    ]),
  );
  // States in the spacecraft's own system (origin mu for Keplerian input), moved to the Earth
  // when the run starts.
  const initial = model.all(SpacecraftResource).map((sc) =>
    [
      sc,
      sc.initialState(stateMu(model, sc)),
      buildHardware(model, sc, diag),
    ] as const
  );
  return {
    diag,
    model,
    commands,
    reportParams,
    initial,
    needsEarthFixed: needs.earthFixed,
    needsBodies: needs.bodies,
    ctx,
  };
}

/**
 * Check a script as {@link runScriptText} would, without running it or writing anything:
 * syntax, names, the supported subset, parameters and initial states.
 *
 * @param text The script text.
 * @param file The script path, for messages.
 * @returns The warnings the run would print.
 * @throws {ScriptError} Exactly as {@link runScriptText} would before running.
 */
export function checkScriptText(text: string, file: string, sourceDir?: string): string[] {
  return [...checkScript(text, file, sourceDir).diag.warnings];
}

/**
 * Run a script given as text.
 *
 * @param text The script text.
 * @param file The script path (for messages and `./` output paths).
 * @param options Output directory and abort signal.
 * @returns The outputs written and warnings.
 * @throws {ScriptError} When the script is malformed or outside the supported subset.
 * @throws {EngineRunError} When the mission fails while running.
 */
export async function runScriptText(
  text: string,
  file: string,
  options: RunScriptOptions = {},
): Promise<EngineRunResult> {
  const { diag, model, commands, reportParams, initial, needsEarthFixed, needsBodies, ctx } =
    checkScript(
      text,
      file,
      options.sourceDir,
    );
  const physics = options.physics ?? new PhysicsData();
  const earthFixed = needsEarthFixed
    ? new EarthFixedFrame(await physics.gmat.earthOrientation())
    : undefined;

  const dirs = {
    scriptDir: options.scriptDir ?? dirname(resolve(file)),
    outputDir: resolve(options.outputDir ?? "."),
  };
  const reports: ReportOutput[] = [];
  const ephemerides: EphemerisOutput[] = [];
  const made = new Set<string>();
  let runtime: Runtime | undefined;
  try {
    for (const [rf, params] of reportParams) {
      const path = resolveOutputPath(rf.filename, `${rf.name}.txt`, dirs);
      ensureDir(path, rf.assigned.get("Filename") ?? rf.pos, diag, made);
      reports.push(ReportOutput.open(rf, path, params));
    }
    for (const ef of model.all(EphemerisFileResource)) {
      const ext = ef.fileFormat === "CCSDS-OEM" ? ".oem" : ".e";
      let name = ef.filename;
      if (name !== undefined && !/\.[^./\\]+$/.test(name)) {
        diag.warn(
          ef.assigned.get("Filename"),
          `${ef.name}.Filename has no extension; '${ext}' added`,
        );
        name += ext;
      }
      const path = resolveOutputPath(name, `${ef.name}${ext}`, dirs);
      ensureDir(path, ef.assigned.get("Filename") ?? ef.pos, diag, made);
      const sc = model.get(ef.spacecraft!, SpacecraftResource)!;
      ephemerides.push(new EphemerisOutput(ef, sc, path, BUILTIN_ENGINE_VERSION));
    }
    const limits = {
      ...DEFAULT_RUN_LIMITS,
      maxSteps: options.maxSteps ?? DEFAULT_RUN_LIMITS.maxSteps,
    };
    runtime = new Runtime(
      model,
      diag,
      reports,
      ephemerides,
      options.signal,
      limits,
      physics,
      earthFixed,
      dirs,
    );
    ctx.start(runtime);
    const bodies = needsBodies ? await runtime.bodyStates() : undefined;
    for (const [sc, state, hardware] of initial) {
      const frame = model.frameOf(sc.coordinateSystem)!;
      runtime.states.set(sc, {
        state: frame.isEarthMJ2000Eq ? state : frame.fromFrame(state, sc.epochA1, bodies),
        epochA1: sc.epochA1,
        missionStartA1: sc.epochA1,
        tanks: hardware.tanks,
        thrusters: hardware.thrusters,
        burns: new Set(),
      });
    }
    for (const cmd of commands) {
      if (runtime.stopped) break;
      try {
        await cmd.run(runtime);
      } catch (e) {
        if (e instanceof MissionRunError) throw new EngineRunError(e.message, { cause: e });
        if (e instanceof GmatSweepError) {
          throw new EngineRunError(
            `${cmd.pos.file}:${cmd.pos.line}: ${cmd.name}: ${e.message}`,
            { cause: e },
          );
        }
        throw e;
      }
    }
  } finally {
    for (const r of reports) r.close();
    runtime?.closeTextFiles();
    if (runtime) { for (const e of ephemerides) await e.close(); }
  }
  return {
    outputs: [
      ...reports.map((r) => ({
        kind: "report" as const,
        name: r.resource.name,
        path: r.path,
        format: "ReportFile" as const,
        rows: r.rows,
      })),
      ...ephemerides.map((e) => ({
        kind: "ephemeris" as const,
        name: e.resource.name,
        path: e.path,
        format: e.resource.fileFormat,
        rows: e.rows,
      })),
    ],
    warnings: diag.warnings,
    messages: writeMessages(runtime!),
    counters: runtime!.counters,
  };
}

/** Create the directory of an output once per run (`made` remembers those already made). */
function ensureDir(path: string, pos: SourcePos, diag: Diagnostics, made: Set<string>): void {
  const dir = dirname(path);
  if (made.has(dir)) return;
  made.add(dir);
  try {
    Deno.mkdirSync(dir, { recursive: true });
  } catch (e) {
    diag.fail("SCRIPT_BAD_VALUE", pos, `cannot create the directory of output ${path}: ${e}`, {
      construct: "Filename",
      hint: "check the Filename and that the output directory is writable",
    });
  }
}

/**
 * Run a script file.
 *
 * @param path The script path.
 * @param options Output directory and abort signal.
 * @returns The outputs written and warnings.
 * @throws {ScriptError} `SCRIPT_NOT_FOUND` when the file cannot be read, or any script error.
 * @throws {EngineRunError} When the mission fails while running.
 */
export async function runScriptFile(
  path: string,
  options: RunScriptOptions = {},
): Promise<EngineRunResult> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    const refused = asStorageError(e, path, "cannot read script", "", { reading: true });
    if (refused instanceof StorageError) throw refused;
    throw new ScriptError("SCRIPT_NOT_FOUND", {
      message: `cannot read script ${path}: ${e instanceof Error ? e.message : e}`,
      hint: "check the path; scripts are read as UTF-8 text",
    });
  }
  return await runScriptText(text, path, options);
}
