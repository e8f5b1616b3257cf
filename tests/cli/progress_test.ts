import assert from "node:assert/strict";
import { join } from "node:path";
import { renderProgress } from "../../src/progress/mod.ts";
import { cli } from "../_support/cli.ts";
import { fixture, ROOT } from "../_support/engine.ts";

Deno.test("renderProgress() shows runs done, failures, hook failures, rate and ETA", () => {
  const progress = {
    done: 25,
    total: 100,
    ok: 24,
    failed: 1,
    hooksOk: 24,
    hooksFailed: 0,
    elapsedS: 5,
    rate: 5,
    etaS: 15,
    last: {} as never,
  };
  assert.equal(
    renderProgress(progress, "gmat-sweep run", 20),
    "gmat-sweep run [#####...............] 25/100 ok 24 failed 1 5.0 runs/s ETA 15.0s",
  );
  assert.equal(
    renderProgress({ ...progress, hooksOk: 21, hooksFailed: 3 }, "gmat-sweep run", 20),
    "gmat-sweep run [#####...............] 25/100 ok 24 failed 1 hook-failed 3 5.0 runs/s " +
      "ETA 15.0s",
  );
});

Deno.test("the progress bar is drawn on a terminal only", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-tty-" });
  const args = [
    "run",
    fixture("scripts/leo_basic.script"),
    "--grid",
    "Sat.SMA=7000:7300:12",
    "--engine",
    "builtin",
    "--workers",
    "2",
  ];
  // Piped: no bar, just the summary.
  const piped = await cli([...args, "--out", join(dir, "piped")]);
  assert.equal(piped.code, 0, piped.stderr);
  assert.doesNotMatch(piped.stderr, /runs\/s/);
  // On a pseudo-terminal (util-linux `script`): the bar with rate and ETA, redrawn in place.
  const command = [
    Deno.execPath(),
    "run",
    "-A",
    "--quiet",
    join(ROOT, "cli.ts"),
    ...args,
    "--out",
    join(dir, "tty"),
  ]
    .map((a) => `'${a}'`).join(" ");
  const out = await new Deno.Command("script", {
    args: ["-qec", command, "/dev/null"],
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, text);
  assert.match(text, /\rgmat-sweep run \[#+\] 12\/12 ok 12 [\d.]+ runs\/s ETA /);
  assert.match(text, /12 runs \(12 ok\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("library sweeps draw the bar on a terminal, not in a pipe, and never with progress: false", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-libtty-" });
  const program = join(dir, "study.ts");
  const make = (out: string, progress: boolean) =>
    `import { sweep } from ${JSON.stringify(join(ROOT, "mod.ts"))};
await sweep(${JSON.stringify(fixture("scripts/leo_basic.script"))}, {
  grid: { "Sat.SMA": [7000, 7100, 7200, 7300] }, outputDir: ${JSON.stringify(join(dir, out))},
  engine: "builtin", workers: 2${progress ? "" : ", progress: false"},
});
`;
  const onTty = async (out: string, progress: boolean) => {
    await Deno.writeTextFile(program, make(out, progress));
    const command = [Deno.execPath(), "run", "-A", "--quiet", program].map((a) => `'${a}'`)
      .join(" ");
    const r = await new Deno.Command("script", {
      args: ["-qec", command, "/dev/null"],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(r.code, 0, new TextDecoder().decode(r.stdout));
    return new TextDecoder().decode(r.stdout);
  };
  assert.match(await onTty("tty", true), /\rgmat-sweep tty \[#+\] 4\/4 ok 4 [\d.]+ runs\/s ETA /);
  assert.doesNotMatch(await onTty("off", false), /runs\/s/);
  await Deno.writeTextFile(program, make("piped", true));
  const piped = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", program],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(piped.code, 0);
  assert.doesNotMatch(new TextDecoder().decode(piped.stderr), /runs\/s/);
  await Deno.remove(dir, { recursive: true });
});
