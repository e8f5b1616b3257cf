/**
 * The package version recorded in manifest headers.
 *
 * @module
 */

/** gmat-sweep's version (keep in step with deno.json). */
export const GMAT_SWEEP_VERSION = "0.1.0";
