/**
 * Test helper: compares an output file of the built-in engine with the file real GMAT wrote for
 * the same script: ReportFile text (line by line, cell by cell) and ephemerides (STK-TimePosVel
 * `.e`, CCSDS-OEM), with tolerances by physical quantity.
 *
 * Tolerance classes ({@link DEFAULT_TOLERANCES}), each set a priori from the physics, not from
 * measured differences:
 *
 * - position (X/Y/Z as a vector, RMAG, SMA, ...): max(1 m, 1e-6 of the magnitude): what GMAT's
 *   own RK89 at Accuracy 1e-11..1e-13 reproduces over a short two-body / JGM-2 propagation (the
 *   force battery holds the engine to 1 m after a day);
 * - velocity (VX/VY/VZ as a vector, VMAG, ...): max(1 mm/s, 1e-6 of the magnitude): a 1 m
 *   position error of a LEO orbit (mean motion ~1e-3 rad/s) carries ~1 mm/s;
 * - angle (INC, RAAN, TA, ...): 1e-6 rad (5.7e-5 deg), the angle a 1e-6 relative position error
 *   subtends; compared modulo 360 deg;
 * - epoch (Gregorian strings, ModJulian, ElapsedSecs/Days, ephemeris time tags): 1 ms, GMAT's
 *   printed precision of Gregorian epochs;
 * - eccentricity: 1e-6 (dimensionless, as the relative position bound);
 * - anything else (masses, counters, thruster settings, script math): 1e-9 of max(1, |value|):
 *   deterministic arithmetic printed to 16 digits, room left for a different operation order.
 *
 * @module
 */

/** Bounds of the tolerance classes (km, km/s, degrees, milliseconds). */
export interface Tolerances {
  /** Absolute position bound, km. */
  readonly positionKm: number;
  /** Position bound relative to the position magnitude. */
  readonly positionRel: number;
  /** Absolute velocity bound, km/s. */
  readonly velocityKmS: number;
  /** Velocity bound relative to the velocity magnitude. */
  readonly velocityRel: number;
  /** Angle bound, degrees. */
  readonly angleDeg: number;
  /** Epoch bound, milliseconds. */
  readonly epochMs: number;
  /** Eccentricity bound. */
  readonly ecc: number;
  /** Bound of any other number, relative to max(1, |value|). */
  readonly otherRel: number;
  /**
   * Ephemerides written at integrator steps: most relative difference of the number of points
   * (accepted steps), as the force battery allows: step choices follow error estimates that are
   * differences of nearly equal numbers, so rounding-level changes move a few step epochs.
   */
  readonly stepCountRel: number;
}

/** The a-priori tolerances (see the module documentation for the reasons). */
export const DEFAULT_TOLERANCES: Tolerances = {
  positionKm: 1e-3,
  positionRel: 1e-6,
  velocityKmS: 1e-6,
  velocityRel: 1e-6,
  angleDeg: (1e-6 * 180) / Math.PI,
  epochMs: 1,
  ecc: 1e-6,
  otherRel: 1e-9,
  stepCountRel: 0.02,
};

/** The largest difference found in a class, with where it was found. */
export interface Worst {
  /** The difference in the class's display unit (m, mm/s, deg, ms, or plain). */
  readonly diff: number;
  /** Difference over its bound (above 1 fails). */
  readonly ratio: number;
  /** Column (or ephemeris quantity) and row where it was found. */
  readonly where: string;
}

/** Display units of the classes. */
export const UNITS = {
  position: "m",
  velocity: "mm/s",
  angle: "deg",
  epoch: "ms",
  ecc: "",
  other: "",
  solution: "",
  path: "rel",
} as const;

/** A tolerance class. */
export type Quantity = keyof typeof UNITS;

/** The outcome of comparing one file. */
export interface FileComparison {
  /** The file's name. */
  readonly file: string;
  /** GMAT's data rows (report lines that are not headers; ephemeris points). */
  readonly rows: number;
  /** The largest difference per class (classes that occurred only). */
  readonly worst: Partial<Record<Quantity, Worst>>;
  /** What is out of bounds or laid out differently; empty when the file agrees. */
  readonly problems: string[];
}

class Tally {
  readonly worst: Partial<Record<Quantity, Worst>> = {};
  readonly problems: string[] = [];
  constructor(readonly file: string) {}

