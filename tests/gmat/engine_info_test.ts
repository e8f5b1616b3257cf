/**
 * The GMAT release recorded for a sweep comes from the install's files even when its README does
 * not name it (a build from source): file names in bin/ and lib/, then the release string inside
 * the console and GMAT's base libraries; and GmatConsole's own `--version` text gives the build
 * date. Installs here are GMAT-shaped directories whose console is the built-in one.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { findGmatVersion, gmatEngineRecord, locateGmat } from "../../src/gmat/mod.ts";
import { installAt, tempDir } from "./_install.ts";

/** Bytes shaped like a shared library: binary noise around GMAT's version string. */
function libraryBytes(version: string): Uint8Array {
  const noise = new Uint8Array(200_000);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  const marker = new TextEncoder().encode(`\0GMAT ${version}\0Build Date\0`);
  const out = new Uint8Array(noise.length * 2 + marker.length);
  out.set(noise, 0);
  out.set(marker, noise.length);
  out.set(noise, noise.length + marker.length);
  return out;
}

Deno.test("findGmatVersion() reads the release from inside GMAT's library when no README names it", async () => {
  await using tmp = await tempDir();
  const root = await installAt(tmp.path, "GMAT", { version: null });
  assert.equal(await findGmatVersion(root), null, "nothing names a release yet");
  await Deno.mkdir(join(root, "lib"));
  await Deno.writeFile(join(root, "lib", "libGmatBase.so"), libraryBytes("R2026a"));
  assert.deepEqual(await findGmatVersion(root), {
    version: "R2026a",
    source: "lib/libGmatBase.so",
  });
  const install = await locateGmat({ root });
  assert.equal(install.version, "R2026a");
  const record = await gmatEngineRecord(install, "interactive");
  assert.equal(record.version, "R2026a");
  assert.equal(record.version_source, "lib/libGmatBase.so");
  // What this console prints after `Build Date:` for --version.
  assert.equal(record.build_date, "gmat-sweep-builtin-1");
  assert.equal(record.console_mode, "interactive");
});

Deno.test("findGmatVersion() prefers README.txt, then a release in a file name", async () => {
  await using tmp = await tempDir();
  const root = await installAt(tmp.path, "GMAT", { version: null });
  await Deno.writeTextFile(join(root, "bin", "GmatConsole-R2025a"), "#!/bin/sh\n");
  assert.deepEqual(await findGmatVersion(root), {
    version: "R2025a",
    source: "bin/GmatConsole-R2025a",
  });
  await Deno.writeTextFile(
    join(root, "README.txt"),
    "General Mission Analysis Tool (GMAT) Version R2026a\n",
  );
  assert.deepEqual(await findGmatVersion(root), { version: "R2026a", source: "README.txt" });
});
