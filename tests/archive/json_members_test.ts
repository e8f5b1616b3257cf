/**
 * Splicing one member of a manifest line: the other members keep their exact bytes (Python's
 * `7000.0`, escapes, nested braces inside strings), a missing key is inserted at its sorted
 * position, and the scanner finds the members of nested objects and arrays correctly.
 */
import assert from "node:assert/strict";
import { editMembers, scanObject } from "../../src/manifest/json_members.ts";
import { compareCodePoints } from "../../src/manifest/mod.ts";

Deno.test("scanObject finds top-level members past nested values and tricky strings", () => {
  const text = '{"a": {"x": "}{\\"]"}, "b": [1, [2, {"c": 3}]], "c": -1.5e-07, "d": null}';
  const { members, close } = scanObject(text);
  assert.deepEqual(members.map((m) => m.key), ["a", "b", "c", "d"]);
  assert.deepEqual(
    members.map((m) => JSON.parse(text.slice(m.valueStart, m.valueEnd))),
    [{ x: '}{"]' }, [1, [2, { c: 3 }]], -1.5e-7, null],
  );
  assert.equal(close, text.length - 1);
  assert.deepEqual(scanObject(" {} ").members, []);
  assert.throws(() => scanObject("[1]"), SyntaxError);
});

Deno.test("editMembers replaces only the named values and keeps every other byte", () => {
  const line = '{"duration_s": 2.0, "log_path": "/old/run-3/worker.log", ' +
    '"overrides": {"Sat.SMA": 7000.0}, "stderr": "caf\\u00e9"}';
  const out = editMembers(
    line,
    [{ key: "log_path", valueText: '"run-3/worker.log"' }],
    compareCodePoints,
  );
  assert.equal(
    out,
    '{"duration_s": 2.0, "log_path": "run-3/worker.log", "overrides": {"Sat.SMA": 7000.0}, ' +
      '"stderr": "caf\\u00e9"}',
  );
});

Deno.test("editMembers inserts a missing key at its sorted place", () => {
  const edit = [{ key: "script_path", valueText: '"script/leo.script"' }];
  assert.equal(
    editMembers('{"run_count": 4, "script_sha256": "ab"}', edit, compareCodePoints),
    '{"run_count": 4, "script_path": "script/leo.script", "script_sha256": "ab"}',
  );
  assert.equal(
    editMembers('{"a": 1}', edit, compareCodePoints),
    '{"a": 1, "script_path": "script/leo.script"}',
  );
  assert.equal(editMembers("{}", edit, compareCodePoints), '{"script_path": "script/leo.script"}');
});
