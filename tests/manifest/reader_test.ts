import assert from "node:assert/strict";
import { join } from "node:path";
import {
  extensionRunCount,
  findFailed,
  findMissing,
  iterateEntries,
  type Manifest,
  ManifestCorruptError,
  ManifestEntrySchema,
  ManifestHeaderSchema,
  ManifestNotFoundError,
  migrateHeader,
  readManifest,
  readManifestHeader,
  sortedJsonStringify,
  totalRunCount,
} from "../../src/manifest/mod.ts";
import { sampleEntry, sampleHeader, scratchDir, tempDir } from "./_support.ts";

const headerLine = (h: Record<string, unknown> = sampleHeader()) => JSON.stringify(h) + "\n";
const entryLine = (id: number, extra: Record<string, unknown> = {}) =>
  sortedJsonStringify({ ...sampleEntry(id), ...extra }) + "\n";

async function writeManifest(text: string): Promise<string> {
  const path = join(await tempDir(), "manifest.jsonl");
  await Deno.writeTextFile(path, text);
  return path;
}

async function corruptAt(text: string, line: number, pattern: RegExp): Promise<void> {
  const path = await writeManifest(text);
  await assert.rejects(readManifest(path), (e: unknown) => {
    assert.ok(e instanceof ManifestCorruptError, String(e));
    assert.equal(e.code, "MANIFEST_CORRUPT");
    assert.equal(e.path, path);
    assert.equal(e.line, line, e.message);
    assert.ok(e.message.startsWith(`${path}:${line}: `), e.message);
    assert.match(e.message, /; fix: /);
    assert.match(e.message, pattern);
    return true;
  });
}

Deno.test("readManifest() drops one torn trailing line (three truncation variants)", async () => {
  const complete = headerLine() + entryLine(0) + entryLine(1);
  const last = entryLine(2);
  const variants = {
    "one byte": last.slice(0, 1),
    "half a line": last.slice(0, Math.floor(last.length / 2)),
    "everything but the newline": last.slice(0, -1),
  };
  for (const [name, torn] of Object.entries(variants)) {
    const m = await readManifest(await writeManifest(complete + torn));
    assert.equal(m.droppedTornTail, true, name);
    assert.deepEqual(m.entries.map((e) => e.run_id), [0, 1], name);
    assert.equal(m.lineCount, 3, name);
  }
  const whole = await readManifest(await writeManifest(complete + last));
  assert.equal(whole.droppedTornTail, false);
  assert.equal(whole.lineCount, 4);
});

Deno.test("readManifest() refuses whole-file and header failures at line 1", async () => {
  await corruptAt("", 1, /manifest is empty/);
  await corruptAt(headerLine().slice(0, -1), 1, /no terminating newline \(torn header\)/);
  await corruptAt(headerLine().slice(0, 40) + "\n" + entryLine(0), 1, /invalid JSON/);
  await corruptAt("[1, 2]\n", 1, /expected a JSON object, found an array/);
  await corruptAt(headerLine({ ...sampleHeader(), run_count: "3" }), 1, /`run_count`/);
  const { script_sha256: _, ...noHash } = sampleHeader();
  await corruptAt(headerLine(noHash), 1, /field `script_sha256`/);
});

Deno.test("readManifest() names the line of a malformed complete entry", async () => {
  const h = headerLine();
  await corruptAt(h + entryLine(0) + "{not json\n" + entryLine(2), 3, /:3: invalid JSON/);
  await corruptAt(h + entryLine(0) + "\n" + entryLine(2), 3, /invalid JSON/);
  await corruptAt(h + entryLine(0) + entryLine(1) + "42\n", 4, /found number/);
  await corruptAt(h + "null\n", 2, /found null/);
  await corruptAt(h + "[]\n" + "{torn", 2, /found an array/);
  await corruptAt(h + entryLine(0, { status: "done" }), 2, /field `status`: Invalid option/);
  await corruptAt(h + entryLine(0, { run_id: "0" }), 2, /field `run_id`/);
  await corruptAt(h + entryLine(0) + entryLine(1, { duration_s: "1.0" }), 3, /`duration_s`/);
  await corruptAt(h + entryLine(0, { output_paths: { a: 1 } }), 2, /`output_paths\.a`/);
  await corruptAt(h + entryLine(0, { attempt: 0 }), 2, /`attempt`/);
  const { started_at: _, ...noStart } = ManifestEntrySchema.parse(sampleEntry(0));
  await corruptAt(h + sortedJsonStringify(noStart) + "\n", 2, /field `started_at`/);
  // A malformed line is an error even when a torn tail follows it.
  await corruptAt(h + entryLine(0, { status: 1 }) + "{", 2, /`status`/);
});

