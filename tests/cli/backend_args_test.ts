/**
 * `--backend` and `--backend-arg` on the command line: bad values exit 2 before anything runs,
 * naming the flag and what is accepted.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";

const LEO = fixture("scripts/leo_basic.script");

Deno.test("bad --backend and --backend-arg values exit 2 naming the fix", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-backend-args-" });
  const out = join(dir, "out");
  const base = ["run", LEO, "--grid", "Sat.SMA=7000", "--out", out, "--engine", "builtin"];
  const cases: [string[], RegExp][] = [
    [["--backend", "ray"], /--backend must be local or slurm, got 'ray'/],
    [["--backend-arg", "partition=short"], /--backend-arg needs --backend slurm/],
    [
      ["--backend", "slurm", "--backend-arg", "queue=short"],
      /--backend-arg 'queue=short': expected KEY=VALUE with KEY one of partition, account, qos, time/,
    ],
    [
      ["--backend", "slurm", "--backend-arg", "time=soon"],
      /--backend-arg time=soon: expected a whole number >= 1/,
    ],
    [["--backend", "slurm", "--backend-arg", "partition"], /expected KEY=VALUE/],
  ];
  for (const [extra, says] of cases) {
    const r = await cli([...base, ...extra]);
    assert.equal(r.code, 2, `${extra.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, says);
  }
  await assert.rejects(Deno.stat(out), Deno.errors.NotFound, "nothing ran");
  const help = await cli(["run", "--help"]);
  assert.match(help.stdout, /--backend B\s+local \(worker processes here, default\) or slurm/);
  await Deno.remove(dir, { recursive: true });
});
