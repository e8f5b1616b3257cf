import assert from "node:assert/strict";
import { join } from "node:path";
import {
  describeInstall,
  GmatNotFoundError,
  inspectGmatRoot,
  locateGmat,
  type LocateGmatOptions,
} from "../../src/gmat/mod.ts";
import { installAt, makeGmatInstall, tempDir } from "./_install.ts";

/** The GmatNotFoundError a promise rejects with. */
async function notFound(promise: Promise<unknown>): Promise<GmatNotFoundError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof GmatNotFoundError, String(e));
    return e;
  }
  assert.fail("expected GmatNotFoundError");
}

/** Options that see nothing of this machine: no env, an empty home, an empty PATH. */
function isolated(home: string, extra: Partial<LocateGmatOptions> = {}): LocateGmatOptions {
  return { env: {}, home, platform: "linux", searchPath: "", ...extra };
}

Deno.test("locateGmat() takes an explicit root and reads the version from README.txt", async () => {
  await using tmp = await tempDir();
  const root = await installAt(tmp.path, "GMAT", { version: "R2026a" });
  const install = await locateGmat(isolated(tmp.path, { root }));
  assert.deepEqual(install, {
    root,
    binDir: join(root, "bin"),
    console: join(root, "bin", "GmatConsole"),
    startupFile: join(root, "bin", "gmat_startup_file.txt"),
    version: "R2026a",
    versionSource: "README.txt",
  });
  assert.deepEqual(describeInstall(install), {
    kind: "gmat",
    version: "R2026a",
    path: root,
    console: join(root, "bin", "GmatConsole"),
    versionSource: "README.txt",
  });
});

Deno.test("locateGmat() prefers a release tag in the startup file; null without any", async () => {
  await using tmp = await tempDir();
  const tagged = await installAt(tmp.path, "a", {
    version: "R2026a",
    startupFile: "# GMAT R2025a startup file\nROOT_PATH = ../\n",
  });
  assert.equal((await locateGmat(isolated(tmp.path, { root: tagged }))).version, "R2025a");
  const untagged = await installAt(tmp.path, "b", { version: null });
  assert.equal((await locateGmat(isolated(tmp.path, { root: untagged }))).version, null);
});

Deno.test("locateGmat() uses GMAT_ROOT when no root is given", async () => {
  await using tmp = await tempDir();
  const root = await installAt(tmp.path, "from-env");
  await installAt(tmp.path, "gmat-R2099a"); // a glob match that must not win over GMAT_ROOT
  const install = await locateGmat(isolated(tmp.path, { env: { GMAT_ROOT: root } }));
  assert.equal(install.root, root);
});

Deno.test("locateGmat() throws at once for an invalid explicit root (no fall-through)", async () => {
  await using tmp = await tempDir();
  const valid = await installAt(tmp.path, "gmat-R2026a");
  const broken = await installAt(tmp.path, "broken", { data: false });
  const e = await notFound(
    locateGmat(isolated(tmp.path, { root: broken, env: { GMAT_ROOT: valid } })),
  );
  assert.equal(e.code, "GMAT_NOT_FOUND");
  assert.deepEqual(e.attempts, [{
    step: "root option",
    path: broken,
    reason: `data directory ${join(broken, "data/")} (DATA_PATH of bin/gmat_startup_file.txt) ` +
      "is missing",
  }]);
  // An invalid GMAT_ROOT stops the search too, even with a valid ~/gmat-* install.
  await assert.rejects(
    locateGmat(isolated(tmp.path, { env: { GMAT_ROOT: join(tmp.path, "nope") } })),
    (e: unknown) =>
      e instanceof GmatNotFoundError && e.attempts.length === 1 &&
      e.attempts[0].step === "GMAT_ROOT" && e.attempts[0].reason === "does not exist",
  );
});

Deno.test("locateGmat() sorts platform globs by basename, newest release first", async () => {
  await using tmp = await tempDir();
  await installAt(tmp.path, "gmat-R2024a");
  const newest = await installAt(tmp.path, "gmat-R2026a");
  await installAt(tmp.path, "gmat-R2020a");
  const install = await locateGmat(isolated(tmp.path));
  assert.equal(install.root, newest);
  assert.equal(install.version, "R2026a");

  // An invalid newer candidate is skipped for the next one.
  await Deno.remove(join(newest, "bin", "gmat_startup_file.txt"));
  assert.equal((await locateGmat(isolated(tmp.path))).root, join(tmp.path, "gmat-R2024a"));
});