Deno.test("readManifest() refuses a line that is not UTF-8", async () => {
  const path = join(await tempDir(), "manifest.jsonl");
  const bytes = new TextEncoder().encode(headerLine() + entryLine(0));
  await Deno.writeFile(path, new Uint8Array([...bytes, 0xff, 0xfe, 0x0a]));
  await assert.rejects(readManifest(path), (e: unknown) => {
    assert.ok(e instanceof ManifestCorruptError);
    assert.equal(e.line, 3);
    assert.match(e.message, /not valid UTF-8/);
    return true;
  });
});

Deno.test("readManifest() throws ManifestNotFoundError for a missing file", async () => {
  const path = join(await tempDir(), "nope.jsonl");
  for (const read of [readManifest, readManifestHeader]) {
    await assert.rejects(read(path), (e: unknown) => {
      assert.ok(e instanceof ManifestNotFoundError);
      assert.equal(e.code, "MANIFEST_NOT_FOUND");
      assert.match(e.message, /nope\.jsonl: manifest not found; fix: /);
      return true;
    });
  }
});

Deno.test("readManifest() keeps the last line's content at the first occurrence's position", async () => {
  const text = headerLine() +
    entryLine(2, { status: "failed", stderr: "first try", output_paths: {} }) +
    entryLine(0) +
    entryLine(5, { status: "failed", stderr: "x", output_paths: {} }) +
    entryLine(2, { status: "ok", attempt: 2 }) +
    entryLine(7, { status: "skipped", output_paths: {} }) +
    entryLine(5, { status: "failed", stderr: "again", attempt: 2, output_paths: {} });
  const m = await readManifest(await writeManifest(text));
  assert.deepEqual(m.entries.map((e) => [e.run_id, e.status, e.attempt]), [
    [2, "ok", 2],
    [0, "ok", 1],
    [5, "failed", 2],
    [7, "skipped", 1],
  ]);
  assert.equal(m.entries[2].stderr, "again");
  assert.equal(m.lineCount, 7);
  // iterateEntries() streams every line, without dedupe, with line numbers.
  const streamed = [];
  for await (const { line, entry } of iterateEntries(m.path)) streamed.push([line, entry.run_id]);
  assert.deepEqual(streamed, [[2, 2], [3, 0], [4, 5], [5, 2], [6, 7], [7, 5]]);
});

Deno.test("findFailed() and findMissing() follow upstream semantics (skipped is not failed)", async () => {
  const text = headerLine() +
    entryLine(0, { status: "failed", output_paths: {} }) +
    entryLine(3, { status: "failed", output_paths: {} }) +
    entryLine(1, { status: "skipped", output_paths: {} }) +
    entryLine(0, { status: "ok" }) +
    entryLine(2, { status: "failed", output_paths: {} });
  const m = await readManifest(await writeManifest(text));
  assert.deepEqual(findFailed(m), [3, 2]);
  assert.deepEqual(findMissing(m, [0, 1, 2, 3, 4, 5]), [4, 5]);
  assert.deepEqual(findMissing(m, new Set([5, 4, 1])), [5, 4]);
});

Deno.test("totalRunCount() and extensionRunCount() use max(run_id) and parameter_spec.n", () => {
  const make = (spec: Record<string, unknown>, runCount: number, ids: number[]) =>
    ({
      header: ManifestHeaderSchema.parse(
        sampleHeader({ parameter_spec: spec, run_count: runCount }),
      ),
      entries: ids.map((id) => ManifestEntrySchema.parse(sampleEntry(id))),
    }) as Pick<Manifest, "header" | "entries">;
  const mc = { _kind: "monte_carlo", n: 10, perturb: {}, seed: 1 };
  assert.equal(totalRunCount(make(mc, 10, [0, 1, 14])), 15);
  assert.equal(extensionRunCount(make(mc, 10, [0, 1, 14])), 5);
  assert.equal(totalRunCount(make(mc, 10, [0, 3])), 10);
  assert.equal(extensionRunCount(make(mc, 10, [0, 3])), 0);
  assert.equal(extensionRunCount(make(mc, 10, [])), 0);
  assert.equal(extensionRunCount(make({ _kind: "grid", x: [1] }, 1, [0, 5])), 0);
  assert.equal(extensionRunCount(make({ _kind: "latin_hypercube", n: 2 }, 2, [0, 5])), 0);
  assert.equal(totalRunCount(make({ _kind: "grid" }, 12, [])), 12);
});

Deno.test("readManifest() gates schema_version: missing -> 1, newer or non-integer -> line 1", async () => {
  const { schema_version: _, ...noVersion } = sampleHeader();
  const m = await readManifest(await writeManifest(headerLine(noVersion) + entryLine(0)));
  assert.equal(m.header.schema_version, 1);
  await corruptAt(headerLine({ ...noVersion, schema_version: 2 }), 1, /schema_version 2 is newer/);
  await corruptAt(headerLine({ ...noVersion, schema_version: 2 }), 1, /fix: upgrade gmat-sweep/);
  for (const bad of ["1", 1.5, true, null, 0, -1]) {
    await corruptAt(
      headerLine({ ...noVersion, schema_version: bad }),
      1,
      /schema_version must be a positive integer/,
    );
  }
});

