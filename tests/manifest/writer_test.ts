import assert from "node:assert/strict";
import { join } from "node:path";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import {
  ManifestCorruptError,
  ManifestEntrySchema,
  ManifestHeaderSchema,
  ManifestLockedError,
  ManifestNotFoundError,
  ManifestWriter,
  readManifest,
  runtimeFingerprint,
  sortedJsonStringify,
} from "../../src/manifest/mod.ts";
import {
  HAS_PYTHON,
  pythonReencode,
  sampleEntry,
  sampleHeader,
  scratchDir,
  tempDir,
} from "./_support.ts";

async function newPath(): Promise<string> {
  return join(await tempDir(), "manifest.jsonl");
}

/**
 * Count real `FsFile.syncData()` / `sync()` calls made while `fn` runs (a counting wrapper around
 * the prototype methods, restored afterwards).
 */
async function countingSyncs<T>(fn: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const proto = Deno.FsFile.prototype;
  const original = { syncData: proto.syncData, sync: proto.sync };
  let calls = 0;
  proto.syncData = function (this: Deno.FsFile) {
    calls++;
    return original.syncData.call(this);
  };
  proto.sync = function (this: Deno.FsFile) {
    calls++;
    return original.sync.call(this);
  };
  try {
    return { result: await fn(), calls };
  } finally {
    proto.syncData = original.syncData;
    proto.sync = original.sync;
  }
}

Deno.test("ManifestWriter round-trips header and entries through readManifest()", async () => {
  const path = await newPath();
  const entries = [0, 1, 2].map((i) => sampleEntry(i));
  entries[1] = sampleEntry(1, { status: "failed", stderr: "boom\nline 2", output_paths: {} });
  {
    await using writer = await ManifestWriter.create(path, sampleHeader());
    for (const e of entries) await writer.append(e);
  }
  const m = await readManifest(path);
  assert.deepEqual(m.header, ManifestHeaderSchema.parse(sampleHeader()));
  assert.deepEqual(m.entries, entries.map((e) => ManifestEntrySchema.parse(e)));
  assert.equal(m.lineCount, 4);
  assert.equal(m.droppedTornTail, false);
  // Each line on disk is the sorted-key encoding of what was read back.
  const lines = (await Deno.readTextFile(path)).split("\n");
  assert.equal(lines.pop(), "");
  assert.equal(lines[0], sortedJsonStringify(m.header));
  m.entries.forEach((e, i) => assert.equal(lines[i + 1], sortedJsonStringify(e)));
});

Deno.test("ManifestWriter output is byte-identical to Python's json.dumps(sort_keys=True)", {
  ignore: ignoreUnless(HAS_PYTHON),
}, async () => {
  requireComponent(HAS_PYTHON, "/usr/bin/python3 (json.dumps oracle)");
  const path = await newPath();
  {
    await using writer = await ManifestWriter.create(path, sampleHeader({ sweep_seed: 42 }));
    await writer.append(sampleEntry(0, { context: { "é": [1e-9, 0.5], "😀": null } }));
    await writer.append(sampleEntry(1, { stderr: "Trace\n\t\u007f", status: "failed" }));
  }
  const text = await Deno.readTextFile(path);
  assert.equal(text, await pythonReencode(text));
});

Deno.test("ManifestWriter syncs once per entry with fsync 'each'", async () => {
  const path = await newPath();
  const { result: stats, calls } = await countingSyncs(async () => {
    const writer = await ManifestWriter.create(path, sampleHeader(), { fsync: "each" });
    const afterCreate = writer.stats;
    assert.deepEqual([afterCreate.fileSyncs, afterCreate.directorySyncs], [1, 1]);
    for (let i = 0; i < 5; i++) {
      await writer.append(sampleEntry(i));
      assert.equal(writer.stats.fileSyncs, 2 + i); // durable as soon as append() resolves
      assert.equal(writer.stats.unsyncedEntries, 0);
    }
    await writer.flush(); // nothing pending: no sync
    await writer.close(); // final sync
    return writer.stats;
  });
  assert.deepEqual(stats, {
    entriesAppended: 5,
    unsyncedEntries: 0,
    fileSyncs: 7,
    directorySyncs: 1,
  });
  assert.equal(calls, stats.fileSyncs + stats.directorySyncs);
});