Deno.test("locateGmat() finds GMAT on PATH through a symlinked binary", async () => {
  await using tmp = await tempDir();
  const home = join(tmp.path, "home");
  await Deno.mkdir(home);
  const root = await installAt(tmp.path, "apps/GMAT/R2026a");
  const pathBin = join(tmp.path, "usr-local-bin");
  await Deno.mkdir(pathBin);
  await Deno.symlink(join(root, "bin", "GmatConsole"), join(pathBin, "GmatConsole"));
  const install = await locateGmat(
    isolated(home, { searchPath: `${join(tmp.path, "empty")}:${pathBin}` }),
  );
  assert.equal(install.root, root);
  assert.equal(install.version, "R2026a");
});

Deno.test("locateGmat() lists every attempt and the fixes when nothing is found", async () => {
  await using tmp = await tempDir();
  const home = join(tmp.path, "home");
  await Deno.mkdir(join(home, "gmat-R2025a"), { recursive: true }); // no bin/
  const noExec = await makeGmatInstall(join(home, "gmat-R2024a"), { executable: false });
  const elsewhere = await installAt(tmp.path, "other", { startupFile: null });
  const pathBin = join(tmp.path, "bin");
  await Deno.mkdir(pathBin);
  await Deno.symlink(join(elsewhere, "bin", "GmatConsole"), join(pathBin, "gmat"));

  const e = await notFound(locateGmat(isolated(home, { searchPath: pathBin })));
  assert.deepEqual(e.attempts, [
    { step: "GMAT_ROOT", path: null, reason: "not set" },
    { step: "platform glob /opt/gmat-*", path: null, reason: "no match" },
    { step: "platform glob ~/gmat-*", path: join(home, "gmat-R2025a"), reason: "bin/ is missing" },
    {
      step: "platform glob ~/gmat-*",
      path: noExec,
      reason: "bin/GmatConsole is not executable (chmod +x it)",
    },
    { step: "PATH GmatConsole", path: null, reason: "not found on PATH" },
    { step: "PATH GMAT", path: null, reason: "not found on PATH" },
    {
      step: "PATH gmat",
      path: elsewhere,
      reason: `bin/gmat_startup_file.txt is missing or unreadable (from ${join(pathBin, "gmat")})`,
    },
  ]);
  assert.match(
    e.message,
    /^No usable GMAT install found\. Search results:\n {2}- GMAT_ROOT: -: not set\n/,
  );
  assert.match(e.message, /--gmat-root DIR/);
  assert.match(e.message, /set GMAT_ROOT/);
  assert.match(e.message, /engine: "builtin"/);
});

Deno.test("locateGmat() searches the macOS and Windows locations on those platforms", async () => {
  await using tmp = await tempDir();
  await Deno.mkdir(join(tmp.path, "Applications", "GMAT-R2026a", "bin"), { recursive: true });
  const mac = await notFound(
    locateGmat({ env: {}, home: tmp.path, platform: "darwin", searchPath: "" }),
  );
  assert.ok(mac.attempts.some((a) => a.step === "platform glob /Applications/GMAT*"));
  assert.ok(mac.attempts.some((a) =>
    a.step === "platform glob ~/Applications/GMAT*" &&
    a.path === join(tmp.path, "Applications", "GMAT-R2026a") &&
    a.reason === "bin/GmatConsole is missing"
  ));
  const win = await notFound(
    locateGmat({
      env: { ProgramFiles: join(tmp.path, "Applications") },
      home: tmp.path,
      platform: "windows",
      searchPath: "",
    }),
  );
  assert.ok(win.attempts.some((a) => a.reason === "bin/GmatConsole.exe is missing"));
  assert.ok(win.attempts.some((a) => a.step === "PATH GmatConsole"));
});

Deno.test("inspectGmatRoot() names what is missing", async () => {
  await using tmp = await tempDir();
  assert.equal(await inspectGmatRoot(join(tmp.path, "none"), "linux"), "does not exist");
  await Deno.writeTextFile(join(tmp.path, "file"), "");
  assert.equal(await inspectGmatRoot(join(tmp.path, "file"), "linux"), "is not a directory");
  const root = await installAt(tmp.path, "g");
  await Deno.remove(join(root, "bin", "GmatConsole"));
  assert.equal(await inspectGmatRoot(root, "linux"), "bin/GmatConsole is missing");
  // DATA_PATH is read from the startup file.
  const custom = await installAt(tmp.path, "custom", {
    startupFile: "ROOT_PATH = ../\nDATA_PATH = ROOT_PATH/share/data/\n",
  });
  assert.match(String(await inspectGmatRoot(custom, "linux")), /share\/data\/ \(DATA_PATH/);
  await Deno.mkdir(join(custom, "share", "data"), { recursive: true });
  assert.equal(typeof await inspectGmatRoot(custom, "linux"), "object");
});
