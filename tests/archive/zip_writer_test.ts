/**
 * The deterministic zip writer against the real Info-ZIP `unzip`: members round-trip (deflated
 * and stored, UTF-8 names, an empty file, a reserved member filled at the end), every member has
 * mode 0644 and the fixed 2026-01-01 timestamp and no extra field, members out of order are
 * refused, and an archive of more than 65,535 members (zip64 end records) lists and tests clean.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { crc32 } from "../../src/archive/crc32.ts";
import { DeterministicZipWriter } from "../../src/archive/mod.ts";
import { IGNORE_WITHOUT_UNZIP, requireUnzip, run, unzipInto, zipMembers } from "./_support.ts";

const enc = new TextEncoder();

async function writeZip(
  path: string,
  fill: (zip: DeterministicZipWriter) => Promise<void>,
): Promise<Uint8Array> {
  {
    await using file = await Deno.open(path, { write: true, createNew: true });
    const zip = new DeterministicZipWriter(file);
    await fill(zip);
    await zip.finish();
  }
  return await Deno.readFile(path);
}

Deno.test("crc32 matches the standard check value", () => {
  assert.equal(crc32(enc.encode("123456789")), 0xcbf43926);
  assert.equal(crc32(enc.encode("6789"), crc32(enc.encode("12345"))), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

Deno.test({
  name: "zip writer: members round-trip through unzip with fixed modes and timestamps",
  ignore: IGNORE_WITHOUT_UNZIP,
  fn: async () => {
    requireUnzip();
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-zip-" });
    const text = enc.encode("x = 1;\n".repeat(500)); // deflates
    const random = crypto.getRandomValues(new Uint8Array(4096)); // stored (deflate is larger)
    const members = async (zip: DeterministicZipWriter) => {
      const slot = await zip.reserve("INDEX", 6);
      await zip.add("a/empty", new Uint8Array());
      await zip.add("a/random.bin", random);
      await zip.add("a/text.txt", text);
      await zip.add("données/é.txt", enc.encode("accent\n"));
      await zip.fill(slot, enc.encode("index\n"));
    };
    const one = await writeZip(join(dir, "one.zip"), members);
    const two = await writeZip(join(dir, "two.zip"), members);
    assert.deepEqual(two, one);

    const test = await run("unzip", ["-t", join(dir, "one.zip")]);
    assert.equal(test.code, 0, test.stdout + test.stderr);
    assert.deepEqual(await zipMembers(join(dir, "one.zip")), [
      "INDEX",
      "a/empty",
      "a/random.bin",
      "a/text.txt",
      "données/é.txt",
    ]);
    const out = await unzipInto(join(dir, "one.zip"), join(dir, "x"));
    assert.equal(await Deno.readTextFile(join(out, "INDEX")), "index\n");
    assert.deepEqual(await Deno.readFile(join(out, "a/random.bin")), random);
    assert.deepEqual(await Deno.readFile(join(out, "a/text.txt")), text);
    assert.equal((await Deno.readFile(join(out, "a/empty"))).length, 0);
    assert.equal(await Deno.readTextFile(join(out, "données/é.txt")), "accent\n");
    assert.equal((await Deno.stat(join(out, "a/text.txt"))).mode! & 0o777, 0o644);

    const info = await run("zipinfo", ["-v", join(dir, "one.zip")]);
    assert.equal(info.code, 0, info.stderr);
    const count = (re: RegExp) => (info.stdout.match(re) ?? []).length;
    assert.equal(count(/file last modified on \(DOS date\/time\):\s+2026 Jan 1 00:00:00/g), 5);
    assert.equal(count(/Unix file attributes \(100644 octal\):\s+-rw-r--r--/g), 5);
    assert.equal(count(/length of extra field:\s+0 bytes/g), 5);
    // Only text.txt shrinks; the random bytes, the 7-byte file and the index are stored.
    assert.equal(count(/compression method:\s+deflated/g), 1);
    assert.equal(count(/compression method:\s+none \(stored\)/g), 4);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test("zip writer: refuses members out of order and unfilled reservations", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-zip-" });
  await using file = await Deno.open(join(dir, "bad.zip"), { write: true, createNew: true });
  const zip = new DeterministicZipWriter(file);
  await zip.add("b", enc.encode("b"));
  await assert.rejects(() => zip.add("a", enc.encode("a")), /sorted order: "a" after "b"/);
  await assert.rejects(() => zip.add("b", enc.encode("b")), /sorted order/);
  const slot = await zip.reserve("c", 3);
  await assert.rejects(() => zip.fill(slot, enc.encode("four")), /reserved for 3 bytes, got 4/);
  await assert.rejects(() => zip.finish(), /zip member c was reserved, never filled/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test({
  name: "zip writer: more than 65,535 members use zip64 end records that unzip reads",
  ignore: IGNORE_WITHOUT_UNZIP,
  fn: async () => {
    requireUnzip();
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-zip-" });
    const n = 70_000;
    const data = enc.encode("x\n");
    await writeZip(join(dir, "many.zip"), async (zip) => {
      for (let i = 0; i < n; i++) await zip.add(`f/${String(i).padStart(6, "0")}`, data);
    });
    const members = await zipMembers(join(dir, "many.zip"));
    assert.equal(members.length, n);
    assert.equal(members[n - 1], `f/0${n - 1}`);
    const test = await run("unzip", ["-tq", join(dir, "many.zip")]);
    assert.equal(test.code, 0, test.stdout + test.stderr);
    assert.match(test.stdout, /No errors detected/);
    await Deno.remove(dir, { recursive: true });
  },
});