  /** Record a difference `diff` (display unit) against bound `bound`. */
  add(q: Quantity, diff: number, bound: number, where: string, detail: () => string): void {
    const ratio = bound === Infinity ? 0 : diff / bound;
    const w = this.worst[q];
    if (!w || ratio > w.ratio || (ratio === w.ratio && diff > w.diff)) {
      this.worst[q] = { diff, ratio, where };
    }
    if (!(ratio <= 1)) {
      this.problems.push(
        `${this.file} ${where}: ${detail()} (${q} diff ${fmt(diff)} ${UNITS[q]}, ` +
          `bound ${fmt(bound)})`,
      );
    }
  }
}

/** A number in 3 significant digits. */
export function fmt(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(3))) : x.toExponential(2);
}

// ---------------------------------------------------------------------------------------------
// Reports

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const GREGORIAN = /^(\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/;
const GREGORIAN_IN_LINE = /(\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)/g;

/** Milliseconds since 1970 of a GMAT Gregorian epoch such as `01 Jun 2004 12:00:00.000`. */
export function gregorianMs(text: string): number {
  const m = GREGORIAN.exec(text);
  const month = m ? MONTHS.indexOf(m[2]) : -1;
  if (!m || month < 0) return NaN;
  const day = Date.UTC(Number(m[3]), month, Number(m[1]));
  return day + (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6])) * 1000;
}

/** The cells of a report line: blank-separated, Gregorian epochs kept whole. */
export function cells(line: string): string[] {
  const t = line.trim();
  if (t === "") return [];
  return t.replace(GREGORIAN_IN_LINE, "$1\u0000$2\u0000$3\u0000$4").split(/\s+/)
    .map((c) => c.replaceAll("\u0000", " "));
}

const POSITION = /^(RMAG|SMA|Altitude|RadPer|RadApo|SemilatusRectum)$/;
const VELOCITY = /^(VMAG|VelPeriapsis|VelApoapsis)$/;
const ANGLE =
  /^(INC|RAAN|AOP|TA|MA|EA|HA|RA|DEC|RAV|DECV|AZI|FPA|Latitude|Longitude|BetaAngle|MLONG|LST|MHA)$/;

/** The tolerance class of a report column, by the last part of its name. */
export function columnQuantity(column: string): Quantity | "X" | "V" {
  const p = column.split(".").pop() ?? column;
  if (/^[XYZ]$/.test(p)) return "X";
  if (/^V[XYZ]$/.test(p)) return "V";
  if (POSITION.test(p)) return "position";
  if (VELOCITY.test(p)) return "velocity";
  if (ANGLE.test(p)) return "angle";
  if (/Gregorian$|ModJulian$|MJD$|^Elapsed(Secs|Days)$/.test(p)) return "epoch";
  if (p === "ECC") return "ecc";
  return "other";
}

function isNumber(s: string | undefined): boolean {
  return s !== undefined && s.trim() !== "" && Number.isFinite(Number(s));
}

/** Milliseconds per unit of a numeric epoch column. */
function epochScaleMs(column: string): number {
  return /Secs$/.test(column) ? 1000 : 86_400_000;
}

