/**
 * Test helper: exact arithmetic in Q(sqrt 6) with BigInt rationals, and the rooted trees that
 * index the Runge-Kutta order conditions (Butcher). Used to check tableaux exactly.
 *
 * @module
 */

import type { ExactCoefficient, ExactTableau } from "../../src/physics/mod.ts";

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A reduced rational n/d with d > 0. */
export class Rat {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError("zero denominator");
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }
  add(o: Rat): Rat {
    return new Rat(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rat): Rat {
    return new Rat(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rat): Rat {
    return new Rat(this.n * o.n, this.d * o.d);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  toNumber(): number {
    const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
    const sn = Math.max(0, bits(this.n) - 60);
    const sd = Math.max(0, bits(this.d) - 60);
    return (Number(this.n >> BigInt(sn)) / Number(this.d >> BigInt(sd))) * 2 ** (sn - sd);
  }
}

/** a + b sqrt(6) with rational a, b. */
export class Q6 {
  constructor(readonly a: Rat, readonly b: Rat = new Rat(0n)) {}
  static of([p, q, d]: ExactCoefficient): Q6 {
    return new Q6(new Rat(BigInt(p), BigInt(d)), new Rat(BigInt(q), BigInt(d)));
  }
  static int(n: number | bigint): Q6 {
    return new Q6(new Rat(BigInt(n)));
  }
  add(o: Q6): Q6 {
    return new Q6(this.a.add(o.a), this.b.add(o.b));
  }
  sub(o: Q6): Q6 {
    return new Q6(this.a.sub(o.a), this.b.sub(o.b));
  }
  mul(o: Q6): Q6 {
    const six = new Rat(6n);
    return new Q6(
      this.a.mul(o.a).add(six.mul(this.b.mul(o.b))),
      this.a.mul(o.b).add(this.b.mul(o.a)),
    );
  }
  isZero(): boolean {
    return this.a.isZero() && this.b.isZero();
  }
  toNumber(): number {
    return this.a.toNumber() + Math.sqrt(6) * this.b.toNumber();
  }
}

/** A rooted tree: its order, its children (indices into the tree list) and its density gamma. */
export interface Tree {
  order: number;
  children: number[];
  gamma: bigint;
}

/** All rooted trees up to `maxOrder`, ordered by order (counts 1, 1, 2, 4, 9, 20, 48, 115, 286). */
export function rootedTrees(maxOrder: number): Tree[] {
  const trees: Tree[] = [];
  const forests = (size: number, maxIndex: number): number[][] => {
    if (size === 0) return [[]];
    const out: number[][] = [];
    for (let i = Math.min(maxIndex, trees.length - 1); i >= 0; i--) {
      if (trees[i].order > size) continue;
      for (const rest of forests(size - trees[i].order, i)) out.push([i, ...rest]);
    }
    return out;
  };
  for (let order = 1; order <= maxOrder; order++) {
    const known = trees.length;
    for (const children of forests(order - 1, known - 1)) {
      let gamma = BigInt(order);
      for (const c of children) gamma *= trees[c].gamma;
      trees.push({ order, children, gamma });
    }
  }
  return trees;
}

/** Residuals sum_i b_i Phi_i(t) - 1/gamma(t) of every tree, exactly. */
export function orderResiduals(
  tableau: ExactTableau,
  weights: readonly ExactCoefficient[],
  trees: Tree[],
): Q6[] {
  const s = tableau.c.length;
  const A = tableau.a.map((row) => row.map((x) => Q6.of(x)));
  const b = weights.map((x) => Q6.of(x));
  const phi: Q6[][] = [];
  const aPhi: Q6[][] = [];
  const out: Q6[] = [];
  for (const t of trees) {
    const p: Q6[] = Array.from({ length: s }, () => Q6.int(1));
    for (const c of t.children) {
      for (let i = 0; i < s; i++) p[i] = p[i].mul(aPhi[c][i]);
    }
    phi.push(p);
    const ap: Q6[] = Array.from({ length: s }, (_, i) => {
      let acc = Q6.int(0);
      for (let j = 0; j < i; j++) {
        if (!A[i][j].isZero()) acc = acc.add(A[i][j].mul(p[j]));
      }
      return acc;
    });
    aPhi.push(ap);
    let sum = Q6.int(0);
    for (let i = 0; i < s; i++) if (!b[i].isZero()) sum = sum.add(b[i].mul(p[i]));
    out.push(sum.sub(new Q6(new Rat(1n, t.gamma))));
  }
  return out;
}
