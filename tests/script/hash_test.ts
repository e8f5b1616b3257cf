import assert from "node:assert/strict";
import { canonicalScriptSha256, canonicalScriptText } from "../../src/script/hash.ts";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("canonicalScriptSha256() ignores BOM, CRLF, lone CR and trailing newlines", async () => {
  const base = "Create Spacecraft Sat\nSat.SMA = 7000\n";
  const variants = [
    base,
    "\uFEFF" + base,
    base.replace(/\n/g, "\r\n"),
    base.replace(/\n/g, "\r"),
    base + "\n\n\n",
    base.trimEnd(),
  ];
  const expected = await sha256Hex(base);
  for (const v of variants) assert.equal(canonicalScriptSha256(v), expected, JSON.stringify(v));
  assert.equal(canonicalScriptSha256(new TextEncoder().encode(base)), expected);
});

Deno.test("canonicalScriptSha256() keeps comments and inner whitespace significant", () => {
  const a = canonicalScriptSha256("A = 1\n");
  assert.notEqual(canonicalScriptSha256("A  = 1\n"), a);
  assert.notEqual(canonicalScriptSha256("A = 1 % c\n"), a);
  assert.notEqual(canonicalScriptSha256("\nA = 1\n"), a);
  assert.equal(canonicalScriptText("x\r\n\r\n"), "x\n");
});
