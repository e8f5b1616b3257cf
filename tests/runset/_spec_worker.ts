/**
 * A separate process for the order/process-independence test: rebuilds a run set from the
 * `parameter_spec` JSON given as the first argument and prints the specs of the run ids given as
 * the second argument (comma-separated, any order), numbers as IEEE bit patterns.
 *
 * @module
 */

import { doubleToBitsHex } from "../../src/numeric/float_bits.ts";
import { runSetFromParameterSpec } from "../../src/runset/mod.ts";

const set = runSetFromParameterSpec(JSON.parse(Deno.args[0]));
const ids = Deno.args[1].split(",").map(Number);
const out = ids.map((id) => {
  const spec = set.spec(id);
  const overrides = Object.fromEntries(
    Object.entries(spec.overrides).map((
      [k, v],
    ) => [k, typeof v === "number" ? doubleToBitsHex(v) : v]),
  );
  return { runId: spec.runId, seed: spec.seed, overrides };
});
console.log(JSON.stringify(out));