Deno.test("ManifestWriter syncs every n-th entry with fsync { batch: n }, and on flush/close", async () => {
  const path = await newPath();
  const { result: stats, calls } = await countingSyncs(async () => {
    const writer = await ManifestWriter.create(path, sampleHeader(), { fsync: { batch: 3 } });
    const syncsAfter: number[] = [];
    for (let i = 0; i < 7; i++) {
      await writer.append(sampleEntry(i));
      syncsAfter.push(writer.stats.fileSyncs);
    }
    // create = 1; entries 3 and 6 sync.
    assert.deepEqual(syncsAfter, [1, 1, 2, 2, 2, 3, 3]);
    assert.equal(writer.stats.unsyncedEntries, 1);
    await writer.flush();
    assert.equal(writer.stats.fileSyncs, 4);
    await writer.append(sampleEntry(7));
    await writer.close();
    return writer.stats;
  });
  assert.deepEqual(stats, {
    entriesAppended: 8,
    unsyncedEntries: 0,
    fileSyncs: 5,
    directorySyncs: 1,
  });
  assert.equal(calls, stats.fileSyncs + stats.directorySyncs);
  assert.equal((await readManifest(path)).entries.length, 8);
});

Deno.test("ManifestWriter refuses a bad fsync batch, header or entry", async () => {
  const path = await newPath();
  for (const batch of [0, -1, 1.5, NaN]) {
    await assert.rejects(
      ManifestWriter.create(path, sampleHeader(), { fsync: { batch } }),
      RangeError,
    );
  }
  await assert.rejects(
    ManifestWriter.create(path, sampleHeader({ run_count: -1 })),
    /Cannot create manifest .*: invalid header: field `run_count`/,
  );
  await assert.rejects(
    ManifestWriter.create(path, { ...sampleHeader(), schema_version: 2 }),
    /`schema_version`/,
  );
  await using writer = await ManifestWriter.create(path, sampleHeader());
  await assert.rejects(
    writer.append({ ...sampleEntry(0), status: "done" as "ok" }),
    /invalid entry: field `status`/,
  );
  await assert.rejects(writer.append({ ...sampleEntry(0), duration_s: NaN }), TypeError);
  await writer.append(sampleEntry(0));
  assert.equal((await readManifest(path)).entries.length, 1);
});

Deno.test("ManifestWriter refuses appends after close; close is idempotent", async () => {
  const path = await newPath();
  const writer = await ManifestWriter.create(path, sampleHeader());
  await writer.append(sampleEntry(0));
  await Promise.all([writer.close(), writer.close()]);
  await writer.close();
  await assert.rejects(writer.append(sampleEntry(1)), /writer is closed/);
  await assert.rejects(writer.flush(), /writer is closed/);
});

Deno.test("ManifestWriter serialises concurrent appends into whole lines", async () => {
  await using dir = await scratchDir();
  const path = join(dir.path, "manifest.jsonl");
  {
    await using writer = await ManifestWriter.create(path, sampleHeader(), {
      fsync: { batch: 10 },
    });
    const big = "y".repeat(300_000);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => writer.append(sampleEntry(i, { stderr: big }))),
    );
  }
  const m = await readManifest(path);
  assert.deepEqual(m.entries.map((e) => e.run_id), Array.from({ length: 40 }, (_, i) => i));
});

Deno.test("ManifestWriter.create() truncates an existing manifest", async () => {
  const path = await newPath();
  await Deno.writeTextFile(path, "old garbage\nmore\n");
  await (await ManifestWriter.create(path, sampleHeader())).close();
  const m = await readManifest(path);
  assert.equal(m.entries.length, 0);
  assert.equal(m.lineCount, 1);
});

