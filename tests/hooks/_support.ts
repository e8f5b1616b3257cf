/** Shared pieces of the hook tests: the fixture hooks and a two-run sweep through a hook. */
import { join } from "node:path";
import type { ManifestEntry } from "../../src/manifest/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep, type SweepOptions } from "../../src/sweep/mod.ts";
import { fixture } from "../_support/engine.ts";

export const LEO = fixture("scripts/leo_basic.script");
export const PROBES = fixture("hooks/probes.ts");

/** Where a test's sweep lives. */
export interface HookSweep {
  readonly dir: string;
  readonly out: string;
  readonly sweep: Sweep;
  readonly entries: ManifestEntry[];
}

/** Run a two-run SMA grid with `PROBES#<exportName>` as the hook. */
export async function sweepWithHook(
  exportName: string,
  options: Partial<SweepOptions> = {},
  runs = 2,
): Promise<HookSweep> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-test-" });
  const out = join(dir, "out");
  const smas = Array.from({ length: runs }, (_, i) => 7000 + 50 * i);
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": smas }), {
    outputDir: out,
    engine: "builtin",
    workers: 2,
    postprocess: `${PROBES}#${exportName}`,
    ...options,
  });
  await sweep.run();
  const entries = (await sweep.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
  return { dir, out, sweep, entries };
}

/** Every file under `dir`, relative, sorted. */
export async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await filesUnder(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * Sandbox host processes of the sweep writing `runTree` that are children of this test process
 * (test files run in parallel in this one process: other files' sweeps have hosts of their own).
 */
export async function ownHosts(runTree: string): Promise<number> {
  const out = await new Deno.Command("pgrep", {
    args: ["-a", "-P", String(Deno.pid), "-f", "hook_host_main"],
    stdout: "piped",
  }).output();
  return new TextDecoder().decode(out.stdout).split("\n").filter((l) => l.includes(runTree))
    .length;
}
