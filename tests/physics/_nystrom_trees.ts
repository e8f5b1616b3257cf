/**
 * Test helper: order conditions of Runge-Kutta-Nystrom methods for y'' = f(y), in exact
 * rational arithmetic, derived independently of the source.
 *
 * The stage values are Y_i = y0 + c_i h y0' + h^2 sum_j Abar_ij f(Y_j). Expanding f(Y_i) about
 * y0 gives elementary differentials indexed by "fat" trees: a fat vertex (an f) whose children
 * are either a meagre leaf (a factor c_i h y0') or a meagre vertex carrying one fat subtree (a
 * factor h^2 sum_j Abar_ij [subtree at stage j]). A tree's weight w counts the powers of h below
 * its root (leaf 1, meagre vertex 2 + the subtree's weight); its stage weight is
 * Phi_i = prod(c_i for a leaf; sum_j Abar_ij Phi_j(sub) for a subtree).
 *
 * The exact flow is the same expansion with the continuous "method" Y(theta) = y0 + theta h y0'
 * + h^2 int_0^theta (theta - s) f(Y(s)) ds, whose stage weight is alpha theta^w with alpha =
 * prod(1 per leaf; alpha_sub / ((w_sub + 1)(w_sub + 2)) per subtree). Matching
 * y1' = y0' + h int_0^1 f and y1 = y0 + h y0' + h^2 int_0^1 (1 - s) f gives the conditions
 * - velocity weights: sum_i bDot_i Phi_i = alpha / (w + 1) for every tree with w + 1 <= order,
 * - position weights: sum_i b_i Phi_i = alpha / ((w + 1)(w + 2)) for w + 2 <= order.
 *
 * @module
 */

import type { ExactCoefficient } from "../../src/physics/mod.ts";
import { Q6, Rat } from "./_exact.ts";

/** A fat tree: its weight and children (-1 a meagre leaf, k >= 0 a meagre vertex over tree k). */
export interface FatTree {
  readonly weight: number;
  readonly children: readonly number[];
}

/** Every fat tree of weight <= maxWeight, by increasing weight (the bare f first). */
export function nystromTrees(maxWeight: number): FatTree[] {
  const trees: FatTree[] = [{ weight: 0, children: [] }];
  const childWeight = (c: number) => c < 0 ? 1 : 2 + trees[c].weight;
  for (let w = 1; w <= maxWeight; w++) {
    const types = [-1, ...trees.map((_, k) => k).filter((k) => childWeight(k) <= w)];
    const found: number[][] = [];
    // Multisets of child types with total weight w, types taken in non-decreasing index order.
    const pick = (from: number, left: number, acc: number[]) => {
      if (left === 0) {
        found.push([...acc]);
        return;
      }
      for (let i = from; i < types.length; i++) {
        const cw = childWeight(types[i]);
        if (cw > left) continue;
        acc.push(types[i]);
        pick(i, left - cw, acc);
        acc.pop();
      }
    };
    pick(0, w, []);
    for (const children of found) trees.push({ weight: w, children });
  }
  return trees;
}

/** The exact coefficient alpha of a tree (stage weight alpha theta^w of the exact flow). */
function alphas(trees: FatTree[]): Rat[] {
  const out: Rat[] = [];
  for (const t of trees) {
    let a = new Rat(1n);
    for (const c of t.children) {
      if (c < 0) continue;
      const w = BigInt(trees[c].weight);
      a = a.mul(out[c]).mul(new Rat(1n, (w + 1n) * (w + 2n)));
    }
    out.push(a);
  }
  return out;
}

/** Residuals of the velocity (`kind` "velocity") or position conditions, per tree, exactly. */
export function nystromResiduals(
  c: readonly ExactCoefficient[],
  abar: readonly (readonly ExactCoefficient[])[],
  weights: readonly ExactCoefficient[],
  kind: "velocity" | "position",
  trees: FatTree[],
): { tree: FatTree; residual: Q6 }[] {
  const s = c.length;
  const C = c.map((x) => Q6.of(x));
  const A = abar.map((row) => row.map((x) => Q6.of(x)));
  const b = weights.map((x) => Q6.of(x));
  const alpha = alphas(trees);
  const phi: Q6[][] = [];
  const aPhi: Q6[][] = [];
  const out: { tree: FatTree; residual: Q6 }[] = [];
  trees.forEach((t, k) => {
    const p: Q6[] = Array.from({ length: s }, () => Q6.int(1));
    for (const ch of t.children) {
      for (let i = 0; i < s; i++) p[i] = p[i].mul(ch < 0 ? C[i] : aPhi[ch][i]);
    }
    phi.push(p);
    aPhi.push(Array.from({ length: s }, (_, i) => {
      let acc = Q6.int(0);
      for (let j = 0; j < i; j++) acc = acc.add(A[i][j].mul(p[j]));
      return acc;
    }));
    let sum = Q6.int(0);
    for (let i = 0; i < s; i++) sum = sum.add(b[i].mul(p[i]));
    const w = BigInt(t.weight);
    const denom = kind === "velocity" ? w + 1n : (w + 1n) * (w + 2n);
    out.push({ tree: t, residual: sum.sub(new Q6(alpha[k].mul(new Rat(1n, denom)))) });
  });
  return out;
}