Deno.test("ManifestWriter.openForAppend() truncates a torn tail before appending", async () => {
  const path = await newPath();
  {
    await using writer = await ManifestWriter.create(path, sampleHeader());
    await writer.append(sampleEntry(0));
    await writer.append(sampleEntry(1));
  }
  const clean = await Deno.readTextFile(path);
  const torn = sortedJsonStringify(sampleEntry(2)).slice(0, 25);
  await Deno.writeTextFile(path, clean + torn);
  {
    await using writer = await ManifestWriter.openForAppend(path, { fsync: "each" });
    assert.equal(writer.droppedTornTailBytes, torn.length);
    assert.equal(writer.stats.fileSyncs, 1); // the truncation is made durable first
    assert.equal(writer.header.run_count, 3);
    await writer.append(sampleEntry(2));
    await writer.append(sampleEntry(1, { attempt: 2 }));
  }
  const after = await Deno.readTextFile(path);
  assert.ok(after.startsWith(clean));
  const m = await readManifest(path);
  assert.equal(m.droppedTornTail, false);
  assert.deepEqual(m.entries.map((e) => [e.run_id, e.attempt]), [[0, 1], [1, 2], [2, 1]]);
  // A clean file is left untouched.
  const again = await ManifestWriter.openForAppend(path);
  assert.equal(again.droppedTornTailBytes, 0);
  assert.equal(again.stats.fileSyncs, 0);
  await again.close();
  assert.equal(await Deno.readTextFile(path), after);
});

Deno.test("ManifestWriter.openForAppend() drops a torn tail longer than its 64 KiB scan chunk", async () => {
  const path = await newPath();
  await (await ManifestWriter.create(path, sampleHeader())).close();
  const clean = await Deno.readTextFile(path);
  const torn = sortedJsonStringify(sampleEntry(0, { stderr: "z".repeat(200_000) })).slice(0, -5);
  await Deno.writeTextFile(path, clean + torn);
  const writer = await ManifestWriter.openForAppend(path);
  assert.equal(writer.droppedTornTailBytes, torn.length);
  await writer.append(sampleEntry(0));
  await writer.close();
  assert.deepEqual((await readManifest(path)).entries.map((e) => e.run_id), [0]);
});

Deno.test("ManifestWriter.openForAppend() refuses a missing, empty or torn-header manifest", async () => {
  const path = await newPath();
  await assert.rejects(ManifestWriter.openForAppend(path), ManifestNotFoundError);
  await Deno.writeTextFile(path, "");
  await assert.rejects(ManifestWriter.openForAppend(path), (e: unknown) => {
    assert.ok(e instanceof ManifestCorruptError);
    assert.equal(e.line, 1);
    return true;
  });
  await Deno.writeTextFile(path, JSON.stringify(sampleHeader()));
  await assert.rejects(ManifestWriter.openForAppend(path), /torn header/);
  await Deno.writeTextFile(path, JSON.stringify({ ...sampleHeader(), schema_version: 9 }) + "\n");
  await assert.rejects(ManifestWriter.openForAppend(path), /schema_version 9 is newer/);
  assert.equal(
    await Deno.readTextFile(path),
    JSON.stringify({ ...sampleHeader(), schema_version: 9 }) + "\n",
  );
});

Deno.test("runtimeFingerprint() fills the runtime header fields", async () => {
  const fp = runtimeFingerprint();
  assert.equal(fp.gmat_run_version, "n/a");
  assert.equal(fp.python_version, null);
  assert.equal(fp.deno_version, Deno.version.deno);
  assert.match(fp.os_platform, new RegExp(`^${Deno.build.os}-.*${Deno.build.arch}$`, "i"));
  const path = await newPath();
  await (await ManifestWriter.create(path, { ...sampleHeader(), ...fp })).close();
  assert.equal((await readManifest(path)).header.deno_version, Deno.version.deno);
});

