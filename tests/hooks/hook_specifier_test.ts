/**
 * Hook specifiers and permission grants: the forms users write, what they become in the manifest,
 * and the errors for what cannot work.
 */
import assert from "node:assert/strict";
import {
  formatHookPermissions,
  HookError,
  parseHookPermissions,
  parseHookSpecifier,
} from "../../src/hooks/mod.ts";

const cwd = "/study";

Deno.test("parseHookSpecifier() reads every form and stores an absolute canonical text", () => {
  const cases: [string, string, string][] = [
    ["./pipeline.ts#deriveOrbitMetrics", "file:///study/pipeline.ts", "deriveOrbitMetrics"],
    ["../lib/p.ts#f", "file:///lib/p.ts", "f"],
    ["/abs/p.ts#f", "file:///abs/p.ts", "f"],
    ["file:///abs/p.ts#f", "file:///abs/p.ts", "f"],
    ["https://example.org/p.ts#f", "https://example.org/p.ts", "f"],
    ["npm:gmat-hooks@1.2.0#radius", "npm:gmat-hooks@1.2.0", "radius"],
    ["npm:@scope/pkg@1/sub#f", "npm:@scope/pkg@1/sub", "f"],
    ["./pipeline.ts", "file:///study/pipeline.ts", "default"],
    ["  ./p.ts#$f_1  ", "file:///study/p.ts", "$f_1"],
  ];
  for (const [text, module, exportName] of cases) {
    const hook = parseHookSpecifier(text, { cwd });
    assert.equal(hook.module, module, text);
    assert.equal(hook.exportName, exportName, text);
    assert.equal(hook.text, `${module}#${exportName}`);
    // The canonical text parses back to itself (what resume does with the header).
    assert.deepEqual(parseHookSpecifier(hook.text, { cwd: "/elsewhere" }), hook);
  }
});

Deno.test("parseHookSpecifier() refuses what cannot name a hook, saying how to write it", () => {
  const cases: [string, RegExp][] = [
    ["", /it is empty; write it as MODULE#EXPORT/],
    ["#f", /names no module before '#'/],
    ["./p.ts#", /the export name after '#' is empty/],
    ["./p.ts#derive-metrics", /is not a JavaScript identifier/],
    ["ftp://host/p.ts#f", /cannot be loaded from ftp: specifiers/],
    ["file://server/p.ts#f", /file URL host "server" is not local/],
    ["npm:#f", /the npm: specifier names no package/],
  ];
  for (const [text, says] of cases) {
    assert.throws(
      () => parseHookSpecifier(text, { cwd }),
      (e) => e instanceof HookError && e.code === "HOOK_SPEC" && says.test(e.message),
      text,
    );
  }
});

Deno.test("parseHookPermissions() reads KIND and KIND=V,V; formatHookPermissions() reverses it", () => {
  const p = parseHookPermissions(
    ["net=example.org", "env=HOME", "env=GMAT_*,HOME", "read=data", "sys"],
    { cwd },
  );
  assert.deepEqual(p, {
    read: ["/study/data"],
    net: ["example.org"],
    env: ["HOME", "GMAT_*"],
    sys: true,
  });
  const text = formatHookPermissions(p);
  assert.deepEqual(text, ["read=/study/data", "net=example.org", "env=HOME,GMAT_*", "sys"]);
  assert.deepEqual(parseHookPermissions(text, { cwd: "/x" }), p);
  for (
    const [items, says] of [
      [["internet"], /unknown permission kind "internet"/],
      [["net="], /a value is empty/],
      [["env=A,,B"], /a value is empty/],
    ] as [string[], RegExp][]
  ) {
    assert.throws(
      () => parseHookPermissions(items, { cwd }),
      (e) => e instanceof HookError && e.code === "HOOK_PERMISSION" && says.test(e.message),
    );
  }
});
