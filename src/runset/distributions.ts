/**
 * Distributions for Monte Carlo and Latin hypercube run sets: their TypeScript shape, their JSON
 * forms (the Python tool's `["normal", mu, sigma]` lists plus an object form), and validation with
 * the Python tool's rules.
 *
 * JSON forms accepted by {@link parseDistribution}:
 * - list form, exactly as the Python tool writes `parameter_spec.perturb`:
 *   `["normal", mu, sigma]`, `["uniform", lo, hi]`, `["lognormal", mu, sigma]`;
 * - object form (this implementation's), for every kind:
 *   `{"kind": "normal", "mu": m, "sigma": s}`, `{"kind": "uniform", "lo": a, "hi": b}`,
 *   `{"kind": "lognormal", "mu": m, "sigma": s}`,
 *   `{"kind": "truncnormal", "mu": m, "sigma": s, "lo": a, "hi": b}` (a normal N(mu, sigma²)
 *   restricted to [lo, hi]; lo/hi in the parameter's own units, not standardised like scipy's),
 *   `{"kind": "choice", "values": [v1, v2, ...], "weights": [w1, w2, ...]}` (weights optional,
 *   non-negative, not all zero; they need not sum to 1).
 *
 * {@link distributionToJson} writes the list form for the three upstream kinds (so manifests stay
 * readable by the Python tool) and the object form for `truncnormal` and `choice`.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { type OverrideValueJson, OverrideValueSchema } from "../runs/mod.ts";
import type { Assert, SameType } from "../runs/_type_check.ts";
import { requireOverrideValue } from "./coerce.ts";
import { RunSetError } from "./errors.ts";
import { normalCdf, normalSf } from "./normal_dist.ts";

/** Schema of a normal distribution (object form). */
export const NormalSchema = z.object({
  kind: z.literal("normal"),
  mu: z.number(),
  sigma: z.number(),
}).strict();
/** Schema of a uniform distribution on [lo, hi) (object form). */
export const UniformSchema = z.object({
  kind: z.literal("uniform"),
  lo: z.number(),
  hi: z.number(),
}).strict();
/** Schema of a lognormal distribution: mu and sigma of the underlying normal (object form). */
export const LognormalSchema = z.object({
  kind: z.literal("lognormal"),
  mu: z.number(),
  sigma: z.number(),
}).strict();
/** Schema of a truncated normal distribution (object form). */
export const TruncnormalSchema = z.object({
  kind: z.literal("truncnormal"),
  mu: z.number(),
  sigma: z.number(),
  lo: z.number(),
  hi: z.number(),
}).strict();
/** Schema of a weighted choice among override values (object form). */
export const ChoiceSchema = z.object({
  kind: z.literal("choice"),
  values: z.array(OverrideValueSchema),
  weights: z.array(z.number()).optional(),
}).strict();

/** Schema of a distribution in object form (structure only; see {@link parseDistribution}). */
export const DistributionSchema = z.discriminatedUnion("kind", [
  NormalSchema,
  UniformSchema,
  LognormalSchema,
  TruncnormalSchema,
  ChoiceSchema,
]);

/** A normal distribution N(mu, sigma²). */
export type NormalDistribution = {
  /** Discriminant. */
  kind: "normal";
  /** Mean. */
  mu: number;
  /** Standard deviation (> 0). */
  sigma: number;
};

/** A uniform distribution on [lo, hi). */
export type UniformDistribution = {
  /** Discriminant. */
  kind: "uniform";
  /** Lower bound (inclusive). */
  lo: number;
  /** Upper bound (exclusive; > lo). */
  hi: number;
};

/** A lognormal distribution: `mu` and `sigma` are those of the underlying normal. */
export type LognormalDistribution = {
  /** Discriminant. */
  kind: "lognormal";
  /** Mean of the underlying normal. */
  mu: number;
  /** Standard deviation of the underlying normal (> 0). */
  sigma: number;
};

/** A normal N(mu, sigma²) restricted to [lo, hi] (bounds in the parameter's own units). */
export type TruncnormalDistribution = {
  /** Discriminant. */
  kind: "truncnormal";
  /** Mean of the untruncated normal. */
  mu: number;
  /** Standard deviation of the untruncated normal (> 0). */
  sigma: number;
  /** Lower truncation bound. */
  lo: number;
  /** Upper truncation bound (> lo). */
  hi: number;
};

/** A weighted choice among override values. */
export type ChoiceDistribution = {
  /** Discriminant. */
  kind: "choice";
  /** The values to choose from (at least one). */
  values: OverrideValueJson[];
  /** Non-negative weights, one per value, not all zero (need not sum to 1); equal if absent. */
  weights?: number[];
};

/** A distribution to draw a parameter from (the shape `DistributionSchema` validates). */
export type Distribution =
  | NormalDistribution
  | UniformDistribution
  | LognormalDistribution
  | TruncnormalDistribution
  | ChoiceDistribution;
type _DistributionMatchesSchema = Assert<
  SameType<Distribution, z.infer<typeof DistributionSchema>>
>;

