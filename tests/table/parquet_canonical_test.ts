/**
 * The same table written in separate processes gives the same Parquet bytes: the footer's
 * key-value metadata is sorted (parquet-wasm writes it in hash-map order, which varied).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { ROOT } from "../_support/engine.ts";

const WRITE = `
import { runOne } from "${join(ROOT, "src/pool/mod.ts")}";
import { canonicalScriptFileSha256 } from "${join(ROOT, "src/script/mod.ts")}";
const script = "${join(ROOT, "fixtures/scripts/leo_basic.script")}";
const sha = await canonicalScriptFileSha256(script);
for (let i = 0; i < 4; i++) {
  await runOne({ spec: { runId: i, overrides: { "Sat.SMA": 7000 }, seed: null, context: {} },
    scriptPath: script, scriptSha256: sha, runDir: \`\${Deno.args[0]}/run-\${i}\`,
    engine: { kind: "builtin" }, attempt: 1, timeoutMs: null });
}
`;

Deno.test("equal tables give byte-identical Parquet files across processes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-canonical-" });
  const program = join(dir, "write.ts");
  await Deno.writeTextFile(program, WRITE);
  const digests = new Set<string>();
  for (const k of ["a", "b", "c"]) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--quiet", "--config", join(ROOT, "deno.json"), program, join(dir, k)],
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    for (let i = 0; i < 4; i++) {
      const path = join(dir, k, `run-${i}`, "report__RF.parquet");
      const bytes = await Deno.readFile(path);
      digests.add(Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))).join());
      const keys = [...readParquetFooter(path).keyValue.keys()];
      assert.deepEqual(keys, [...keys].sort(), "key-value metadata sorted by key");
      assert.ok(keys.length >= 2, keys.join());
    }
  }
  assert.equal(digests.size, 1, "12 writes, one file content");
  await Deno.remove(dir, { recursive: true });
});
