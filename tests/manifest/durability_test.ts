/**
 * Crash durability through the real thing: a child process appends through ManifestWriter and is
 * killed with SIGKILL at random points (mid-burst, between bursts, right after opening); the
 * manifest must then read cleanly (every complete line valid, at most the last line torn), hold
 * every entry whose append had resolved, and accept further appends after `openForAppend`.
 *
 * SIGKILL is a process crash: the kernel keeps written pages, so even `{ batch: n }` loses no
 * acknowledged entry here (batching only risks entries on power loss or a kernel crash). Torn
 * lines arise when the kill interrupts the write of a multi-megabyte line; to exercise resume
 * over a tear on every run, some rounds also cut the last line the way a power loss would.
 *
 * Set MANIFEST_CRASH_SEED to replay a failing sequence.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  type FsyncMode,
  iterateEntries,
  ManifestWriter,
  readManifest,
  sortedJsonStringify,
} from "../../src/manifest/mod.ts";
import { scratchDir } from "./_support.ts";

const CHILD = new URL("./_crash_child.ts", import.meta.url).pathname;
const BASE_SEED = Number(Deno.env.get("MANIFEST_CRASH_SEED") ?? Date.now() % 1_000_000);

type KillAt = { on: "ready" | "burst" | "big" | "idle"; nth: number; delayMs?: number };

interface ChildRun {
  acked: number[];
  dropped: number;
  /** The last progress line seen before the child died. */
  lastEvent: string;
  killed: boolean;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runChild(
  config: {
    path: string;
    mode: "create" | "append";
    startId: number;
    fsync: FsyncMode;
    seed: number;
    bigProbability: number;
  },
  killAt: KillAt,
): Promise<ChildRun> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", CHILD, JSON.stringify(config)],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderrText = new Response(child.stderr).text();
  const result: ChildRun = { acked: [], dropped: -1, lastEvent: "", killed: false };
  let seen = 0;
  let buffered = "";
  try {
    for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const [event, arg] = line.split(" ");
        result.lastEvent = event;
        if (event === "ready") result.dropped = Number(arg);
        if (event === "ack") result.acked.push(Number(arg));
        if (event === killAt.on && ++seen === killAt.nth && !result.killed) {
          result.killed = true;
          if (killAt.delayMs) await new Promise((r) => setTimeout(r, killAt.delayMs));
          child.kill("SIGKILL");
        }
      }
    }
  } finally {
    if (!result.killed) {
      try {
        child.kill("SIGKILL");
      } catch { /* already exited */ }
    }
  }
  const status = await child.status;
  const stderr = await stderrText;
  assert.ok(result.killed, `child ended before the kill point: ${stderr}`);
  assert.equal(status.signal, "SIGKILL", `child died otherwise (code ${status.code}): ${stderr}`);
  return result;
}

/** Check the file after a crash; returns the run ids in file order and the torn tail length. */
async function verifyAfterCrash(path: string, acked: number[], why: string) {
  const bytes = await Deno.readFile(path);
  const lastNewline = bytes.lastIndexOf(0x0a);
  const tornBytes = bytes.length - lastNewline - 1;
  // Every complete line is valid (readManifest throws on any other) and canonical.
  const manifest = await readManifest(path);
  assert.equal(manifest.droppedTornTail, tornBytes > 0, why);
  const complete = new TextDecoder().decode(bytes.subarray(0, lastNewline)).split("\n");
  assert.equal(complete.length, manifest.lineCount, why);
  for (const line of complete) assert.equal(line, sortedJsonStringify(JSON.parse(line)), why);
  // Entries are the consecutive ids the child appended, each once (streamed, not deduped).
  const ids: number[] = [];
  for await (const { entry } of iterateEntries(path)) ids.push(entry.run_id);
  assert.deepEqual(ids, ids.map((_, i) => i), `${why}: ids not consecutive`);
  // Nothing whose append() had resolved was lost.
  const present = new Set(ids);
  for (const id of acked) assert.ok(present.has(id), `${why}: acknowledged run ${id} missing`);
  return { ids, tornBytes };
}

async function crashAndResume(fsync: FsyncMode, seed: number): Promise<void> {
  const random = rng(seed);
  await using dir = await scratchDir();
  const path = join(dir.path, "manifest.jsonl");
  const plans: KillAt[] = [
    { on: "ready", nth: 1 },
    ...Array.from(
      { length: 4 },
      (): KillAt => ({ on: "burst", nth: 1 + Math.floor(random() * 4) }),
    ),
    ...Array.from({ length: 3 }, (): KillAt => ({ on: "idle", nth: 1 + Math.floor(random() * 4) })),
    ...Array.from({ length: 4 }, (): KillAt => ({
      on: "big",
      nth: 1 + Math.floor(random() * 2),
      delayMs: random() * 12,
    })),
  ];
  let expectedDrop = 0;
  let startId = 0;
  for (const [round, plan] of plans.entries()) {
    const why = `seed ${seed}, fsync ${
      JSON.stringify(fsync)
    }, round ${round} (${plan.on}#${plan.nth})`;
    const run = await runChild(
      {
        path,
        mode: round === 0 ? "create" : "append",
        startId,
        fsync,
        seed: seed + round,
        // Multi-megabyte lines only where the kill aims at them (they make the file large).
        bigProbability: plan.on === "big" ? 0.3 : 0,
      },
      plan,
    );
    // openForAppend in the child dropped exactly the torn tail left by the previous round.
    assert.equal(run.dropped, round === 0 ? 0 : expectedDrop, `${why}: dropped bytes`);
    const { ids, tornBytes } = await verifyAfterCrash(
      path,
      run.acked,
      `${why}, child's last event ${run.lastEvent}`,
    );
    startId = ids.length;
    expectedDrop = tornBytes;
    // Half the time, tear the last entry line as a power loss would (if the kill did not).
    if (tornBytes === 0 && ids.length > 0 && random() < 0.5) {
      const bytes = await Deno.readFile(path);
      const lineStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
      const lineLength = bytes.length - lineStart; // including its newline
      const keep = 1 + Math.floor(random() * (lineLength - 1)); // 1..lineLength-1 bytes
      await Deno.truncate(path, lineStart + keep);
      expectedDrop = keep;
      startId = ids.length - 1; // that run is lost and will be re-run under its id
    }
  }
  // A final resume in this process: further appends yield a valid manifest.
  {
    await using writer = await ManifestWriter.openForAppend(path, { fsync });
    assert.equal(writer.droppedTornTailBytes, expectedDrop);
    for (let i = 0; i < 3; i++) {
      await writer.append({
        run_id: startId + i,
        overrides: {},
        status: "ok",
        output_paths: {},
        started_at: "2026-11-24T00:00:00.000Z",
        ended_at: "2026-11-24T00:00:00.000Z",
        duration_s: 0,
        stderr: null,
        log_path: null,
      });
    }
  }
  const final = await readManifest(path);
  assert.equal(final.droppedTornTail, false);
  assert.deepEqual(
    final.entries.map((e) => e.run_id),
    Array.from({ length: startId + 3 }, (_, i) => i),
  );
  assert.equal(final.lineCount, startId + 4);
}

Deno.test("ManifestWriter survives SIGKILL at random points (fsync 'each')", async () => {
  await crashAndResume("each", BASE_SEED);
});

Deno.test("ManifestWriter survives SIGKILL at random points (fsync { batch: 5 })", async () => {
  await crashAndResume({ batch: 5 }, BASE_SEED + 1000);
});