Deno.test("ManifestWriter group commit: entries appended during a sync share the next one, each durable when it resolves", async () => {
  const path = await newPath();
  const { result, calls } = await countingSyncs(async () => {
    const writer = await ManifestWriter.create(path, sampleHeader(), { fsync: "each" });
    const syncsWhenResolved: number[] = [];
    // 50 runs finishing at once: the first is written alone, the other 49 arrive while its sync
    // is in flight and are written in one write and synced by one sync.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writer.append(sampleEntry(i)).then((line) => {
          assert.equal(writer.stats.unsyncedEntries, 0, "durable before it resolves");
          syncsWhenResolved.push(writer.stats.fileSyncs);
          assert.equal(line.entry.run_id, i);
        })),
    );
    const afterAppends = writer.stats.fileSyncs;
    await writer.close();
    return { afterAppends, syncsWhenResolved, stats: writer.stats };
  });
  assert.equal(result.afterAppends, 3, "create + one sync per group (2 groups), not 50");
  assert.deepEqual(result.syncsWhenResolved, [2, ...Array(49).fill(3)]);
  assert.equal(calls, result.stats.fileSyncs + result.stats.directorySyncs);
  const m = await readManifest(path);
  assert.deepEqual(m.entries.map((e) => e.run_id), [...Array(50).keys()]);
  // Each append's reported position is where its line is.
  const text = await Deno.readFile(path);
  const writer = await ManifestWriter.openForAppend(path);
  const at = await writer.append(sampleEntry(7, { attempt: 2 }));
  await writer.close();
  const after = await Deno.readFile(path);
  assert.equal(at.offset, text.length);
  assert.equal(
    new TextDecoder().decode(after.subarray(at.offset, at.offset + at.bytes)),
    sortedJsonStringify(ManifestEntrySchema.parse(sampleEntry(7, { attempt: 2 }))),
  );
});

Deno.test("ManifestWriter holds an OS lock: a second writer (another process too) is refused until the first ends, even by SIGKILL", async () => {
  const path = await newPath();
  const first = await ManifestWriter.create(path, sampleHeader());
  await assert.rejects(
    ManifestWriter.openForAppend(path),
    (e) =>
      e instanceof ManifestLockedError && /in use by another gmat-sweep driver/.test(e.message),
  );
  await assert.rejects(ManifestWriter.create(path, sampleHeader()), ManifestLockedError);
  await first.close();
  // Another process holds it, then is killed: the lock dies with it.
  const holder = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `const f = await Deno.open(${JSON.stringify(path)}, { read: true, write: true });` +
      `await f.lock(true); console.log("locked"); setInterval(() => {}, 1000);`,
    ],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = holder.stdout.getReader();
  assert.match(new TextDecoder().decode((await reader.read()).value), /locked/);
  await assert.rejects(ManifestWriter.openForAppend(path), ManifestLockedError);
  holder.kill("SIGKILL");
  await holder.status;
  reader.releaseLock();
  await holder.stdout.cancel();
  const after = await ManifestWriter.openForAppend(path);
  await after.append(sampleEntry(0));
  await after.close();
  assert.equal((await readManifest(path)).entries.length, 1);
});

Deno.test("ManifestWriter.setRunCount() changes only run_count's bytes, keeps every line and the lock", async () => {
  await using dir = await scratchDir();
  const path = join(dir.path, "manifest.jsonl");
  // A Python header: 7000.0 must stay 7000.0 (a parse and re-encode would write 7000).
  const header = sortedJsonStringify(sampleHeader()).replace('"run_count": 3', '"run_count": 3')
    .replace("7100.5", "7100.0");
  const body = [0, 1, 2].map((i) => sortedJsonStringify(sampleEntry(i))).join("\n") + "\n";
  await Deno.writeTextFile(path, `${header}\n${body}`);
  const writer = await ManifestWriter.openForAppend(path);
  const bytes = await writer.setRunCount(1234);
  assert.equal(bytes, header.length + 3);
  assert.equal(writer.header.run_count, 1234);
  await assert.rejects(ManifestWriter.openForAppend(path), ManifestLockedError, "still locked");
  await writer.append(sampleEntry(3));
  await writer.close();
  const text = await Deno.readTextFile(path);
  const [first, ...rest] = text.split("\n");
  assert.equal(first, header.replace('"run_count": 3', '"run_count": 1234'));
  assert.ok(first.includes("7100.0"));
  assert.equal(
    rest.join("\n"),
    body + sortedJsonStringify(ManifestEntrySchema.parse(sampleEntry(3))) + "\n",
  );
  assert.deepEqual([...Deno.readDirSync(dir.path)].map((e) => e.name), ["manifest.jsonl"]);
});