/** The kinds of distribution. */
export type DistributionKind = Distribution["kind"];

/** Schema of the Python tool's list form `[tag, a, b]`. */
export const DistributionListSchema = z.tuple([
  z.enum(["normal", "uniform", "lognormal"]),
  z.number(),
  z.number(),
]);

/** The Python tool's list form of a distribution: `[tag, a, b]`, e.g. `["normal", mu, sigma]`. */
export type DistributionList = ["normal" | "uniform" | "lognormal", number, number];
type _DistributionListMatchesSchema = Assert<
  SameType<DistributionList, z.infer<typeof DistributionListSchema>>
>;

/** A distribution as JSON: the list form or the object form. */
export type DistributionJson = DistributionList | Distribution;

const LIST_TAGS = ["normal", "uniform", "lognormal"] as const;
const KINDS = ["normal", "uniform", "lognormal", "truncnormal", "choice"] as const;
const FIELDS: Record<DistributionKind, readonly string[]> = {
  normal: ["mu", "sigma"],
  uniform: ["lo", "hi"],
  lognormal: ["mu", "sigma"],
  truncnormal: ["mu", "sigma", "lo", "hi"],
  choice: ["values", "weights"],
};
/** Beyond this many standard deviations the truncated mass underflows; refuse it. */
const TRUNC_MAX_STANDARD = 37;

function fail(name: string, message: string): never {
  throw new RunSetError(`perturb '${name}': ${message}`);
}

function numberParam(name: string, field: string, value: unknown): number {
  if (typeof value === "boolean") {
    fail(name, `${field} is a boolean (${value}): give a number`);
  }
  if (typeof value !== "number") {
    fail(name, `${field} is not a number (got ${JSON.stringify(value) ?? String(value)})`);
  }
  if (!Number.isFinite(value)) fail(name, `${field} is ${value}: give a finite number`);
  return value;
}

/**
 * Check a distribution's parameters (the Python tool's rules, plus rules for the extra kinds):
 * finite numbers, sigma > 0, hi > lo, a truncation interval with probability mass, a non-empty
 * choice with valid weights.
 *
 * @param d The distribution.
 * @param name The parameter name, for messages.
 * @returns The same distribution.
 */
export function validateDistribution(d: Distribution, name: string): Distribution {
  switch (d.kind) {
    case "normal":
    case "lognormal": {
      numberParam(name, "mu", d.mu);
      const sigma = numberParam(name, "sigma", d.sigma);
      if (sigma <= 0) fail(name, `sigma must be > 0, got ${sigma}`);
      if (d.kind === "lognormal" && d.mu > 709) {
        fail(name, `mu = ${d.mu} makes exp(mu) overflow: give mu <= 709`);
      }
      return d;
    }
    case "uniform": {
      const lo = numberParam(name, "lo", d.lo);
      const hi = numberParam(name, "hi", d.hi);
      if (!(hi > lo)) fail(name, `hi (${hi}) must be greater than lo (${lo})`);
      if (!Number.isFinite(hi - lo)) fail(name, `hi - lo overflows: narrow the interval`);
      return d;
    }
    case "truncnormal": {
      const mu = numberParam(name, "mu", d.mu);
      const sigma = numberParam(name, "sigma", d.sigma);
      const lo = numberParam(name, "lo", d.lo);
      const hi = numberParam(name, "hi", d.hi);
      if (sigma <= 0) fail(name, `sigma must be > 0, got ${sigma}`);
      if (!(hi > lo)) fail(name, `hi (${hi}) must be greater than lo (${lo})`);
      const a = (lo - mu) / sigma;
      const b = (hi - mu) / sigma;
      if (a > TRUNC_MAX_STANDARD || b < -TRUNC_MAX_STANDARD) {
        fail(
          name,
          `[lo, hi] = [${lo}, ${hi}] lies more than ${TRUNC_MAX_STANDARD} sigma from mu = ${mu}: ` +
            "move the interval closer to mu or use uniform",
        );
      }
      const mass = a >= 0 ? normalSf(a) - normalSf(b) : normalCdf(b) - normalCdf(a);
      if (!(mass > 0)) {
        fail(name, `[lo, hi] = [${lo}, ${hi}] has no probability mass: widen it`);
      }
      return d;
    }
    case "choice": {
      if (!Array.isArray(d.values) || d.values.length === 0) {
        fail(name, "choice needs a non-empty 'values' list");
      }
      d.values.forEach((v, i) => requireOverrideValue(v, `perturb '${name}': values[${i}]`));
      if (d.weights !== undefined) {
        if (!Array.isArray(d.weights) || d.weights.length !== d.values.length) {
          fail(
            name,
            `choice has ${d.values.length} values but ${
              Array.isArray(d.weights) ? d.weights.length : "no list of"
            } weights: give one weight per value`,
          );
        }
        let sum = 0;
        d.weights.forEach((w, i) => {
          const v = numberParam(name, `weights[${i}]`, w);
          if (v < 0) fail(name, `weights[${i}] is ${v}: weights must be >= 0`);
          sum += v;
        });
        if (!(sum > 0)) {
          fail(name, "choice weights are all zero: give at least one positive weight");
        }
        if (!Number.isFinite(sum)) fail(name, "choice weights overflow: scale them down");
      }
      return d;
    }
  }
}

