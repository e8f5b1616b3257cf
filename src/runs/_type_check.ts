/**
 * Compile-time type assertions, for keeping hand-written public types (which document well) in
 * step with the zod schemas that validate the same records.
 *
 * @module
 */

/** `true` when `A` and `B` are the same type (not merely mutually assignable), else `false`. */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2)
  ? true
  : false;

/** Compiles only when `T` is `true`: `type _Check = Assert<SameType<X, z.infer<typeof S>>>`. */
export type Assert<T extends true> = T;
