/**
 * The manifest index (one streaming pass, bounded memory) agrees with the full reader on every
 * question resume, show, find and extend ask; entries read back from their offsets are the full
 * reader's; deeply nested JSON is refused before any schema check; and fuzzed manifests (random
 * nesting, truncation, byte damage) only ever give the project's own errors: `show` and `resume`
 * exit 0, 2 or 3, never 1 with a stack.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  exceedsJsonDepth,
  findFailed,
  findMissing,
  indexManifest,
  ManifestCorruptError,
  MAX_JSON_DEPTH,
  readManifest,
  sortedJsonStringify,
  totalRunCount,
} from "../../src/manifest/mod.ts";
import { main } from "../../src/cli/main.ts";
import { scanObjectMembers } from "../../src/manifest/_scan_json.ts";
import { sampleEntry, sampleHeader, scratchDir } from "./_support.ts";

/** A deterministic pseudo-random sequence (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** A manifest of `n` lines with retries, failures, contexts and non-ASCII text, shuffled. */
function manifestText(n: number, random: () => number): string {
  const lines = [sortedJsonStringify(sampleHeader({ run_count: n }))];
  for (let i = 0; i < n; i++) {
    const id = Math.floor(random() * n);
    const status = random() < 0.2 ? "failed" : random() < 0.1 ? "skipped" : "ok";
    lines.push(sortedJsonStringify(sampleEntry(id, {
      status,
      stderr: status === "failed" ? `boom é ${i} 😀` : null,
      attempt: 1 + Math.floor(random() * 3),
      duration_s: random(),
      context: random() < 0.5 ? {} : { k: i },
    })));
  }
  return lines.join("\n") + "\n";
}

Deno.test("indexManifest() agrees with readManifest() and reads entries back from their offsets", async () => {
  await using dir = await scratchDir();
  const random = rng(7);
  for (const [n, torn] of [[0, false], [1, false], [50, false], [3000, true]] as const) {
    const path = join(dir.path, `m${n}.jsonl`);
    let text = manifestText(n, random);
    if (torn) text += sortedJsonStringify(sampleEntry(n + 5)).slice(0, 40);
    await Deno.writeTextFile(path, text);
    const full = await readManifest(path);
    const index = await indexManifest(path);
    assert.equal(index.lineCount, full.lineCount);
    assert.equal(index.droppedTornTail, full.droppedTornTail);
    assert.deepEqual(index.header, full.header);
    assert.deepEqual([...index.runs()].map((r) => r.runId), full.entries.map((e) => e.run_id));
    assert.deepEqual(index.failed(), findFailed(full));
    const total = totalRunCount(full);
    assert.equal(index.totalRunCount(), total);
    assert.deepEqual(index.missing(total), findMissing(full, [...Array(total).keys()]));
    const counts = { ok: 0, failed: 0, skipped: 0 };
    for (const e of full.entries) counts[e.status]++;
    assert.deepEqual(index.counts(), counts);
    await using reader = await index.entryReader();
    for (const e of full.entries) {
      assert.deepEqual(await reader.read(e.run_id), e);
      assert.equal(index.attempt(e.run_id), e.attempt);
      assert.equal(index.run(e.run_id)!.hasContext, Object.keys(e.context).length > 0);
    }
    assert.equal(await reader.read(n + 1000), undefined);
  }
});

Deno.test("indexManifest() keeps a stray huge run id without allocating up to it", async () => {
  await using dir = await scratchDir();
  const path = join(dir.path, "m.jsonl");
  const lines = [sortedJsonStringify(sampleHeader())];
  for (const id of [0, 2 ** 40, 1]) lines.push(sortedJsonStringify(sampleEntry(id)));
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  const index = await indexManifest(path);
  assert.equal(index.size, 3);
  assert.equal(index.status(2 ** 40), "ok");
  assert.equal(index.maxRunId, 2 ** 40);
  assert.deepEqual(index.missing(3), [2]);
});

Deno.test("JSON nested deeper than 64 levels is refused at its line, before the schema check", async () => {
  await using dir = await scratchDir();
  const deep = (d: number) => "[".repeat(d) + "]".repeat(d);
  assert.equal(exceedsJsonDepth(`{"a": ${deep(63)}}`), false);
  assert.equal(exceedsJsonDepth(`{"a": ${deep(64)}}`), true);
  assert.equal(exceedsJsonDepth(`{"a": "${"[".repeat(500)}"}`), false, "inside a string");
  const path = join(dir.path, "m.jsonl");
  const nested = sortedJsonStringify(sampleEntry(1)).replace(
    '"context": {',
    `"context": {"x": ${deep(100_000)}, `,
  );
  await Deno.writeTextFile(
    path,
    [sortedJsonStringify(sampleHeader()), sortedJsonStringify(sampleEntry(0)), nested].join("\n") +
      "\n",
  );
  for (const read of [readManifest, indexManifest]) {
    await assert.rejects(
      read(path),
      (e) =>
        e instanceof ManifestCorruptError && e.line === 3 &&
        /JSON nested deeper than 64 levels/.test(e.message),
    );
  }
});

