import assert from "node:assert/strict";
import { join } from "node:path";
import { canonicalScriptSha256 } from "../../src/script/mod.ts";
import {
  checkScriptDrift,
  ManifestWriter,
  readManifest,
  ScriptDriftError,
} from "../../src/manifest/mod.ts";
import { sampleHeader, tempDir } from "./_support.ts";

async function manifestFor(script: string) {
  const path = join(await tempDir(), "manifest.jsonl");
  const header = sampleHeader({ script_sha256: canonicalScriptSha256(script) });
  await (await ManifestWriter.create(path, header)).close();
  return await readManifest(path);
}

Deno.test("checkScriptDrift() passes an unchanged script (canonical hash: CRLF, BOM)", async () => {
  const m = await manifestFor("Create Spacecraft Sat\nSat.SMA = 7000\n");
  const same = canonicalScriptSha256("\uFEFFCreate Spacecraft Sat\r\nSat.SMA = 7000\r\n\r\n");
  assert.deepEqual(checkScriptDrift(m, same, { allowDrift: false }), { drifted: false });
  assert.deepEqual(checkScriptDrift(m, same.toUpperCase()), { drifted: false });
});

Deno.test("checkScriptDrift() throws SCRIPT_DRIFT naming both hashes and the fix", async () => {
  const m = await manifestFor("Sat.SMA = 7000\n");
  const now = canonicalScriptSha256("Sat.SMA = 7100\n");
  assert.throws(() => checkScriptDrift(m, now), (e: unknown) => {
    assert.ok(e instanceof ScriptDriftError);
    assert.equal(e.code, "SCRIPT_DRIFT");
    assert.equal(e.recordedSha256, m.header.script_sha256);
    assert.equal(e.currentSha256, now);
    assert.ok(e.message.startsWith(`${m.path}:1: script drift`));
    assert.ok(e.message.includes(m.header.script_sha256) && e.message.includes(now));
    assert.match(e.message, /fix: .*--allow-script-drift/);
    return true;
  });
});

Deno.test("checkScriptDrift() returns a warning when drift is allowed", async () => {
  const m = await manifestFor("Sat.SMA = 7000\n");
  const now = canonicalScriptSha256("Sat.SMA = 7100\n");
  const result = checkScriptDrift(m, now, { allowDrift: true });
  assert.equal(result.drifted, true);
  assert.ok(result.warning?.includes(now) && result.warning.includes(m.header.script_sha256));
  assert.match(result.warning ?? "", /--allow-script-drift/);
});
