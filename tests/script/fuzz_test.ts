/**
 * A deterministic fuzz test of the GMAT script front end (`parseScript` with the file include
 * reader) and of the built-in engine's pre-run checks (`checkScriptText`).
 *
 * Each case mutates one GMAT sample from `../shared/reference/gmat-samples/` (see `_mutate.ts`
 * for the kinds and the seeded PRNG; case `i` depends only on `FUZZ_SEED` and `i`). Both calls
 * must either accept the text or throw a `GmatSweepError`, never anything else, and each case
 * must finish within {@link HANG_BOUND_MS}. The cases run in a worker so that a real hang is
 * cut off by a watchdog and reported instead of stalling the test run.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type CaseResult,
  KINDS,
  loadCorpus,
  makeCase,
  type Sample,
  type WorkerReply,
} from "./_mutate.ts";

/** How many cases one run makes. */
const CASES = 12_000;
/** A case slower than this is "over the bound" (a hang, for a pre-run check). */
const HANG_BOUND_MS = 5_000;
/** The watchdog ends a worker whose current case has run this long. */
const WATCHDOG_MS = HANG_BOUND_MS + 1_000;
/** Longest a fresh worker may take to load the modules and the corpus. */
const STARTUP_MS = 60_000;

/** Workers run side by side (the cases are independent; the results do not depend on it). */
const WORKERS = Math.max(1, Math.min(2, navigator.hardwareConcurrency ?? 1));

const WORKER_URL = new URL("./_mutate.ts", import.meta.url);

/** Run cases [start, end) in one worker until done, a hang, or a crash. */
function runWorker(
  corpus: readonly Sample[],
  start: number,
  end: number,
  results: CaseResult[],
): Promise<number> {
  return new Promise((resolveNext, reject) => {
    const worker = new Worker(WORKER_URL, { type: "module", name: "gmat-sweep-fuzz" });
    const born = performance.now();
    let ready = false;
    let lastBeat = born;
    let expected = start;
    let finished = false;
    const finish = (next: number | Error): void => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      worker.terminate();
      if (next instanceof Error) reject(next);
      else resolveNext(next);
    };
    const lost = (outcome: CaseResult["outcome"], error: string): void => {
      const c = makeCase(corpus, expected);
      const ms = performance.now() - lastBeat;
      results.push({ index: expected, kind: c.kind, sample: c.sample.name, outcome, ms, error });
      finish(expected + 1);
    };
    const watchdog = setInterval(() => {
      const now = performance.now();
      if (!ready && now - born > STARTUP_MS) {
        finish(new Error(`the fuzz worker did not start within ${STARTUP_MS} ms`));
      } else if (ready && now - lastBeat > WATCHDOG_MS) {
        lost("hang", `no result within ${WATCHDOG_MS} ms; the worker was terminated`);
      }
    }, 100);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === "ready") {
        ready = true;
        lastBeat = performance.now();
        worker.postMessage({ start, end });
      } else if (m.type === "case") {
        results.push(m.result);
        expected = m.result.index + 1;
        lastBeat = performance.now();
      } else {
        finish(end);
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (!ready) finish(new Error(`the fuzz worker failed to start: ${e.message}`));
      else lost("uncaught", `the worker died: ${e.message}`);
    };
  });
}

Deno.test("fuzz: parse and checks throw only GmatSweepError, in bounded time", async () => {
  const t0 = performance.now();
  // Throws (fails the test) when the sample folder is missing or empty: never skipped.
  const corpus = loadCorpus();
  assert.ok(corpus.length > 0, "the GMAT sample corpus is empty");

  const results: CaseResult[] = [];
  const runRange = async (start: number, end: number): Promise<void> => {
    // A hang or a crash ends a worker; a fresh one carries on after the lost case.
    for (let next = start; next < end;) next = await runWorker(corpus, next, end, results);
  };
  const per = Math.ceil(CASES / WORKERS);
  await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => runRange(w * per, Math.min(CASES, (w + 1) * per))),
  );
  results.sort((a, b) => a.index - b.index);

  let accepted = 0;
  let clean = 0;
  let uncaught = 0;
  let overBound = 0;
  let slowest = 0;
  const offenders: CaseResult[] = [];
  const kinds = new Set<string>();
  for (const r of results) {
    if (r.outcome === "accepted") accepted++;
    else if (r.outcome === "clean") clean++;
    slowest = Math.max(slowest, r.ms);
    kinds.add(r.kind.replace(/[([].*$/s, ""));
    const over = r.outcome === "hang" || r.ms > HANG_BOUND_MS;
    if (over) overBound++;
    if (r.outcome === "uncaught") uncaught++;
    if (r.outcome === "uncaught" || over) offenders.push(r);
  }
  const totalS = ((performance.now() - t0) / 1000).toFixed(1);

  console.log(
    `fuzz: ${results.length} cases, ${clean} clean errors, ${accepted} accepted, ` +
      `uncaught: ${uncaught}, over the bound: ${overBound}, ` +
      `slowest case ${Math.round(slowest)} ms`,
  );

  const report = offenders.slice(0, 10).map((r) => {
    const kind = r.kind.length > 300 ? r.kind.slice(0, 300) + "..." : r.kind;
    return `case #${r.index} (seed index ${r.index}) sample ${r.sample}, ${r.outcome}, ` +
      `${Math.round(r.ms)} ms\n  kind: ${kind}\n  ${r.error ?? "(no error)"}`;
  }).join("\n");
  const more = offenders.length > 10 ? `\n... and ${offenders.length - 10} more` : "";
  assert.equal(
    uncaught + overBound,
    0,
    `${uncaught} uncaught, ${overBound} over the ${HANG_BOUND_MS} ms bound ` +
      `(${totalS} s in all); reproduce with makeCase(loadCorpus(), index) from ` +
      `tests/script/_mutate.ts:\n${report}${more}`,
  );
  assert.equal(results.length, CASES);
  assert.ok(CASES >= 10_000, `only ${CASES} cases`);
  assert.ok(clean > 0, "no case ended in a clean error: the mutations are not reaching the parser");
  assert.deepEqual([...kinds].sort(), [...KINDS].sort(), "some mutation kind never ran");
});