Deno.test("fuzzed manifests: show and resume give exit 0, 2 or 3 with the project's messages, never a stack", async () => {
  await using dir = await scratchDir();
  const random = rng(20260101);
  const base = manifestText(40, random).split("\n").slice(0, -1);
  const script = join(dir.path, "s.script");
  await Deno.writeTextFile(script, "Create Spacecraft Sat;\nBeginMissionSequence;\n");
  const mutations: ((lines: string[]) => string[])[] = [
    // nesting: deep brackets (up to 20,000 levels) in a context or the overrides, the values
    // the recursive JSON schemas descend into
    (l) => {
      const i = 1 + Math.floor(random() * (l.length - 1));
      const d = 1 + Math.floor(random() ** 2 * 20_000);
      const deep = `${"[".repeat(d)}${"]".repeat(d)}`;
      const field = random() < 0.5 ? "context" : "overrides";
      l[i] = l[i].replace(`"${field}": {`, `"${field}": {"deep": ${deep}, `);
      return l;
    },
    // a line cut anywhere (the last one is a torn tail, others are corrupt)
    (l) => {
      const i = Math.floor(random() * l.length);
      l[i] = l[i].slice(0, Math.floor(random() * l[i].length));
      return l;
    },
    // a byte replaced
    (l) => {
      const i = Math.floor(random() * l.length);
      const at = Math.floor(random() * l[i].length);
      const c = String.fromCharCode(32 + Math.floor(random() * 95));
      l[i] = l[i].slice(0, at) + c + l[i].slice(at + 1);
      return l;
    },
    // a field of the wrong type
    (l) => {
      const i = Math.floor(random() * l.length);
      l[i] = l[i].replace(/"(run_id|attempt|run_count)": \d+/, '"$1": "x"');
      return l;
    },
  ];
  const codes = new Map<number, number>();
  for (let k = 0; k < 300; k++) {
    let lines = [...base];
    for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
      lines = mutations[Math.floor(random() * mutations.length)](lines);
    }
    const path = join(dir.path, `f${k}.jsonl`);
    await Deno.writeTextFile(path, lines.join("\n") + (random() < 0.8 ? "\n" : ""));
    const errors: string[] = [];
    const io = { print: () => {}, error: (s: string) => errors.push(s) };
    for (const args of [["show", path, "--detail"], ["resume", path, "--script", script]]) {
      const code = await main(args, io);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      assert.ok([0, 2, 3].includes(code), `${args[0]} f${k}: exit ${code}\n${errors.join("\n")}`);
      for (const e of errors) assert.doesNotMatch(e, /unexpected error| {4}at /);
    }
  }
  assert.ok((codes.get(3) ?? 0) > 100, `manifest errors seen: ${JSON.stringify([...codes])}`);
});

Deno.test("the index's JSON scanner accepts exactly what JSON.parse accepts (fuzzed), with the same members", () => {
  const random = rng(99);
  const wanted = new Set(["run_id", "status", "context", "attempt"]);
  const pieces = [
    '"',
    "\\",
    "\\u00e9",
    "\\x",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\t",
    "-",
    "0",
    "1e",
    ".",
  ];
  const seeds = [
    sortedJsonStringify(
      sampleEntry(3, { stderr: 'tab\t"quote" \\ é 😀\n', context: { a: [1, { b: null }] } }),
    ),
    '{"run_id": -0.5e+3, "status": "o\\u006b", "context": [], "attempt": true, "run_id": 2}',
    '{"a": {"b": [[], {}, "", 0, -1.25E-2, false, null]}, "context": {"": 1}}',
    ' {"run_id":1} ',
  ];
  let agreed = 0;
  for (let k = 0; k < 20_000; k++) {
    let text = seeds[k % seeds.length];
    for (let m = Math.floor(random() * 3); m > 0; m--) {
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.5 ? 1 : 0;
      text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] +
        text.slice(at + cut);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const scanned = scanObjectMembers(text, wanted, MAX_JSON_DEPTH);
    const isObject = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
    if (scanned === undefined) {
      // Rejected: only lines JSON.parse refuses, non-objects, or lines with raw control characters
      // (those take the exact path).
      // deno-lint-ignore no-control-regex -- raw control characters are what is looked for
      assert.ok(!isObject || /[\x00-\x1f]/.test(text), `rejected a valid object: ${text}`);
      continue;
    }
    assert.ok(isObject, `accepted what JSON.parse refuses: ${JSON.stringify(text)}`);
    const o = parsed as Record<string, unknown>;
    for (const key of wanted) {
      const want: unknown = o[key];
      const got: unknown = scanned[key];
      if (want !== null && typeof want === "object") {
        assert.equal(Array.isArray(got), Array.isArray(want), text);
        if (!Array.isArray(want)) {
          assert.equal(Object.keys(got as object).length > 0, Object.keys(want).length > 0, text);
        }
      } else {
        assert.equal(got, want, `${key} of ${text}`);
      }
    }
    agreed++;
  }
  assert.ok(agreed > 1000, `${agreed} accepted lines compared`);
});