/** The lines of a text file (no line terminators; a final empty line dropped). */
export function textLines(text: string): string[] {
  const lines = text.replaceAll("\r\n", "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Compare a ReportFile the engine wrote (`ours`) with GMAT's (`gmat`): the same lines in the same
 * order; header lines (GMAT's first line when it holds no number, wherever it is repeated)
 * identical; data lines with the same cells, numbers within their column's class bound.
 *
 * @param columns Column names for a report written without headers (from the script's Report
 *   command); otherwise taken from the header.
 * @param solutions Absolute bounds of columns that hold a targeter's solution (class `solution`,
 *   see {@link compareTargeterLog}), by column name.
 */
export function compareReport(
  file: string,
  ours: string,
  gmat: string,
  tol: Tolerances = DEFAULT_TOLERANCES,
  columns?: readonly string[],
  solutions: Readonly<Record<string, number>> = {},
): FileComparison {
  const t = new Tally(file);
  const a = textLines(ours), b = textLines(gmat);
  const first = cells(b[0] ?? "");
  const header = b.length > 0 && first.length > 0 && !first.some(isNumber) &&
      b.slice(1).some((l) => cells(l).some(isNumber))
    ? b[0]
    : undefined;
  const names = header !== undefined ? first : columns ?? [];
  if (a.length !== b.length) {
    t.problems.push(`${file}: ${a.length} lines, GMAT wrote ${b.length}`);
  }
  let rows = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (b[i] === header) {
      if (a[i] !== b[i]) {
        t.problems.push(`${file} line ${i + 1}: header ${q(a[i])}, GMAT ${q(b[i])}`);
      }
      continue;
    }
    rows++;
    const ca = cells(a[i]), cb = cells(b[i]);
    if (ca.length !== cb.length) {
      t.problems.push(`${file} line ${i + 1}: ${ca.length} cells ${q(a[i])}, GMAT ${cb.length}`);
      continue;
    }
    const named = cb.length === names.length ? names : [];
    compareCells(t, `line ${i + 1}`, ca, cb, named, tol, solutions);
  }
  return { file, rows, worst: t.worst, problems: t.problems };
}

function q(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 117) + "..." : s);
}

function compareCells(
  t: Tally,
  row: string,
  ca: string[],
  cb: string[],
  names: readonly string[],
  tol: Tolerances,
  solutions: Readonly<Record<string, number>>,
): void {
  const vectors = new Map<string, { kind: "X" | "V"; idx: number[] }>();
  for (let c = 0; c < cb.length; c++) {
    const name = names[c] ?? `column ${c + 1}`;
    const x = ca[c], y = cb[c];
    const kind = names[c] ? columnQuantity(name) : "other";
    const where = `${row} ${name}`;
    if (!isNumber(y) || !isNumber(x)) {
      const mx = gregorianMs(x), my = gregorianMs(y);
      if (Number.isFinite(mx) && Number.isFinite(my)) {
        t.add("epoch", Math.abs(mx - my), tol.epochMs, where, () => `${x} vs GMAT ${y}`);
      } else if (x !== y) {
        t.problems.push(`${t.file} ${where}: ${q(x)} vs GMAT ${q(y)}`);
      }
      continue;
    }
    const nx = Number(x), ny = Number(y), d = Math.abs(nx - ny);
    const detail = () => `${x} vs GMAT ${y}`;
    if (names[c] && solutions[name] !== undefined) {
      t.add("solution", d, solutions[name], where, detail);
    } else if (kind === "X" || kind === "V") {
      const prefix = name.slice(0, name.lastIndexOf(".") + 1) + kind;
      const v = vectors.get(prefix) ?? { kind, idx: [] };
      v.idx.push(c);
      vectors.set(prefix, v);
    } else if (kind === "position") {
      t.add(kind, d * 1e3, posBound(tol, Math.abs(ny)) * 1e3, where, detail);
    } else if (kind === "velocity") {
      t.add(kind, d * 1e6, velBound(tol, Math.abs(ny)) * 1e6, where, detail);
    } else if (kind === "angle") {
      const w = Math.abs(((d + 180) % 360) - 180);
      t.add(kind, w, tol.angleDeg, where, detail);
    } else if (kind === "epoch") {
      t.add(kind, d * epochScaleMs(name), tol.epochMs, where, detail);
    } else if (kind === "ecc") {
      t.add(kind, d, tol.ecc, where, detail);
    } else {
      t.add(kind, d / Math.max(1, Math.abs(ny)), tol.otherRel, where, detail);
    }
  }
  for (const [prefix, v] of vectors) {
    const dx = v.idx.map((c) => Number(ca[c]) - Number(cb[c]));
    const mag = Math.hypot(...v.idx.map((c) => Number(cb[c])));
    const diff = Math.hypot(...dx);
    const what = () =>
      v.idx.map((c, k) => `${names[c]} ${ca[c]} vs GMAT ${cb[c]} (${fmt(dx[k])})`)
        .join(", ");
    // A vector needs all three components; a lone component is bounded as the magnitude would be.
    if (v.kind === "X") {
      t.add("position", diff * 1e3, posBound(tol, mag) * 1e3, `${row} ${prefix}`, what);
    } else t.add("velocity", diff * 1e6, velBound(tol, mag) * 1e6, `${row} ${prefix}`, what);
  }
}

