import assert from "node:assert/strict";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import {
  compareCodePoints,
  ManifestEntrySchema,
  ManifestHeaderSchema,
  sortedJsonStringify,
} from "../../src/manifest/mod.ts";
import { HAS_PYTHON, pythonReencode, sampleEntry, sampleHeader } from "./_support.ts";

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  7000,
  7100.5,
  1e-9,
  1.5e-7,
  -2.5e-10,
  0.0001,
  0.00001,
  0.000123,
  123.456,
  0.1 + 0.2,
  1 / 3,
  5e-324,
  2 ** 53,
  2 ** 53 + 2,
  1e16,
  1e20,
  1e21,
  1.5e300,
  1.7976931348623157e308,
  4503599627370496.5,
  -123456.789e-3,
];

const STRINGS = [
  "plain",
  "é",
  "日本語",
  "😀 astral",
  "del\u007fchar",
  "\u0000\u0001\u001f",
  "tab\there\nnewline\rcr\bbs\fff",
  'quote" back\\slash /solidus',
  "\u2028\u2029",
  "lone \ud800 surrogate",
  "",
];

const KEYS = { b: 1, a: 2, A: 3, _: 4, "é": 5, "😀": 6, "\uffff": 7, "": 8, "a b": 9, aa: 10 };

function cases(): unknown[] {
  const header = ManifestHeaderSchema.parse(sampleHeader());
  const entry = ManifestEntrySchema.parse(sampleEntry(4, {
    status: "failed",
    stderr: "Traceback:\n  boom \u00e9\t\u007f\n--- GMAT engine log ---\n**** ERROR ****",
    output_paths: {},
  }));
  return [
    header,
    entry,
    { numbers: NUMBERS },
    { strings: STRINGS },
    KEYS,
    { nested: { z: [{ y: 1, x: [] }, {}], a: { c: null, b: true, a: false } } },
    [],
    {},
    "top-level string",
    1e-7,
  ];
}

Deno.test("sortedJsonStringify() matches Python's json.dumps(sort_keys=True) byte for byte", {
  ignore: ignoreUnless(HAS_PYTHON),
}, async () => {
  requireComponent(HAS_PYTHON, "/usr/bin/python3 (json.dumps oracle)");
  const values = cases();
  // Python sees JavaScript's own (unsorted, JS-formatted) JSON and re-encodes it.
  const input = values.map((v) => JSON.stringify(v)).join("\n") + "\n";
  const expected = (await pythonReencode(input)).split("\n").slice(0, -1);
  assert.equal(expected.length, values.length);
  values.forEach((v, i) => assert.equal(sortedJsonStringify(v), expected[i], `case ${i}`));
});

Deno.test("sortedJsonStringify() writes Python separators, float repr and ASCII escapes", () => {
  assert.equal(
    sortedJsonStringify({ b: [1, 2], a: { d: 1, c: 2 } }),
    '{"a": {"c": 2, "d": 1}, "b": [1, 2]}',
  );
  assert.equal(sortedJsonStringify(1e-5), "1e-05");
  assert.equal(sortedJsonStringify(1.5e-7), "1.5e-07");
  assert.equal(sortedJsonStringify(0.0001), "0.0001");
  assert.equal(sortedJsonStringify(7000), "7000");
  assert.equal(sortedJsonStringify(1e21), "1e+21");
  assert.equal(sortedJsonStringify("é😀\u007f"), '"\\u00e9\\ud83d\\ude00\\u007f"');
  assert.equal(sortedJsonStringify({ a: undefined, b: 1 }), '{"b": 1}');
});

Deno.test("sortedJsonStringify() refuses values JSON cannot carry", () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.throws(() => sortedJsonStringify({ x: bad }), /\$\.x: .* is not a finite number/);
  }
  assert.throws(() => sortedJsonStringify([undefined]), /\$\[0\]: undefined/);
  assert.throws(() => sortedJsonStringify({ d: new Date(0) }), /\$\.d: Date is not a JSON value/);
  assert.throws(() => sortedJsonStringify(1n), /bigint is not a JSON value/);
  assert.throws(() => sortedJsonStringify(() => 1), /function is not a JSON value/);
});

Deno.test("compareCodePoints() orders astral characters after U+FFFF (Python str order)", () => {
  const keys = ["😀", "\uffff", "a", "", "é"];
  assert.deepEqual(keys.sort(compareCodePoints), ["", "a", "é", "\uffff", "😀"]);
});
