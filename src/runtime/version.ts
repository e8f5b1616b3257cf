/**
 * The package version: recorded in manifest headers, stitched tables and archives, printed by
 * `gmat-sweep --version`. It lives in the lowest layer so every layer may read it.
 *
 * @module
 */

/** gmat-sweep's version (keep in step with deno.json). */
export const GMAT_SWEEP_VERSION = "0.1.0";
