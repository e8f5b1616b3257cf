/**
 * The gmat-sweep command-line entry: `deno run -A cli.ts <command> ...`.
 *
 * @module
 */

import { main } from "./src/cli/main.ts";

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}

export { main };
