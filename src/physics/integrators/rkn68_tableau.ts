/**
 * RungeKutta68: the 9-stage Runge-Kutta-Nystrom pair of orders 8 and 6 by Dormand, El-Mikkawy
 * and Prince, as GMAT's `DormandElMikkawyPrince68` (script name `RungeKutta68`) defines it
 * (GMAT's source names the authors only). Nodes 0, 1/20, 1/10, 3/10, 1/2, 7/10, 9/10, 1, 1;
 * rows of A-bar sum to c^2/2.
 *
 * It integrates the second-order system r'' = a(t, r) directly (GMAT: derivative order 2). With
 * k_i = a(t + c_i h, r + c_i h v + h^2 sum_j Abar_ij k_j) (the stage velocity is the start
 * velocity), the step is
 * - position: r + h v + h^2 sum b_i k_i (8th order; the weights of the last two stages are 0),
 * - velocity: v + h sum bDot_i k_i (8th order),
 * - error: h^2 sum e_i k_i for positions and h sum eDot_i k_i for velocities, against the
 *   embedded 6th-order pair (whose velocity weights use the last, FSAL-like stage).
 * GMAT controls the step with p = 8 (growth exponent 1/8, shrink exponent 1/7).
 *
 * @module
 */

import { buildNystromTableau, type ButcherTableau, type ExactCoefficient } from "./tableau.ts";

const Z: ExactCoefficient = [0, 0, 1];
const r = (n: number, d: number): ExactCoefficient => [n, 0, d];

/** Position part (c, A-bar, position weights) of the Dormand-El-Mikkawy-Prince pair, exact. */
export const RKN68_EXACT = Object.freeze({
  c: [Z, r(1, 20), r(1, 10), r(3, 10), r(1, 2), r(7, 10), r(9, 10), r(1, 1), r(1, 1)],
  a: [
    [],
    [r(1, 800)],
    [r(1, 600), r(1, 300)],
    [r(9, 200), r(-9, 100), r(9, 100)],
    [r(-66701, 197352), r(28325, 32892), r(-2665, 5482), r(2170, 24669)],
    [
      r(227015747, 304251000),
      r(-54897451, 30425100),
      r(12942349, 10141700),
      r(-9499, 304251),
      r(539, 9250),
    ],
    [
      r(-1131891597, 901789000),
      r(41964921, 12882700),
      r(-6663147, 3220675),
      r(270954, 644135),
      r(-108, 5875),
      r(114, 1645),
    ],
    [
      r(13836959, 3667458),
      r(-17731450, 1833729),
      r(1063919505, 156478208),
      r(-33213845, 39119552),
      r(13335, 28544),
      r(-705, 14272),
      r(1645, 57088),
    ],
    [
      r(223, 7938),
      Z,
      r(1175, 8064),
      r(925, 6048),
      r(41, 448),
      r(925, 14112),
      r(1175, 72576),
      Z,
    ],
  ],
  b: [
    r(223, 7938),
    Z,
    r(1175, 8064),
    r(925, 6048),
    r(41, 448),
    r(925, 14112),
    r(1175, 72576),
    Z,
    Z,
  ],
  bLow: [
    r(7987313, 109941300),
    Z,
    r(1610737, 44674560),
    r(10023263, 33505920),
    r(-497221, 12409600),
    r(10023263, 78180480),
    r(1610737, 402071040),
    Z,
    Z,
  ],
});

/** Velocity weights of the pair, exact. */
export const RKN68_VELOCITY_EXACT = Object.freeze({
  bDot: [
    r(223, 7938),
    Z,
    r(5875, 36288),
    r(4625, 21168),
    r(41, 224),
    r(4625, 21168),
    r(5875, 36288),
    r(223, 7938),
    Z,
  ],
  bDotLow: [
    r(7987313, 109941300),
    Z,
    r(1610737, 40207104),
    r(10023263, 23454144),
    r(-497221, 6204800),
    r(10023263, 23454144),
    r(1610737, 40207104),
    r(-4251941, 54970650),
    r(3, 20),
  ],
});

/** The RungeKutta68 Nystrom tableau (9 stages, propagates order 8, step-control order 8). */
export const RKN68_TABLEAU: ButcherTableau = buildNystromTableau(
  "RungeKutta68",
  8,
  6,
  RKN68_EXACT,
  RKN68_VELOCITY_EXACT,
);
