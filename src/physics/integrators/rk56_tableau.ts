/**
 * RungeKutta56: E. Fehlberg's 8-stage embedded pair of orders 5 and 6 (the RKF5(6) pair of
 * NASA TR R-287, 1968), with the coefficients GMAT takes from "Numerical Algorithms with C"
 * (Engeln-Muellges & Uhlig, 1996). Nodes 0, 1/6, 4/15, 2/3, 4/5, 1, 0, 1: the last two stages
 * exist only for the 6th-order solution.
 *
 * GMAT (`RungeKuttaFehlberg56`, script name `RungeKutta56`) propagates the 6th-order solution
 * (local extrapolation), estimates the error as the difference to the 5th-order one, and
 * controls the step with p = 6 (growth exponent 1/6, shrink exponent 1/5).
 *
 * @module
 */

import { buildTableau, type ButcherTableau, type ExactCoefficient } from "./tableau.ts";

const Z: ExactCoefficient = [0, 0, 1];
const r = (n: number, d: number): ExactCoefficient => [n, 0, d];

/** Fehlberg RKF5(6) coefficients, exact. */
export const RK56_EXACT = Object.freeze({
  c: [Z, r(1, 6), r(4, 15), r(2, 3), r(4, 5), r(1, 1), Z, r(1, 1)],
  a: [
    [],
    [r(1, 6)],
    [r(4, 75), r(16, 75)],
    [r(5, 6), r(-8, 3), r(5, 2)],
    [r(-8, 5), r(144, 25), r(-4, 1), r(16, 25)],
    [r(361, 320), r(-18, 5), r(407, 128), r(-11, 80), r(55, 128)],
    [r(-11, 640), Z, r(11, 256), r(-11, 160), r(11, 256), Z],
    [r(93, 640), r(-18, 5), r(803, 256), r(-11, 160), r(99, 256), Z, r(1, 1)],
  ],
  b: [r(7, 1408), Z, r(1125, 2816), r(9, 32), r(125, 768), Z, r(5, 66), r(5, 66)],
  bLow: [r(31, 384), Z, r(1125, 2816), r(9, 32), r(125, 768), r(5, 66), Z, Z],
});

/** The RungeKutta56 tableau (8 stages, propagates order 6, step-control order 6). */
export const RK56_TABLEAU: ButcherTableau = buildTableau("RungeKutta56", 6, 5, RK56_EXACT);
