/**
 * Rebuilding a run set from a manifest's `parameter_spec` (what resume and extend need), in the
 * Python tool's shapes:
 * - `{"_kind": "grid", "<path>": [values...], ...}`; an object without `_kind` is a legacy grid;
 * - `{"_kind": "explicit", "columns": [...], "rows": [[...], ...]}`;
 * - `{"_kind": "monte_carlo" | "latin_hypercube", "perturb": {path: dist}, "n": n, "seed": seed}`.
 *
 * A Python-tool manifest with `"seed": null` cannot be rebuilt (its entropy was never recorded)
 * and is refused; so are frozen scipy distributions (`{"name", "args", "kwds"}`).
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { OverrideValueSchema } from "../runs/mod.ts";
import { type Distribution, parseDistribution } from "./distributions.ts";
import { RunSetError } from "./errors.ts";
import { explicitRunSet } from "./explicit.ts";
import { gridRunSet } from "./grid.ts";
import { latinHypercubeRunSet } from "./latin_hypercube.ts";
import { monteCarloRunSet } from "./monte_carlo.ts";
import type { RunSet } from "./run_set.ts";

/** Schema of an explicit `parameter_spec`. */
export const ExplicitParameterSpecSchema = z.object({
  _kind: z.literal("explicit"),
  columns: z.array(z.string()),
  rows: z.array(z.array(OverrideValueSchema.nullable())),
});

/** Schema of a Monte Carlo or Latin hypercube `parameter_spec` (distributions checked later). */
export const StochasticParameterSpecSchema = z.object({
  _kind: z.enum(["monte_carlo", "latin_hypercube"]),
  perturb: z.record(z.string(), z.unknown()),
  n: z.number().int().min(1),
  seed: z.number().int().min(0).nullable(),
});

/** Schema of a grid `parameter_spec` (with or without `_kind`). */
export const GridParameterSpecSchema = z.object({ _kind: z.literal("grid").optional() })
  .catchall(z.array(OverrideValueSchema));

/** A parsed stochastic `parameter_spec`. */
export type StochasticParameterSpecJson = z.infer<typeof StochasticParameterSpecSchema>;

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, kind: string): T {
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new RunSetError(
      `parameter_spec of kind '${kind}' is malformed: ${zodMessage(r.error)}`,
      { cause: r.error },
    );
  }
  return r.data;
}

/**
 * Parse a `perturb` object of distribution JSON values.
 *
 * @param perturb Dotted path to distribution JSON.
 * @returns Dotted path to distribution.
 */
export function parsePerturb(
  perturb: Readonly<Record<string, unknown>>,
): Record<string, Distribution> {
  return Object.fromEntries(
    Object.entries(perturb).map(([name, v]) => [name, parseDistribution(v, name)]),
  );
}

/**
 * Rebuild a run set from a manifest's `parameter_spec`; the result has the same runs, in the same
 * order, with the same draws as the run set that wrote it.
 *
 * @param json The `parameter_spec` value (parsed JSON).
 * @returns The run set.
 * @throws {RunSetError} for an unknown `_kind`, a malformed spec, or a stochastic spec without seed.
 *
 * @example
 * ```ts
 * import { runSetFromParameterSpec } from "./parameter_spec.ts";
 * const set = runSetFromParameterSpec({ _kind: "grid", "Sat.SMA": [7000, 7100] });
 * console.log(set.kind, set.size); // grid 2
 * ```
 */
export function runSetFromParameterSpec(json: unknown): RunSet {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new RunSetError("parameter_spec must be a JSON object with a '_kind' field");
  }
  const kind = (json as Record<string, unknown>)._kind;
  switch (kind) {
    case undefined:
    case "grid": {
      const spec = parseWith(GridParameterSpecSchema, json, "grid");
      const { _kind: _, ...grid } = spec;
      return gridRunSet(grid as Record<string, z.infer<typeof OverrideValueSchema>[]>);
    }
    case "explicit": {
      const spec = parseWith(ExplicitParameterSpecSchema, json, "explicit");
      return explicitRunSet({
        columns: spec.columns,
        rows: spec.rows as z.infer<typeof OverrideValueSchema>[][],
      });
    }
    case "monte_carlo":
    case "latin_hypercube": {
      const spec = parseWith(StochasticParameterSpecSchema, json, kind);
      if (spec.seed === null) {
        throw new RunSetError(
          `parameter_spec of kind '${kind}' has seed null: the Python tool drew unrecorded OS ` +
            "entropy, so these runs cannot be rebuilt; rerun with an explicit seed",
        );
      }
      if (!Number.isSafeInteger(spec.seed)) {
        throw new RunSetError(
          `parameter_spec seed ${spec.seed} is beyond 2^53 and lost precision in JSON: ` +
            "this implementation supports seeds below 2^53",
        );
      }
      const perturb = parsePerturb(spec.perturb);
      return kind === "monte_carlo"
        ? monteCarloRunSet(perturb, spec.n, spec.seed)
        : latinHypercubeRunSet(perturb, spec.n, spec.seed);
    }
    default:
      throw new RunSetError(
        `parameter_spec has unknown _kind ${JSON.stringify(kind)}: expected grid, explicit, ` +
          "monte_carlo or latin_hypercube",
      );
  }
}
