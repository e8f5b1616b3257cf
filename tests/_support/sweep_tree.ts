/**
 * Helpers of the sweep tests that work on real run trees: a slower leo_basic (so a sweep can be
 * caught mid-way), a grid sweep through the real CLI, and a byte-for-byte snapshot of a directory
 * (to prove that nothing was written or deleted).
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, type CliResult } from "./cli.ts";
import { fixture } from "./engine.ts";

/** leo_basic as shipped. */
export const LEO: string = fixture("scripts/leo_basic.script");

/**
 * leo_basic with a 5-day propagation at 1e-12, written into `dir`: on the order of 0.1 s per run,
 * so a sweep of a few dozen runs can be interrupted part-way.
 */
export async function slowLeoScript(dir: string): Promise<string> {
  const text = (await Deno.readTextFile(LEO))
    .replace("{Sat.ElapsedSecs = 60}", "{Sat.ElapsedDays = 5}")
    .replace("Prop.Accuracy = 1e-9", "Prop.Accuracy = 1e-12");
  assert.match(text, /ElapsedDays = 5/);
  assert.match(text, /Accuracy = 1e-12/);
  const path = join(dir, "leo_slow.script");
  await Deno.writeTextFile(path, text);
  return path;
}

/**
 * `gmat-sweep run SCRIPT --grid G ... --out OUT --engine builtin -q ...extra` through the real CLI.
 *
 * @param script The script.
 * @param grids The `--grid` values.
 * @param out The output directory.
 * @param extra More arguments.
 */
export function runGrid(
  script: string,
  grids: readonly string[],
  out: string,
  extra: readonly string[] = [],
): Promise<CliResult> {
  return cli([
    "run",
    script,
    ...grids.flatMap((g) => ["--grid", g]),
    "--out",
    out,
    "--engine",
    "builtin",
    "-q",
    ...extra,
  ]);
}

/**
 * Every file under a directory with its bytes (a link as its target), by relative path; the
 * names in `skip` (relative paths) are left out.
 */
export async function snapshot(
  dir: string,
  skip: readonly string[] = [],
  prefix = "",
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (skip.includes(rel)) continue;
    const abs = join(dir, rel);
    if (e.isSymlink) out.set(rel, `-> ${await Deno.readLink(abs)}`);
    else if (e.isDirectory) {
      for (const [k, v] of await snapshot(dir, skip, rel)) out.set(k, v);
    } else out.set(rel, new TextDecoder().decode(await Deno.readFile(abs)));
  }
  return out;
}
