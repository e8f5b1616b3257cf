/**
 * PrinceDormand45: the 7-stage embedded pair of orders 5 and 4 with nodes 0, 2/9, 1/3, 5/9, 2/3,
 * 1, 1 and a first-same-as-last last stage (Dormand & Prince, "A family of embedded Runge-Kutta
 * formulae", J. Comput. Appl. Math. 6(1), 19-26 (1980), the RK5(4)7FC pair; GMAT's comment cites
 * Prince & Dormand 1981). GMAT propagates the 5th-order solution (local extrapolation) and
 * controls the step with p = 5. GMAT evaluates all seven stages on every step (no FSAL reuse),
 * and so does this implementation.
 *
 * @module
 */

import { buildTableau, type ButcherTableau, type ExactCoefficient } from "./tableau.ts";

const Z: ExactCoefficient = [0, 0, 1];
const r = (n: number, d: number): ExactCoefficient => [n, 0, d];

/** Dormand-Prince RK5(4)7FC coefficients, exact. */
export const PD45_EXACT = Object.freeze({
  c: [Z, r(2, 9), r(1, 3), r(5, 9), r(2, 3), r(1, 1), r(1, 1)],
  a: [
    [],
    [r(2, 9)],
    [r(1, 12), r(1, 4)],
    [r(55, 324), r(-25, 108), r(50, 81)],
    [r(83, 330), r(-13, 22), r(61, 66), r(9, 110)],
    [r(-19, 28), r(9, 4), r(1, 7), r(-27, 7), r(22, 7)],
    [r(19, 200), Z, r(3, 5), r(-243, 400), r(33, 40), r(7, 80)],
  ],
  b: [r(19, 200), Z, r(3, 5), r(-243, 400), r(33, 40), r(7, 80), Z],
  bLow: [r(431, 5000), Z, r(333, 500), r(-7857, 10000), r(957, 1000), r(193, 2000), r(-1, 50)],
});

/** The PrinceDormand45 tableau (7 stages, propagates order 5, step-control order 5). */
export const PD45_TABLEAU: ButcherTableau = buildTableau("PrinceDormand45", 5, 4, PD45_EXACT);