/**
 * Parse a distribution from its JSON form (see the module comment) and validate it.
 *
 * @param value The JSON value (list form or object form).
 * @param name The parameter name, for messages.
 * @returns The distribution.
 * @throws {RunSetError} naming the parameter and the problem.
 *
 * @example
 * ```ts
 * import { parseDistribution } from "./distributions.ts";
 * console.log(parseDistribution(["normal", 7000, 10], "Sat.SMA"));
 * // { kind: "normal", mu: 7000, sigma: 10 }
 * ```
 */
export function parseDistribution(value: unknown, name: string): Distribution {
  if (Array.isArray(value)) return parseListForm(value, name);
  if (typeof value === "object" && value !== null) {
    return parseObjectForm(value as Record<string, unknown>, name);
  }
  fail(
    name,
    `a distribution must be a list like ["normal", mu, sigma] or an object like ` +
      `{"kind": "truncnormal", ...}, got ${value === null ? "null" : typeof value}`,
  );
}

function parseListForm(value: unknown[], name: string): Distribution {
  if (value.length === 0) {
    fail(
      name,
      'empty distribution: give ["normal", mu, sigma], ["uniform", lo, hi] or ' +
        '["lognormal", mu, sigma]',
    );
  }
  const tag = value[0];
  if (typeof tag !== "string" || !(LIST_TAGS as readonly string[]).includes(tag)) {
    const extra = tag === "truncnormal" || tag === "choice"
      ? `; ${tag} takes the object form {"kind": "${tag}", ...}`
      : "";
    fail(
      name,
      `unknown distribution tag ${JSON.stringify(tag) ?? String(tag)}: use one of ` +
        `${LIST_TAGS.join(", ")}${extra}`,
    );
  }
  if (value.length !== 3) {
    fail(name, `["${tag}", ...] has ${value.length} elements, expected 3: [tag, a, b]`);
  }
  const [p, q] = FIELDS[tag as DistributionKind];
  const a = numberParam(name, p, value[1]);
  const b = numberParam(name, q, value[2]);
  const d = tag === "uniform"
    ? { kind: "uniform" as const, lo: a, hi: b }
    : { kind: tag as "normal" | "lognormal", mu: a, sigma: b };
  return validateDistribution(d, name);
}

function parseObjectForm(value: Record<string, unknown>, name: string): Distribution {
  if ("name" in value && "args" in value) {
    fail(
      name,
      `frozen scipy distributions (${JSON.stringify(value.name)}) are not supported: ` +
        'use ["normal", mu, sigma] or the object form {"kind": ...}',
    );
  }
  const kind = value.kind;
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) {
    fail(
      name,
      `unknown distribution kind ${JSON.stringify(kind) ?? "(missing)"}: use one of ` +
        KINDS.join(", "),
    );
  }
  const fields = FIELDS[kind as DistributionKind];
  for (const key of Object.keys(value)) {
    if (key !== "kind" && !fields.includes(key)) {
      fail(name, `unknown field '${key}' for kind '${kind}': expected ${fields.join(", ")}`);
    }
  }
  if (kind === "choice") {
    if (!Array.isArray(value.values)) fail(name, "choice needs a non-empty 'values' list");
    if (value.weights !== undefined && !Array.isArray(value.weights)) {
      fail(name, "choice 'weights' must be a list of numbers");
    }
    const d: Distribution = {
      kind: "choice",
      values: (value.values as unknown[]).map((v, i) =>
        requireOverrideValue(v, `perturb '${name}': values[${i}]`)
      ),
      ...(value.weights === undefined ? {} : { weights: value.weights as number[] }),
    };
    return validateDistribution(d, name);
  }
  const nums: Record<string, number> = {};
  for (const f of fields) {
    if (!(f in value)) fail(name, `${kind} needs '${f}' (fields: ${fields.join(", ")})`);
    nums[f] = numberParam(name, f, value[f]);
  }
  return validateDistribution(DistributionSchema.parse({ kind, ...nums }), name);
}

/**
 * The JSON form of a distribution: the Python tool's list form for normal, uniform and lognormal,
 * the object form for truncnormal and choice. {@link parseDistribution} reads it back unchanged.
 *
 * @param d The distribution.
 * @returns Its JSON value.
 */
export function distributionToJson(d: Distribution): DistributionJson {
  switch (d.kind) {
    case "normal":
    case "lognormal":
      return [d.kind, d.mu, d.sigma];
    case "uniform":
      return ["uniform", d.lo, d.hi];
    case "truncnormal":
      return { kind: "truncnormal", mu: d.mu, sigma: d.sigma, lo: d.lo, hi: d.hi };
    case "choice":
      return d.weights === undefined
        ? { kind: "choice", values: [...d.values] }
        : { kind: "choice", values: [...d.values], weights: [...d.weights] };
  }
}
