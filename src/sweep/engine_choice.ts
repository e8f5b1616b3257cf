/**
 * Choosing the engine of a sweep: `builtin`, `gmat` (a located install), or `auto` (real GMAT
 * when one is found, the built-in engine otherwise), and how it is described in the manifest.
 *
 * @module
 */

import { BUILTIN_ENGINE_VERSION } from "../engine/mod.ts";
import { describeInstall, locateGmat } from "../gmat/mod.ts";
import { GmatSweepError } from "../errors/mod.ts";
import type { EngineChoice } from "../pool/job.ts";

/** A resolved engine. */
export interface ResolvedEngine {
  /** What workers are told. */
  readonly choice: EngineChoice;
  /** What the manifest header records. */
  readonly info: { kind: "builtin" | "gmat"; version: string; path?: string };
  /** Version label (`gmat_install_version`). */
  readonly version: string;
}

/**
 * Resolve an engine request.
 *
 * @param request `auto`, `builtin` or `gmat`.
 * @param gmatRoot An explicit GMAT root (for `gmat` and `auto`).
 * @throws {GmatSweepError} `GMAT_NOT_FOUND` when `gmat` is requested and none is found.
 */
export async function resolveEngine(
  request: "auto" | "builtin" | "gmat",
  gmatRoot?: string,
): Promise<ResolvedEngine> {
  if (request !== "builtin") {
    try {
      const install = await locateGmat(gmatRoot ? { root: gmatRoot } : {});
      const info = describeInstall(install);
      return {
        choice: { kind: "gmat", root: install.root },
        info: { kind: "gmat", version: info.version ?? "unknown", path: install.root },
        version: info.version ?? "unknown",
      };
    } catch (e) {
      if (request === "gmat" || gmatRoot) {
        if (e instanceof GmatSweepError) throw e;
        throw e;
      }
    }
  }
  return {
    choice: { kind: "builtin" },
    info: { kind: "builtin", version: BUILTIN_ENGINE_VERSION },
    version: BUILTIN_ENGINE_VERSION,
  };
}