function posBound(tol: Tolerances, magKm: number): number {
  return Math.max(tol.positionKm, tol.positionRel * magKm);
}

function velBound(tol: Tolerances, magKmS: number): number {
  return Math.max(tol.velocityKmS, tol.velocityRel * magKmS);
}

// ---------------------------------------------------------------------------------------------
// Ephemerides

/** An ephemeris file read for comparison. */
interface Ephemeris {
  /** Header and metadata lines, in order, without the lines that may legitimately differ. */
  readonly header: string[];
  /** Points by segment: time in seconds (from a fixed origin) and the 6-state (km, km/s). */
  readonly segments: { t: number; s: number[] }[][];
  /** `NumberOfEphemerisPoints` of an STK file. */
  readonly declared?: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/;

function isoSeconds(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000;
  return day + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
}

/**
 * Read an STK-TimePosVel or CCSDS-OEM text. Lines that name the writer or the time of writing
 * (`# WrittenBy`, `CREATION_DATE`, `ORIGINATOR`) are left out of the header; so is the STK point
 * count, which is kept apart.
 */
function readEphemeris(text: string): Ephemeris {
  const lines = textLines(text);
  const stk = /^stk\.v\./.test(lines[0] ?? "");
  const header: string[] = [];
  const segments: { t: number; s: number[] }[][] = [[]];
  let declared: number | undefined;
  const split = () => {
    if (segments[segments.length - 1].length > 0) segments.push([]);
  };
  for (const line of lines) {
    const c = line.trim().split(/\s+/);
    const data = c.length === 7 && c.slice(1).every(isNumber) &&
      (stk ? isNumber(c[0]) : ISO.test(c[0]));
    if (data) {
      const t = stk ? Number(c[0]) : isoSeconds(c[0]);
      const seg = segments[segments.length - 1];
      if (seg.length > 0 && !(t > seg[seg.length - 1].t)) split();
      segments[segments.length - 1].push({ t, s: c.slice(1).map(Number) });
      continue;
    }
    if (line.trim() === "" || /^META_START/.test(line)) {
      split();
      if (line.trim() === "") continue;
    }
    if (/^# WrittenBy|^(CREATION_DATE|ORIGINATOR)\s*=/.test(line)) continue;
    const n = /^NumberOfEphemerisPoints\s+(\d+)/.exec(line);
    if (n) {
      declared = Number(n[1]);
      continue;
    }
    header.push(line);
  }
  return { header, segments: segments.filter((s) => s.length > 0), declared };
}

/** Lagrange interpolation through `order + 1` points of `seg` around `t` (one state). */
function interpolate(seg: { t: number; s: number[] }[], t: number, order = 7): number[] {
  const n = Math.min(order + 1, seg.length);
  let after = seg.findIndex((p) => p.t > t);
  if (after < 0) after = seg.length;
  const start = Math.min(Math.max(after - Math.ceil(n / 2), 0), seg.length - n);
  const out = new Array<number>(6).fill(0);
  for (let i = start; i < start + n; i++) {
    let w = 1;
    for (let j = start; j < start + n; j++) {
      if (j !== i) w *= (t - seg[j].t) / (seg[i].t - seg[j].t);
    }
    for (let k = 0; k < 6; k++) out[k] += w * seg[i].s[k];
  }
  return out;
}

/**
 * Compare an ephemeris the engine wrote with GMAT's. Headers must match line for line (writer
 * name and creation time aside). With a fixed StepSize the points must be the same epochs (1 ms)
 * with states within the position and velocity bounds. At integrator steps (`integratorSteps`)
 * the step epochs are the integrator's choices: the point count may differ by `stepCountRel`,
 * segments must start and end at the same epochs (1 ms), and each of our states is compared with
 * GMAT's interpolated (Lagrange, 8 points, inside the segment) to our epoch.
 */
export function compareEphemeris(
  file: string,
  ours: string,
  gmat: string,
  integratorSteps: boolean,
  tol: Tolerances = DEFAULT_TOLERANCES,
): FileComparison {
  const t = new Tally(file);
  const a = readEphemeris(ours), b = readEphemeris(gmat);
  const rowsA = a.segments.reduce((n, s) => n + s.length, 0);
  const rowsB = b.segments.reduce((n, s) => n + s.length, 0);
  const extra = a.header.filter((l) => !b.header.includes(l));
  const missing = b.header.filter((l) => !a.header.includes(l));
  for (const l of extra) t.problems.push(`${file}: header line ${q(l)} that GMAT does not write`);
  for (const l of missing) t.problems.push(`${file}: GMAT's header line ${q(l)} missing`);
  if (extra.length === 0 && missing.length === 0 && a.header.join("\n") !== b.header.join("\n")) {
    t.problems.push(`${file}: header lines in another order than GMAT's`);
  }
  if (a.declared !== undefined && a.declared !== rowsA) {
    t.problems.push(`${file}: NumberOfEphemerisPoints ${a.declared}, ${rowsA} points written`);
  }
  if (a.segments.length !== b.segments.length) {
    t.problems.push(`${file}: ${a.segments.length} segments, GMAT ${b.segments.length}`);
    return { file, rows: rowsB, worst: t.worst, problems: t.problems };
  }
  const countOk = integratorSteps
    ? Math.abs(rowsA / rowsB - 1) <= tol.stepCountRel
    : rowsA === rowsB;
  if (!countOk) t.problems.push(`${file}: ${rowsA} points, GMAT wrote ${rowsB}`);
  a.segments.forEach((sa, k) => {
    const sb = b.segments[k];
    const epochCheck = (pa: { t: number }, pb: { t: number }, where: string) =>
      t.add("epoch", Math.abs(pa.t - pb.t) * 1e3, tol.epochMs, where, () => `${pa.t} vs ${pb.t}`);
    if (integratorSteps) {
      epochCheck(sa[0], sb[0], `segment ${k + 1} start`);
      epochCheck(sa[sa.length - 1], sb[sb.length - 1], `segment ${k + 1} end`);
    } else if (sa.length !== sb.length) return;
    sa.forEach((pa, i) => {
      let s: number[];
      if (!integratorSteps) {
        epochCheck(pa, sb[i], `point ${i + 1} of segment ${k + 1} epoch`);
        s = sb[i].s;
      } else {
        // The same epoch (to 1 us) is compared as is; any other is interpolated.
        const same = sb.find((p) => Math.abs(p.t - pa.t) < 1e-6);
        s = same ? same.s : interpolate(sb, pa.t);
      }
      const where = `t=${pa.t.toFixed(3)} s`;
      const dr = Math.hypot(pa.s[0] - s[0], pa.s[1] - s[1], pa.s[2] - s[2]);
      const dv = Math.hypot(pa.s[3] - s[3], pa.s[4] - s[4], pa.s[5] - s[5]);
      const detail = (lo: number) => () =>
        `state ${pa.s.slice(lo, lo + 3).join(" ")} vs GMAT ${s.slice(lo, lo + 3).join(" ")}`;
      t.add(
        "position",
        dr * 1e3,
        posBound(tol, Math.hypot(...s.slice(0, 3))) * 1e3,
        where,
        detail(0),
      );
      t.add("velocity", dv * 1e6, velBound(tol, Math.hypot(...s.slice(3))) * 1e6, where, detail(3));
    });
  });
  return { file, rows: rowsB, worst: t.worst, problems: t.problems };
}

// ---------------------------------------------------------------------------------------------
// Targeter logs

/**
 * Compare a DifferentialCorrector log (`<Solver>.data`, ReportStyle Normal) the engine wrote with
 * GMAT's. The lines must be the same, words and all (so the same iterations, variables, goals
 * and completion message); the numbers are bounded by what they are:
 *
 * - the header, Desired and Tolerance values, and the first iteration's variables (the script's
 *   initial guesses): `otherRel`;
 * - the first nominal pass's achieved values (a plain run of the mission from the same guesses):
 *   the goal's class by name (RMAG: position, ECC: eccentricity, anything else: `otherRel`);
 * - the last iteration: each of our achieved values within its goal's Tolerance of Desired (we
 *   converged as GMAT did), and our solution (the last variables, and the estimate that gave them)
 *   within sum_j |Jinv_ij| * (2 Tolerance_j + d_j) of GMAT's, Jinv being GMAT's last inverse
 *   Jacobian and d_j the first pass's achieved-value difference: any point whose goals are all
 *   within tolerance is a solution (2 Tolerance apart at most), and dynamics that differ by d at
 *   the same variables move the solution by Jinv d;
 * - the path between (Jacobians, inverse Jacobians, intermediate estimates and achieved values)
 *   is measured, not bounded: each Jacobian column is a finite difference over the variable's
 *   Perturbation (1e-4 s of burn or propagation time in the samples), which turns GMAT's own
 *   1e-6 s time-stop rounding and 1e-7 stop tolerance into percent-level noise, and each later
 *   iteration inherits it. The iteration count (the line layout) and the solution are what must
 *   agree.
 */
export function compareTargeterLog(
  file: string,
  ours: string,
  gmat: string,
  tol: Tolerances = DEFAULT_TOLERANCES,
): FileComparison {
  const t = new Tally(file);
  const a = textLines(ours), b = textLines(gmat);
  const lastIter = Math.max(0, ...b.map((l) => Number(/^Iteration (\d+)/.exec(l)?.[1] ?? 0)));
  // GMAT's goal tolerances (in goal order) and last inverse Jacobian.
  const goalTol: number[] = [];
  let jinv: number[][] = [];
  for (let i = 0, section = ""; i < b.length; i++) {
    if (/^Iteration /.test(b[i])) section = "";
    if (/^Inverse Jacobian/.test(b[i])) {
      section = "ijac";
      jinv = [];
      continue;
    }
    if (/^\s*Tolerance:/.test(b[i]) && /^Iteration 1$/.test(iterationOf(b, i))) {
      goalTol.push(Number(b[i].trim().split(/\s+/)[1]));
    }
    if (section === "ijac") {
      const row = b[i].trim().split(/\s+/).map(Number);
      if (b[i].trim() === "" || row.some(Number.isNaN)) section = "";
      else jinv.push(row);
    }
  }
  // Achieved-value differences of the first pass (same variables on both sides): what the two
  // dynamics differ by, which moves the Newton solution by Jinv times that difference.
  const firstPassDiff: number[] = [];
  const solutionBound = (v: number) =>
    (jinv[v] ?? []).reduce(
      (s, x, j) => s + Math.abs(x) * (2 * (goalTol[j] ?? NaN) + (firstPassDiff[j] ?? 0)),
      0,
    );
  if (a.length !== b.length) {
    t.problems.push(`${file}: ${a.length} lines, GMAT wrote ${b.length}`);
    return { file, rows: 0, worst: t.worst, problems: t.problems };
  }
  let iter = 0, section = "header", varIndex = 0, rows = 0, desired = NaN, goalIndex = 0;
  for (let i = 0; i < b.length; i++) {
    const m = /^Iteration (\d+)/.exec(b[i]);
    if (m) iter = Number(m[1]);
    if (/^Variables:|^New scaled variable estimates:/.test(b[i])) {
      section = /^Variables/.test(b[i]) ? "vars" : "est";
      varIndex = 0;
    } else if (/^Goals and achieved values:/.test(b[i])) {
      section = "goals";
      goalIndex = 0;
    } else if (/^(Inverse )?Jacobian/.test(b[i])) section = "jac";
    const ca = a[i].trim().split(/\s+/), cb = b[i].trim().split(/\s+/);
    const words = (c: string[]) => c.map((x) => isNumber(x) ? "#" : x).join(" ");
    if (words(ca) !== words(cb)) {
      t.problems.push(`${file} line ${i + 1}: ${q(a[i])}, GMAT ${q(b[i])}`);
      continue;
    }
    if (!cb.some(isNumber)) continue;
    rows++;
    const where = `line ${i + 1} (iteration ${iter})`;
    for (let c = 0; c < cb.length; c++) {
      if (!isNumber(cb[c])) continue;
      const x = Number(ca[c]), y = Number(cb[c]), d = Math.abs(x - y);
      const detail = () => `${b[i].trim()}: ${ca[c]} vs GMAT ${cb[c]}`;
      const exact = () => t.add("other", d / Math.max(1, Math.abs(y)), tol.otherRel, where, detail);
      const path = () => t.add("path", d / Math.max(1, Math.abs(y)), Infinity, where, detail);
      if (section === "header" || /^\s*Tolerance:|^Iteration|^\*/.test(b[i])) exact();
      else if (section === "goals" && cb[c - 1] === "Desired:") {
        desired = y;
        exact();
      } else if (section === "goals" && cb[c - 1] === "Achieved:") {
        if (iter === 1) {
          firstPassDiff[goalIndex++] = d;
          // A Cartesian component goal is held to its class with its own magnitude (no stricter
          // than the vector's).
          const c0 = columnQuantity(cb[0]);
          const k = c0 === "X" ? "position" : c0 === "V" ? "velocity" : c0;
          if (k === "position") t.add(k, d * 1e3, posBound(tol, Math.abs(y)) * 1e3, where, detail);
          else if (k === "velocity") {
            t.add(k, d * 1e6, velBound(tol, Math.abs(y)) * 1e6, where, detail);
          } else if (k === "ecc") t.add(k, d, tol.ecc, where, detail);
          else exact();
        } else if (iter === lastIter) {
          const goalTolerance = Number(b[i + 1]?.trim().split(/\s+/)[1]);
          t.add(
            "solution",
            Math.abs(x - desired),
            goalTolerance,
            where,
            () => `${detail()}: achieved ${x}, desired ${desired}, goal tolerance ${goalTolerance}`,
          );
        } else path();
      } else if (section === "vars" || section === "est") {
        const v = varIndex++;
        if (section === "vars" && iter === 1) exact();
        else if (
          (section === "vars" && iter === lastIter) || (section === "est" && iter === lastIter - 1)
        ) {
          t.add("solution", d, solutionBound(v), where, detail);
        } else path();
      } else path();
    }
  }
  return { file, rows, worst: t.worst, problems: t.problems };
}

/** The `Iteration n` line above line `i` (empty in the header). */
function iterationOf(lines: readonly string[], i: number): string {
  for (let k = i; k >= 0; k--) if (/^Iteration \d+/.test(lines[k])) return lines[k].trim();
  return "";
}

/** One nominal pass of a targeter log. */
interface TargeterPass {
  readonly iteration: number;
  readonly variables: { name: string; value: number; text: string }[];
  readonly goals: {
    name: string;
    desired: number;
    achieved: number;
    tolerance: number;
    text: string;
  }[];
}

/** A targeter log's header lines, nominal passes and completion count (if it completed). */
function parseTargeterLog(
  text: string,
): { header: string[]; passes: TargeterPass[]; completed?: number } {
  const lines = textLines(text);
  const header: string[] = [];
  const passes: TargeterPass[] = [];
  let completed: number | undefined;
  let section = "header";
  let pass: TargeterPass | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const it = /^Iteration (\d+)/.exec(l);
    const done = /^\*\*\* Targeting Completed in (\d+) iterations/.exec(l);
    if (it) {
      pass = { iteration: Number(it[1]), variables: [], goals: [] };
      passes.push(pass);
      section = "pass";
    } else if (done) completed = Number(done[1]);
    else if (section === "header") header.push(l);
    else if (/^Variables:/.test(l)) section = "vars";
    else if (/^Goals and achieved values:/.test(l)) section = "goals";
    else if (/^(New scaled|Jacobian|Inverse Jacobian)/.test(l)) section = "other";
    else if (section === "vars" && pass) {
      const m = /^\s*(\S+) = (\S+)/.exec(l);
      if (m) pass.variables.push({ name: m[1], value: Number(m[2]), text: l.trim() });
    } else if (section === "goals" && pass) {
      const m = /^\s*(\S+)\s+Desired: (\S+) Achieved: (\S+)/.exec(l);
      const t = /^\s*Tolerance: (\S+)/.exec(lines[i + 1] ?? "");
      if (m) {
        pass.goals.push({
          name: m[1],
          desired: Number(m[2]),
          achieved: Number(m[3]),
          tolerance: t ? Number(t[1]) : NaN,
          text: l.trim(),
        });
      }
    }
  }
  return { header, passes, completed };
}

/**
 * Compare a targeter log by its outcome instead of line by line, for a targeter whose iteration
 * path is not reproducible (see `SAMPLE_BOUNDS` for the sample that needs it and the evidence):
 *
 * - the header (variables, goals, solver mode) word for word and number for number;
 * - the first nominal pass: the same variables, each value within `firstPassBounds[name]`
 *   (absolute; the class bound `otherRel` when not named), the same goals with the same Desired
 *   values and Tolerances; its achieved values are measured (`path`), not bounded, when a
 *   variable has its own bound (they follow from those variables);
 * - both logs end with `*** Targeting Completed in N iterations` (both converged; N is measured);
 * - the last nominal pass of each: every goal within its Tolerance of Desired (`solution`).
 */
export function compareTargeterOutcome(
  file: string,
  ours: string,
  gmat: string,
  firstPassBounds: Readonly<Record<string, number>>,
  tol: Tolerances = DEFAULT_TOLERANCES,
): FileComparison {
  const t = new Tally(file);
  const a = parseTargeterLog(ours), b = parseTargeterLog(gmat);
  const exact = (where: string, x: number, y: number, detail: () => string) =>
    t.add("other", Math.abs(x - y) / Math.max(1, Math.abs(y)), tol.otherRel, where, detail);
  // Header.
  if (a.header.length !== b.header.length) {
    t.problems.push(`${file}: header of ${a.header.length} lines, GMAT's ${b.header.length}`);
  } else {
    for (let i = 0; i < b.header.length; i++) {
      if (a.header[i].trim() !== b.header[i].trim()) {
        t.problems.push(`${file} header line ${i + 1}: ${q(a.header[i])}, GMAT ${q(b.header[i])}`);
      }
    }
  }
  const a1 = a.passes[0], b1 = b.passes[0];
  const aN = a.passes.at(-1), bN = b.passes.at(-1);
  if (!a1 || !b1 || !aN || !bN) {
    t.problems.push(`${file}: no nominal pass (${a.passes.length} here, GMAT ${b.passes.length})`);
    return { file, rows: 0, worst: t.worst, problems: t.problems };
  }
  // First pass.
  const names = (p: TargeterPass, k: "variables" | "goals") => p[k].map((v) => v.name).join(", ");
  for (const k of ["variables", "goals"] as const) {
    if (names(a1, k) !== names(b1, k)) {
      t.problems.push(`${file}: first pass ${k} ${names(a1, k)}, GMAT ${names(b1, k)}`);
      return { file, rows: 0, worst: t.worst, problems: t.problems };
    }
  }
  const where1 = "iteration 1";
  let ownBound = false;
  a1.variables.forEach((v, i) => {
    const g = b1.variables[i];
    const detail = () => `${v.name} = ${v.value} vs GMAT ${g.value}`;
    const bound = firstPassBounds[v.name];
    if (bound === undefined) exact(where1, v.value, g.value, detail);
    else {
      ownBound = true;
      t.add("solution", Math.abs(v.value - g.value), bound, where1, detail);
    }
  });
  a1.goals.forEach((v, i) => {
    const g = b1.goals[i];
    exact(where1, v.desired, g.desired, () => `${v.name} Desired ${v.desired} vs ${g.desired}`);
    exact(where1, v.tolerance, g.tolerance, () => `${v.name} Tolerance ${v.tolerance}`);
    const detail = () => `${v.name} Achieved ${v.achieved} vs GMAT ${g.achieved}`;
    const rel = Math.abs(v.achieved - g.achieved) / Math.max(1, Math.abs(g.achieved));
    if (ownBound) t.add("path", rel, Infinity, where1, detail);
    else exact(where1, v.achieved, g.achieved, detail);
  });
  // Both converged, and each last pass meets every goal.
  if (b.completed === undefined) t.problems.push(`${file}: GMAT's targeter did not complete`);
  if (a.completed === undefined) {
    t.problems.push(
      `${file}: the targeter did not complete (GMAT's did in ${b.completed} iterations)`,
    );
  }
  for (const [p, who] of [[aN, "ours"], [bN, "GMAT's"]] as const) {
    for (const g of p.goals) {
      t.add(
        "solution",
        Math.abs(g.achieved - g.desired),
        g.tolerance,
        `iteration ${p.iteration} (${who})`,
        () => `${g.name} achieved ${g.achieved}, desired ${g.desired}, tolerance ${g.tolerance}`,
      );
    }
  }
  const rows = b.passes.reduce((n, p) => n + p.variables.length + p.goals.length, 0);
  return { file, rows, worst: t.worst, problems: t.problems };
}
