/**
 * A stand-alone GmatConsole entry over the built-in engine: `deno run -A console_main.ts
 * [GmatConsole arguments]`. The same console as `gmat-sweep gmat-console`, but loading only the
 * engine, so a GMAT-shaped install made by {@link makeGmatInstall} starts fast and does not
 * depend on the rest of the CLI. The bin directory comes from `GMAT_SWEEP_BIN_DIR` (set by the
 * `bin/GmatConsole` wrapper), else the working directory. With no arguments it reads scripts from
 * standard input (GmatConsole's interactive mode).
 *
 * @module
 */

import { runConsole } from "./console.ts";

if (import.meta.main) {
  const encoder = new TextEncoder();
  Deno.exit(
    await runConsole(Deno.args, {
      print: (line) => console.log(line),
      write: (text) => {
        Deno.stdout.writeSync(encoder.encode(text));
      },
      input: Deno.stdin.readable,
      binDir: Deno.env.get("GMAT_SWEEP_BIN_DIR") ?? Deno.cwd(),
    }),
  );
}
