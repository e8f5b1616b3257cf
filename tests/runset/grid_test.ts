/**
 * Full-factorial grids: order, sizes, direct indexing, streaming in constant memory.
 *
 * @module
 */

import assert from "node:assert/strict";
import { gridRunSet } from "../../src/runset/mod.ts";
import { pythonSorted } from "../../src/runset/coerce.ts";

Deno.test("gridRunSet() orders runs like itertools.product over sorted keys (last key fastest)", () => {
  const set = gridRunSet({ "b.Y": [10, 20, 30], "a.X": [1, 2] });
  assert.equal(set.kind, "grid");
  assert.equal(set.size, 6);
  assert.equal(set.seed, null);
  assert.deepEqual(set.axes, ["a.X", "b.Y"]);
  const specs = [...set.specs()];
  assert.deepEqual(
    specs.map((s) => [s.overrides["a.X"], s.overrides["b.Y"]]),
    [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]],
  );
  assert.deepEqual(specs.map((s) => s.runId), [0, 1, 2, 3, 4, 5]);
  for (const s of specs) {
    assert.deepEqual(Object.keys(s.overrides), ["a.X", "b.Y"]);
    assert.equal(s.seed, null);
    assert.deepEqual(s.context, {});
    assert.deepEqual(set.spec(s.runId), s);
  }
});

Deno.test("gridRunSet() sizes: product of axis lengths; {} is one run with no overrides", () => {
  assert.equal(gridRunSet({ "a.A": [1], "b.B": [1, 2, 3], "c.C": ["x", "y"] }).size, 6);
  const empty = gridRunSet({});
  assert.equal(empty.size, 1);
  assert.deepEqual([...empty.specs()], [{ runId: 0, overrides: {}, seed: null, context: {} }]);
  const strings = gridRunSet({
    "Sat.DateFormat": ["UTCGregorian", "TAIModJulian"],
    "Sat.X": [true],
  });
  assert.deepEqual(strings.spec(1).overrides, { "Sat.DateFormat": "TAIModJulian", "Sat.X": true });
});

Deno.test("gridRunSet() specs(from, to) is the matching slice and spec(i) decodes any id", () => {
  const set = gridRunSet({ "a.A": [0, 1, 2, 3], "b.B": [0, 1, 2], "c.C": [0, 1, 2, 3, 4] });
  const all = [...set.specs()];
  assert.equal(all.length, 60);
  assert.deepEqual([...set.specs(17, 42)], all.slice(17, 42));
  assert.deepEqual([...set.specs(59)], all.slice(59));
  assert.deepEqual([...set.specs(5, 5)], []);
  all.forEach((s, i) => {
    const { "a.A": a, "b.B": b, "c.C": c } = s.overrides as Record<string, number>;
    assert.equal(a * 15 + b * 5 + c, i);
  });
  assert.throws(() => set.spec(60), RangeError);
  assert.throws(() => set.spec(-1), RangeError);
  assert.throws(() => set.specs(3, 61), RangeError);
  assert.throws(() => set.specs(4, 3), RangeError);
});

Deno.test("gridRunSet() streams a 10^6-cell grid in constant memory", () => {
  const axis = Array.from({ length: 10 }, (_, i) => 7000 + i);
  const grid: Record<string, number[]> = {};
  for (const name of ["A.a", "B.b", "C.c", "D.d", "E.e", "F.f"]) grid[name] = axis;
  const set = gridRunSet(grid);
  assert.equal(set.size, 1_000_000);
  const before = Deno.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let last;
  for (const spec of set.specs()) {
    assert.equal(spec.runId, count);
    count++;
    last = spec;
    if (count % 50_000 === 0) peak = Math.max(peak, Deno.memoryUsage().heapUsed);
  }
  assert.equal(count, 1_000_000);
  assert.deepEqual(last, set.spec(999_999));
  assert.deepEqual(last!.overrides, {
    "A.a": 7009,
    "B.b": 7009,
    "C.c": 7009,
    "D.d": 7009,
    "E.e": 7009,
    "F.f": 7009,
  });
  // Keeping the 10^6 specs takes about 200 MiB (measured); streaming peaks near 7 MiB.
  const grown = (peak - before) / 2 ** 20;
  assert.ok(grown < 64, `heap grew by ${grown.toFixed(1)} MiB while streaming`);
});

Deno.test("gridRunSet() indexes a 10^12-cell grid directly (nothing is materialised)", () => {
  const axis = Array.from({ length: 100 }, (_, i) => i);
  const set = gridRunSet({
    "A.a": axis,
    "B.b": axis,
    "C.c": axis,
    "D.d": axis,
    "E.e": axis,
    "F.f": axis,
  });
  assert.equal(set.size, 1e12);
  assert.deepEqual(set.spec(1e12 - 1).overrides["A.a"], 99);
  assert.deepEqual(set.spec(123_456_789_012).overrides, {
    "A.a": 12,
    "B.b": 34,
    "C.c": 56,
    "D.d": 78,
    "E.e": 90,
    "F.f": 12,
  });
  const tail = [...set.specs(1e12 - 3)];
  assert.deepEqual(tail.map((s) => s.overrides["F.f"]), [97, 98, 99]);
});

Deno.test("gridRunSet() sorts axes by code point like Python's sorted(), not by UTF-16 unit", () => {
  const astral = "\u{1F600}.a";
  const bmpHigh = "\uFFFF.b";
  assert.deepEqual([astral, bmpHigh].sort(), [astral, bmpHigh]); // UTF-16 order
  assert.deepEqual(pythonSorted([astral, bmpHigh]), [bmpHigh, astral]); // code-point order
  assert.deepEqual(pythonSorted(["Sat.b", "Sat.B", "Sat.a", "Sat.A", "Sat.ä"]), [
    "Sat.A",
    "Sat.B",
    "Sat.a",
    "Sat.b",
    "Sat.ä",
  ]);
});

Deno.test("gridRunSet() parameterSpec() is {_kind: grid, ...axes} with copied values", () => {
  const values = [7000, 7100];
  const set = gridRunSet({ "Sat.SMA": values, "Sat.ECC": [0] });
  values.push(9999);
  assert.equal(set.size, 2);
  assert.deepEqual(set.parameterSpec(), { _kind: "grid", "Sat.SMA": [7000, 7100], "Sat.ECC": [0] });
});
