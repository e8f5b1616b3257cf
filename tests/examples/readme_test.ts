/**
 * The README's five-minute tour runs as written, from a `study/` directory next to the checkout
 * (no `--config`, no import map of ours): its shell blocks in order in one bash (aliases on), the
 * files its named blocks hold (```ts radius.ts, ```jsonc mc.jsonc ...) written first; then every
 * other named TypeScript snippet of the README (the analysis snippet) runs in the same place, and
 * every named TypeScript snippet type-checks. The results are checked, not just the exit codes.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { command } from "../_support/cli.ts";
import { ROOT } from "../_support/engine.ts";

interface Block {
  readonly lang: string;
  readonly name: string | undefined;
  readonly body: string;
  readonly section: string;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let section = "";
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.*)$/.exec(lines[i]);
    if (heading) section = heading[1];
    const fence = /^```(\w+)(?: (\S+))?$/.exec(lines[i]);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]);
    out.push({ lang: fence[1], name: fence[2], body: body.join("\n") + "\n", section });
  }
  return out;
}

function sh(script: string, cwd: string) {
  return command("bash", ["-O", "expand_aliases", "-e", "-c", script], {
    cwd,
    env: { NO_COLOR: "1", HOME: Deno.env.get("HOME") ?? "/root", PATH: Deno.env.get("PATH")! },
    clearEnv: true,
  });
}

Deno.test("README: the tour and the TypeScript snippets run as written", async () => {
  const all = blocks(await Deno.readTextFile(join(ROOT, "README.md")));
  const tour = all.filter((b) => b.section === "Five-minute tour");
  assert.ok(tour.filter((b) => b.lang === "sh").length >= 6, "the tour has its shell blocks");
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-readme-" });
  await Deno.symlink(ROOT, join(dir, "gmat-sweep"));
  const study = join(dir, "study");
  const named = all.filter((b) => b.name !== undefined);
  // The tour's first block makes study/; the named blocks' files are written right after it.
  const shell = tour.filter((b) => b.lang === "sh").map((b) => b.body).join("\n");
  assert.match(shell, /^mkdir study && cd study$/m, "the tour starts by making study/");
  const script = shell
    .replace(
      /^mkdir study && cd study$/m,
      `mkdir study && cd study\n${
        named.map((b) => `cat > ${b.name} <<'README_EOF'\n${b.body}README_EOF`).join("\n")
      }`,
    );
  const run = await sh(script, dir);
  assert.equal(run.code, 0, `the tour failed:\n${run.stderr}\n${run.stdout}`);

  // What the tour made.
  const csv = (await Deno.readTextFile(join(study, "sma.csv"))).trim().split("\n");
  assert.match(csv[0], /^run_id,time,/);
  assert.deepEqual(new Set(csv.slice(1).map((l) => l.split(",")[0])).size, 16);
  assert.match(await Deno.readTextFile(join(study, "mc.svg")), /<svg/);
  const radius = (await Deno.readTextFile(join(study, "radius.csv"))).trim().split("\n");
  assert.equal(radius.length, 4);
  assert.match(radius[0], /^run_id,final_radius_km,/);
  const big = (await Deno.readTextFile(join(study, "sweeps/big/manifest.jsonl"))).trim().split(
    "\n",
  );
  assert.ok(big.length >= 2001, "the resumed Monte Carlo recorded its 2000 runs");
  assert.match(run.stdout, /^(2000 runs \(2000 ok\); this session|nothing to run: 2000 of 2000)/m);
  assert.match(run.stdout, /^9 rows; run 2 ends at SMA 7\d{3}\.\d+ km$/m);
  const studyManifest = await Deno.readTextFile(join(study, "sweeps/study/manifest.jsonl"));
  assert.equal(studyManifest.trim().split("\n").length, 51);

  // The named TypeScript snippets the tour does not run: run them there, after the tour.
  const ran = new Set([...script.matchAll(/deno run -A (\S+\.ts)/g)].map((m) => m[1]));
  for (const b of named.filter((b) => b.lang === "ts")) {
    const check = await sh(`deno check ${b.name}`, study);
    assert.equal(check.code, 0, `${b.name} type-checks:\n${check.stderr}`);
    if (ran.has(b.name!) || b.section === "Five-minute tour") continue;
    const r = await sh(`deno run -A ${b.name}`, study);
    assert.equal(r.code, 0, `${b.name} runs:\n${r.stderr}`);
  }
  assert.match(await Deno.readTextFile(join(study, "radius.svg")), /final_radius_km/);
  assert.ok((await Deno.stat(join(study, "sobol-study.zip"))).size > 1000);
  await Deno.remove(dir, { recursive: true });
});
