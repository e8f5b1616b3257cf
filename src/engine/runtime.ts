/**
 * The state of a mission while it runs: each spacecraft's Cartesian state and epoch, the open
 * output files, and the publish step that feeds them.
 *
 * @module
 */

import { GmatRandom } from "./math/gmat_random.ts";
import { BodyStates, EARTH_MU, type EarthFixedFrame, PhysicsData } from "../physics/mod.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type { Model } from "./model.ts";
import type { EphemerisOutput } from "./outputs/ephemeris_output.ts";
import { resolveOutputPath } from "./outputs/output_path.ts";
import type { ReportOutput } from "./outputs/report_output.ts";
import { TextFileSink } from "./outputs/text_file_sink.ts";
import type { Snapshot } from "./parameter_types.ts";
import type { SpacecraftState } from "./spacecraft_state.ts";
import { propulsionView } from "./hardware_parameters.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";

/** Dry mass plus the fuel in every tank, kg (GMAT's TotalMass). */
export function totalMass(sc: SpacecraftResource, s: SpacecraftState): number {
  let m = sc.dryMass;
  for (const t of s.tanks) m += t.fuelMass;
  return m;
}

/** Counters a run reports. */
export interface RunCounters {
  /** Accepted integration steps. */
  steps: number;
  /** Force-model evaluations. */
  forceEvaluations: number;
}

/** Bounds on one run, so a stop condition that is never met ends with an error, not a hang. */
export interface RunLimits {
  /** Most integration steps one Propagate command may take. */
  readonly maxSteps: number;
  /** Most passes of one While or For loop. */
  readonly maxLoopIterations: number;
}

/**
 * Default {@link RunLimits}: a million steps is years of propagation at GMAT's largest step; a
 * million loop passes is far beyond any mission's.
 */
export const DEFAULT_RUN_LIMITS: RunLimits = { maxSteps: 1_000_000, maxLoopIterations: 1_000_000 };

/** Where output files go: `./` names are relative to `scriptDir`, others go to `outputDir`. */
export interface OutputDirs {
  readonly scriptDir: string;
  readonly outputDir: string;
}

/** A mission in progress. */
export class Runtime {
  readonly states: Map<SpacecraftResource, SpacecraftState> = new Map();
  readonly counters: RunCounters = { steps: 0, forceEvaluations: 0 };
  /** Set by the Stop command. */
  stopped = false;
  /** The run's random numbers (`rand()`, `randn()`, `SetSeed`), as GMAT draws them. */
  readonly random: GmatRandom = new GmatRandom();
  /**
   * Sun, Moon and planet states (DE405), loaded by {@link bodyStates} before the run when a
   * parameter, a state, a burn or a force model is relative to a body other than the Earth.
   */
  bodies?: BodyStates;
  /**
   * How many solver passes (Target bodies) are running: GMAT's run state is then SOLVING, not
   * RUNNING, and its Propagate skips the stop conditions' evaluation at the start epoch.
   */
  solverPasses = 0;

  constructor(
    readonly model: Model,
    readonly diag: Diagnostics,
    readonly reports: readonly ReportOutput[],
    readonly ephemerides: readonly EphemerisOutput[],
    readonly signal?: AbortSignal,
    readonly limits: RunLimits = DEFAULT_RUN_LIMITS,
    /** Gravity models, Earth orientation, ephemeris, space weather: loaded once per context. */
    readonly physics: PhysicsData = new PhysicsData(),
    /** Earth's body-fixed frame, when a parameter reads it. */
    readonly earthFixed?: EarthFixedFrame,
    /** The script directory and OUTPUT_PATH that output Filenames resolve against. */
    readonly outputDirs: OutputDirs = { scriptDir: ".", outputDir: "." },
  ) {}

  readonly #textFiles = new Map<string, TextFileSink>();

  /**
   * The text output file a `Filename`-like field names (one sink per path and run), resolved as
   * GMAT resolves output names; created when first written.
   *
   * @param filename The field's value, or undefined when unset.
   * @param defaultName The name GMAT uses when it is unset.
   */
  textFile(filename: string | undefined, defaultName: string): TextFileSink {
    const path = resolveOutputPath(filename, defaultName, this.outputDirs);
    let sink = this.#textFiles.get(path);
    if (!sink) this.#textFiles.set(path, sink = new TextFileSink(path));
    return sink;
  }

  /** Close the text output files (at the end of the run). */
  closeTextFiles(): void {
    for (const sink of this.#textFiles.values()) sink.close();
  }

  /** Gravitational parameter used by every force model (Earth point mass). */
  get mu(): number {
    return EARTH_MU;
  }

  /** The body states, loading the planetary ephemeris on first use. */
  async bodyStates(): Promise<BodyStates> {
    return this.bodies ??= new BodyStates(await this.physics.ephemeris.de405());
  }

  /** Run-time state of a spacecraft. */
  of(sc: SpacecraftResource): SpacecraftState {
    const s = this.states.get(sc);
    if (!s) throw new Error(`spacecraft ${sc.name} has no run-time state`);
    return s;
  }

  /** The snapshot parameters of `sc` are evaluated on. */
  snapshot = (sc: SpacecraftResource): Snapshot => {
    const s = this.of(sc);
    return {
      state: s.state,
      epochA1: s.epochA1,
      elapsedFromA1: s.missionStartA1,
      mu: EARTH_MU,
      earthFixed: this.earthFixed,
      totalMass: totalMass(sc, s),
      tanks: s.tanks,
      bodies: this.bodies,
      propulsion: propulsionView(sc, s, this.bodies),
    };
  };

  /** Publish the current data of `sats` at `epochA1` to every subscriber. */
  publish(sats: readonly SpacecraftResource[], epochA1: number): void {
    for (const r of this.reports) r.publish(epochA1, this.snapshot);
    for (const e of this.ephemerides) {
      if (sats.includes(e.spacecraft)) e.publish(epochA1, this.of(e.spacecraft).state);
    }
  }

  /** Note a velocity discontinuity of `sc` (ephemerides start a new segment). */
  discontinuity(sc: SpacecraftResource): void {
    for (const e of this.ephemerides) if (e.spacecraft === sc) e.breakSegment();
  }

  /** Throw if the run was aborted. */
  checkAborted(): void {
    this.signal?.throwIfAborted();
  }
}

export type { SpacecraftState } from "./spacecraft_state.ts";
