/**
 * A stand-alone GmatConsole entry over the built-in engine: `deno run -A console_main.ts
 * [GmatConsole arguments]`. The same console as `gmat-sweep gmat-console`, but loading only the
 * engine, so a GMAT-shaped install made by {@link makeGmatInstall} starts fast and does not
 * depend on the rest of the CLI. The bin directory comes from `GMAT_SWEEP_BIN_DIR` (set by the
 * `bin/GmatConsole` wrapper), else the working directory.
 *
 * @module
 */

import { runConsole } from "../engine/mod.ts";

if (import.meta.main) {
  Deno.exit(
    await runConsole(Deno.args, {
      print: (line) => console.log(line),
      binDir: Deno.env.get("GMAT_SWEEP_BIN_DIR") ?? Deno.cwd(),
    }),
  );
}