Deno.test("migrateHeader() is a pass-through at version 1", () => {
  const raw = { script_sha256: "x", extra: [1] };
  assert.deepEqual(migrateHeader(raw, 1, "m.jsonl"), { ...raw, schema_version: 1 });
});

Deno.test("readManifest() tolerates unknown header and entry fields and keeps them", async () => {
  const header = { ...sampleHeader(), from_the_future: { x: 1 } };
  const text = headerLine(header) + entryLine(0, { new_entry_field: [1, 2] });
  const m = await readManifest(await writeManifest(text));
  assert.deepEqual((m.header as Record<string, unknown>).from_the_future, { x: 1 });
  assert.deepEqual((m.entries[0] as Record<string, unknown>).new_entry_field, [1, 2]);
});

Deno.test("readManifest() fills defaults for fields older manifests lack", async () => {
  const minimalHeader = {
    script_sha256: "b".repeat(64),
    gmat_sweep_version: "0.2.0",
    gmat_run_version: "0.2.0",
    gmat_install_version: "R2025a",
    python_version: "3.10.12",
    os_platform: "Linux",
    sweep_seed: 7,
    parameter_spec: { "Sat.SMA": [7000.0] },
    run_count: 1,
  };
  const entry = {
    run_id: 0,
    overrides: { "Sat.SMA": 7000.0 },
    status: "ok",
    output_paths: {},
    started_at: "2026-05-05T00:00:00+00:00",
    ended_at: "2026-05-05T00:00:01+00:00",
    duration_s: -0.25,
    stderr: null,
    log_path: null,
  };
  const m = await readManifest(await writeManifest(headerLine(minimalHeader) + headerLine(entry)));
  const h = m.header;
  assert.equal(h.backend, "unknown");
  assert.equal(h.postprocess, null);
  assert.deepEqual(h.engine, { kind: "gmat", version: "R2025a" });
  assert.deepEqual([h.deno_version, h.script_path, h.created_at], [null, null, null]);
  assert.deepEqual([h.backend_settings, h.postprocess_permissions], [{}, []]);
  const e = m.entries[0];
  assert.deepEqual(
    [e.attempt, e.context, e.extra_outputs, e.postprocess_status, e.postprocess],
    [1, {}, {}, "none", null],
  );
  assert.equal(e.duration_s, -0.25); // Python 0.1-0.3 wall-clock durations can be negative
});

Deno.test("iterateEntries() streams a large manifest line by line and stops at a torn tail", async () => {
  await using dir = await scratchDir();
  const path = join(dir.path, "manifest.jsonl");
  const file = await Deno.open(path, { write: true, create: true });
  const enc = new TextEncoder();
  await file.write(enc.encode(headerLine()));
  const big = "x".repeat(200_000); // lines longer than the reader's 64 KiB chunk
  for (let i = 0; i < 40; i++) {
    await file.write(enc.encode(entryLine(i, { stderr: i % 7 === 0 ? big : null })));
  }
  await file.write(enc.encode(entryLine(40).slice(0, 30)));
  file.close();
  let count = 0;
  for await (const { line, entry } of iterateEntries(path)) {
    assert.equal(line, count + 2);
    assert.equal(entry.run_id, count);
    if (count % 7 === 0) assert.equal(entry.stderr?.length, 200_000);
    count++;
  }
  assert.equal(count, 40);
  // Breaking out early releases the file (no leaked resource: Deno's sanitizer checks this).
  for await (const _ of iterateEntries(path)) break;
  assert.equal((await readManifestHeader(path)).run_count, 3);
});

Deno.test("readManifest() reads the GMAT console mode, version source and build date when present", async () => {
  const header = {
    script_sha256: "b".repeat(64),
    gmat_sweep_version: "0.1.0",
    gmat_run_version: "n/a",
    gmat_install_version: "R2026a",
    python_version: null,
    os_platform: "linux",
    sweep_seed: null,
    parameter_spec: { "Sat.SMA": [7000.0] },
    run_count: 0,
  };
  const engine = { kind: "gmat", version: "R2026a", path: "/opt/gmat-R2026a" };
  // Written before the console modes existed: the engine record has none, and reads as before.
  const before = await readManifest(await writeManifest(headerLine({ ...header, engine })));
  assert.deepEqual(before.header.engine, engine);
  assert.equal(before.header.engine.console_mode, undefined);
  const added = {
    ...engine,
    console_mode: "interactive",
    version_source: "lib/libGmatBase.so",
    build_date: "Dec 7 2026 04:37:28",
  };
  const after = await readManifest(await writeManifest(headerLine({ ...header, engine: added })));
  assert.deepEqual(after.header.engine, added);
});
