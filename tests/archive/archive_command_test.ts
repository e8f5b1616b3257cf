/**
 * `gmat-sweep archive`: the help text (with its examples), exit code 2 naming the problem for bad
 * input, the manifest layer's errors passed through (the CLI entry maps them to 3), and a written
 * archive reported in one line.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ManifestNotFoundError } from "../../mod.ts";
import { ARCHIVE_HELP, archiveCommand } from "../../src/cli/archive_command.ts";
import { ExitError } from "../../src/cli/exit_error.ts";
import { fakeSweep } from "./_support.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { print: (s: string) => out.push(s), error: (s: string) => err.push(s) } };
}

const exit = (code: number, re: RegExp) => (e: unknown) =>
  e instanceof ExitError && e.exitCode === code && re.test(e.message);

Deno.test("archive --help prints the usage with examples", async () => {
  const c = capture();
  assert.equal(await archiveCommand(["--help"], c.io), 0);
  assert.equal(c.out.join("\n"), ARCHIVE_HELP);
  assert.match(ARCHIVE_HELP, /Usage:\n {2}gmat-sweep archive MANIFEST --script SCRIPT --out/);
  assert.match(ARCHIVE_HELP, /Examples:\n {2}gmat-sweep archive sweeps\/sma\/manifest\.jsonl/);
  assert.match(ARCHIVE_HELP, /sha256sum -c MANIFEST\.hash/);
});

Deno.test("archive: bad input exits 2 naming the problem", async () => {
  const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-cli-" });
  const s = await fakeSweep(join(root, "s"));
  const out = join(root, "s.zip");
  const c = capture();
  await assert.rejects(() => archiveCommand([], c.io), exit(2, /expected exactly one MANIFEST/));
  await assert.rejects(
    () => archiveCommand([s.manifest, "--out", out], c.io),
    exit(2, /--script SCRIPT is required/),
  );
  await assert.rejects(
    () => archiveCommand([s.manifest, "--script", s.script], c.io),
    exit(2, /--out PATH is required/),
  );
  await assert.rejects(
    () => archiveCommand([s.manifest, "--script", s.script, "--out", out, "--zip"], c.io),
    exit(2, /unknown option --zip/),
  );
  await assert.rejects(
    () => archiveCommand([s.manifest, "--script", join(root, "gone.script"), "--out", out], c.io),
    exit(2, /gone\.script: cannot read the script/),
  );
  await assert.rejects(
    () =>
      archiveCommand(
        [s.manifest, "--script", s.script, "--out", out, "--output-dir", join(root, "x")],
        c.io,
      ),
    exit(2, /x: the output directory does not exist; fix: pass the directory/),
  );
  await assert.rejects(
    () => archiveCommand([join(root, "none.jsonl"), "--script", s.script, "--out", out], c.io),
    (e) => e instanceof ManifestNotFoundError,
  );
  await Deno.remove(root, { recursive: true });
});

Deno.test("archive writes the zip and says what it wrote", async () => {
  const root = await Deno.makeTempDir({ prefix: "gmat-sweep-archive-cli-" });
  const s = await fakeSweep(join(root, "s"));
  const c = capture();
  const out = join(root, "study.zip");
  const code = await archiveCommand(
    [s.manifest, "--script", s.script, "--out", out, "--outputs-only"],
    c.io,
  );
  assert.equal(code, 0);
  assert.match(c.out.join("\n"), /^archived 2 runs \(7 files, \d+ bytes\) to .*study\.zip$/);
  assert.ok((await Deno.stat(out)).size > 0);
  await Deno.remove(root, { recursive: true });
});
