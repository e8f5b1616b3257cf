/**
 * What a solver tells its listeners while it runs, at the points where GMAT writes: records for
 * the solver report file (GMAT's `WriteToTextFile`), records for the console progress text
 * (`ReportProgress`), and plain messages (`MessageInterface::ShowMessage`).
 *
 * Records carry copies of the numbers as GMAT holds them at that moment, so writers can render
 * them later without looking back at the solver. Variable values come in two forms: `values`,
 * unscaled (what the `Vary` command assigns, GMAT's `unscaledVariable`), and `scaled`, the solver's
 * internal value (`(value + AdditiveScaleFactor) * MultiplicativeScaleFactor`).
 *
 * @module
 */

/** GMAT's `SolveMode` of a `Target` command. */
export type SolveMode = "Solve" | "RunInitialGuess";

/** A record for the solver report file, one per GMAT `WriteToTextFile` that writes text. */
export type DcReportRecord =
  | DcReportHeader
  | DcReportNominal
  | DcReportGoals
  | DcReportPerturbing
  | DcReportCalculated
  | DcReportFinished;

/** The banner written when targeting starts; GMAT (re)creates the file here. */
export interface DcReportHeader {
  readonly kind: "header";
  /** `Vary` parameter names, in command order. */
  readonly variableNames: readonly string[];
  /** `Achieve` parameter names, in command order. */
  readonly goalNames: readonly string[];
  /** The solve mode text (`Solve`, `RunInitialGuess`). */
  readonly solverMode: SolveMode;
}

/** The variables of a nominal pass, written after the pass ran (`Iteration N`). */
export interface DcReportNominal {
  readonly kind: "nominal";
  /** 1-based iteration number. */
  readonly iteration: number;
  readonly variableNames: readonly string[];
  /** Unscaled values used in the pass. */
  readonly values: readonly number[];
  /** Scaled values used in the pass. */
  readonly scaled: readonly number[];
}

/** The goals after a nominal pass (GMAT's convergence check). */
export interface DcReportGoals {
  readonly kind: "goals";
  readonly goalNames: readonly string[];
  /** Desired values. */
  readonly desired: readonly number[];
  /** Achieved values of the nominal pass. */
  readonly achieved: readonly number[];
  readonly tolerance: readonly number[];
}

/** A perturbation being set up (text only in the Verbose and Debug styles). */
export interface DcReportPerturbing {
  readonly kind: "perturbing";
  /** 0-based index of the variable being perturbed. */
  readonly pertNumber: number;
  readonly variableNames: readonly string[];
  readonly goalNames: readonly string[];
  readonly desired: readonly number[];
  /**
   * Unscaled values as GMAT holds them now: those of the pass that just ran, not yet the perturbed
   * value (the `Vary` command updates them during the coming pass).
   */
  readonly values: readonly number[];
  /** Scaled values of the coming pass (with the perturbation applied). */
  readonly scaled: readonly number[];
  /** Goals achieved in the perturbation pass of variable `pertNumber - 1` (none for variable 0). */
  readonly previousAchieved: readonly number[] | undefined;
  /** The Debug style's command stream data (set with `setDebugString`). */
  readonly debugText: string;
}

/** The Jacobian, its inverse and the new variable values of an iteration. */
export interface DcReportCalculated {
  readonly kind: "calculated";
  readonly variableNames: readonly string[];
  readonly goalNames: readonly string[];
  readonly desired: readonly number[];
  /** Goals achieved in the last perturbation pass (Verbose style only). */
  readonly lastPerturbationAchieved: readonly number[];
  /** `jacobian[variable][goal]`, GMAT's orientation. */
  readonly jacobian: readonly (readonly number[])[];
  /** `inverse[goal][variable]`. */
  readonly inverse: readonly (readonly number[])[];
  /** The new scaled variable values. */
  readonly scaled: readonly number[];
}

/** The closing banner. */
export interface DcReportFinished {
  readonly kind: "finished";
  /** Iterations taken (0 in RunInitialGuess mode). */
  readonly iterations: number;
  /**
   * Whether GMAT reopens (and so truncates) the file before writing this banner: true in
   * RunInitialGuess mode, where the file is closed before the final pass.
   */
  readonly reopen: boolean;
}

/** A record for the console progress text, one per GMAT `ReportProgress` call. */
export type DcProgressRecord =
  | DcProgressHeader
  | DcProgressNominal
  | DcProgressGoals
  | DcProgressPerturbation
  | DcProgressCalculating
  | DcProgressFinished;

/** `*** Performing Differential Correction (using "DC")` banner. */
export interface DcProgressHeader {
  readonly kind: "header";
  readonly solverName: string;
  /** `NewtonRaphson`, `Broyden` or `ModifiedBroyden` (shown in the Verbose style). */
  readonly algorithm: string;
  readonly variableNames: readonly string[];
  readonly goalNames: readonly string[];
  readonly solverMode: SolveMode;
}

/** `DC Iteration N; Nominal Pass` with the variables of the pass. */
export interface DcProgressNominal {
  readonly kind: "nominal";
  readonly solverName: string;
  readonly iteration: number;
  readonly variableNames: readonly string[];
  readonly values: readonly number[];
  readonly scaled: readonly number[];
}

/** `Goals and achieved values:` after a nominal pass. */
export interface DcProgressGoals {
  readonly kind: "goals";
  readonly goalNames: readonly string[];
  readonly desired: readonly number[];
  readonly achieved: readonly number[];
}

/** `Completed iteration N, pert P (name = value)` after a perturbation pass. */
export interface DcProgressPerturbation {
  readonly kind: "perturbation";
  readonly iteration: number;
  /** 0-based index of the perturbed variable. */
  readonly pertNumber: number;
  readonly variableName: string;
  /** Unscaled value used in the pass. */
  readonly value: number;
  /** Scaled value used in the pass. */
  readonly scaled: number;
}

/** Before the Jacobian is computed (GMAT prints an empty line). */
export interface DcProgressCalculating {
  readonly kind: "calculating";
}

/** The closing summary. */
export interface DcProgressFinished {
  readonly kind: "finished";
  readonly solverMode: SolveMode;
  readonly converged: boolean;
  /** Iterations taken. */
  readonly iterations: number;
  readonly maxIterations: number;
  readonly variableNames: readonly string[];
  /** Unscaled final values. */
  readonly values: readonly number[];
  readonly goalNames: readonly string[];
  readonly desired: readonly number[];
  /** Goals achieved in the last nominal pass. */
  readonly achieved: readonly number[];
}

/**
 * Receives what a solver reports. Every method is optional; a listener that only writes the
 * report file implements `report`.
 */
export interface SolverListener {
  /** A record for the solver report file. */
  report?(record: DcReportRecord): void;
  /** A record for the console progress text. */
  progress?(record: DcProgressRecord): void;
  /** A GMAT message (warning or note) with its trailing newline, as GMAT prints it. */
  message?(text: string): void;
}
