/**
 * The Butcher-tableau type of the embedded Runge-Kutta pairs, and how exact coefficients are
 * written down.
 *
 * Coefficients are stored exactly as data: an entry `[p, q, d]` means (p + q sqrt(6)) / d (only
 * RK89 uses the sqrt(6) part; elsewhere q = 0). Tests check the tableaux in exact arithmetic from
 * this data; the integrator uses the floating-point values in {@link ButcherTableau}.
 *
 * A Runge-Kutta-Nystrom pair (RungeKutta68) for y'' = f(y) uses the same shape with a
 * {@link ButcherTableau.nystrom} part: `a` then holds A-bar (multiplied by h^2), `b`/`e` the
 * position weights, and `nystrom.bDot`/`nystrom.eDot` the velocity weights.
 *
 * @module
 */

/** An exact coefficient (p + q sqrt(6)) / d with integer p, q, d (d > 0). */
export type ExactCoefficient = readonly [p: number, q: number, d: number];

/** The exact definition of an embedded pair, as written in its source paper. */
export interface ExactTableau {
  /** Nodes c_i, one per stage. */
  readonly c: readonly ExactCoefficient[];
  /** Strictly lower-triangular A: row i has i entries a_i0 ... a_i(i-1). */
  readonly a: readonly (readonly ExactCoefficient[])[];
  /** Weights of the propagated (higher-order) solution. */
  readonly b: readonly ExactCoefficient[];
  /** Weights of the embedded lower-order solution. */
  readonly bLow: readonly ExactCoefficient[];
}

/** A ready-to-use embedded Runge-Kutta pair. */
export interface ButcherTableau {
  /** GMAT's name of the integrator. */
  readonly name: string;
  /** Number of stages. */
  readonly stages: number;
  /**
   * The "order" p GMAT's step control uses: growth exponent 1/p after an accepted step, shrink
   * exponent 1/(p - 1) after a rejected one (9 for RK89, 8 for PD78, 5 for PD45).
   */
  readonly order: number;
  /** Order of the embedded solution. */
  readonly lowOrder: number;
  /** Nodes. */
  readonly c: readonly number[];
  /** Rows of A (row i has i entries). */
  readonly a: readonly (readonly number[])[];
  /** Propagated weights (local extrapolation: the higher-order solution is kept). */
  readonly b: readonly number[];
  /** Error weights b - bLow. */
  readonly e: readonly number[];
  /** The exact data the numbers come from. */
  readonly exact: ExactTableau;
  /**
   * Present only for a Runge-Kutta-Nystrom pair: its velocity weights. Then `a` is A-bar,
   * `b`/`e` and `exact.b`/`exact.bLow` are the position weights.
   */
  readonly nystrom?: NystromWeights;
}

/** The velocity weights of a Runge-Kutta-Nystrom pair. */
export interface NystromWeights {
  /** Propagated velocity weights (b-dot). */
  readonly bDot: readonly number[];
  /** Velocity error weights bDot - bDotLow. */
  readonly eDot: readonly number[];
  /** The exact data. */
  readonly exact: {
    readonly bDot: readonly ExactCoefficient[];
    readonly bDotLow: readonly ExactCoefficient[];
  };
}

const RT6 = Math.sqrt(6);

/** The double nearest to an exact coefficient, evaluated as GMAT writes it: (p + q*sqrt6)/d. */
export function coefficientValue([p, q, d]: ExactCoefficient): number {
  return q === 0 ? p / d : (p + q * RT6) / d;
}

/** Freezes nested arrays and objects, so shared tableau data cannot be altered. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const vec = (xs: readonly ExactCoefficient[]) => Object.freeze(xs.map(coefficientValue));

/** Weights and error weights b - bLow, each difference taken in doubles as GMAT does. */
function weights(high: readonly ExactCoefficient[], low: readonly ExactCoefficient[]) {
  const b = vec(high);
  const bLow = vec(low);
  return { b, e: Object.freeze(b.map((x, i) => x - bLow[i])) };
}

/** Builds the floating-point tableau from exact data (and freezes that data). */
export function buildTableau(
  name: string,
  order: number,
  lowOrder: number,
  exact: ExactTableau,
): ButcherTableau {
  deepFreeze(exact);
  const { b, e } = weights(exact.b, exact.bLow);
  return Object.freeze({
    name,
    stages: exact.c.length,
    order,
    lowOrder,
    c: vec(exact.c),
    a: Object.freeze(exact.a.map(vec)),
    b,
    e,
    exact,
  });
}

/**
 * Builds a Runge-Kutta-Nystrom tableau: `exact` holds c, A-bar and the position weights,
 * `velocity` the velocity weights.
 */
export function buildNystromTableau(
  name: string,
  order: number,
  lowOrder: number,
  exact: ExactTableau,
  velocity: NystromWeights["exact"],
): ButcherTableau {
  const base = buildTableau(name, order, lowOrder, exact);
  deepFreeze(velocity);
  const { b, e } = weights(velocity.bDot, velocity.bDotLow);
  return Object.freeze({ ...base, nystrom: Object.freeze({ bDot: b, eDot: e, exact: velocity }) });
}
