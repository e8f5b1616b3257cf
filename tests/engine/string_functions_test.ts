/**
 * GMAT's string search and replace built-ins as its Strfind and Strrep define them: strfind is
 * the 1-based index of the first occurrence or -1; strrep replaces every occurrence left to right,
 * and an empty pattern leaves the string alone. GMAT's own Ex_NewStringFunctions output is
 * compared byte for byte in samples_outputs_test.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runInTemp } from "../_support/engine.ts";

Deno.test("strfind and strrep follow GMAT's definitions", async () => {
  const script = `Create Variable a b c d;
Create String s t u v;
Create ReportFile rf;
rf.WriteHeaders = false;
rf.Filename = 'out.txt';
BeginMissionSequence;
s = 'GMAT is Awesome, GMAT is fast';
a = strfind(s, 'GMAT');
b = strfind(s, 'fast');
c = strfind(s, 'slow');
d = strfind(s, 'G');
t = strrep(s, 'GMAT', 'It');
u = strrep('aaa', 'aa', 'b');
v = strrep(s, '', 'x');
Report rf a b c d;
Report rf t;
Report rf u;
Report rf v;
`;
  const r = await runInTemp(script);
  const lines = (await Deno.readTextFile(join(r.dir, "out.txt"))).split(/\r?\n/).map((l) =>
    l.trim()
  );
  assert.deepEqual(lines[0].split(/\s+/).map(Number), [1, 26, -1, 1]);
  assert.equal(lines[1], "It is Awesome, It is fast");
  assert.equal(lines[2], "ba"); // left to right, non-overlapping
  assert.equal(lines[3], "GMAT is Awesome, GMAT is fast");
  await Deno.remove(r.dir, { recursive: true });
});
