/**
 * Choosing the engine of a sweep: `builtin`, `gmat` (a located install), or `auto` (real GMAT
 * when one is found, the built-in engine otherwise), and how it is described in the manifest:
 * for GMAT the release (from the install's files), where it came from, GmatConsole's build date
 * and the console mode (one interactive console per worker, or a process per run).
 *
 * @module
 */

import { BUILTIN_ENGINE_VERSION } from "../engine/mod.ts";
import { type GmatConsoleMode, gmatEngineRecord, locateGmat } from "../gmat/mod.ts";
import type { EngineInfo } from "../manifest/mod.ts";
import type { EngineChoice } from "../pool/job.ts";

/** A resolved engine. */
export interface ResolvedEngine {
  /** What workers are told. */
  readonly choice: EngineChoice;
  /** What the manifest header records. */
  readonly info: EngineInfo;
  /** Version label (`gmat_install_version`). */
  readonly version: string;
}

/** Options of {@link resolveEngine}. */
export interface ResolveEngineOptions {
  /** How GmatConsole runs the scripts. @default {"interactive"} */
  readonly consoleMode?: GmatConsoleMode;
  /** Runs an interactive GmatConsole does before it is replaced. @default {1000} */
  readonly restartEvery?: number;
}

/**
 * Resolve an engine request.
 *
 * @param request `auto`, `builtin` or `gmat`.
 * @param gmatRoot An explicit GMAT root (for `gmat` and `auto`).
 * @param options The GmatConsole mode.
 * @throws {GmatSweepError} `GMAT_NOT_FOUND` when `gmat` is requested and none is found.
 */
export async function resolveEngine(
  request: "auto" | "builtin" | "gmat",
  gmatRoot?: string,
  options: ResolveEngineOptions = {},
): Promise<ResolvedEngine> {
  if (request !== "builtin") {
    let install;
    try {
      install = await locateGmat(gmatRoot ? { root: gmatRoot } : {});
    } catch (e) {
      if (request === "gmat" || gmatRoot) throw e;
    }
    if (install !== undefined) {
      const mode = options.consoleMode ?? "interactive";
      const record = await gmatEngineRecord(install, mode);
      return {
        choice: {
          kind: "gmat",
          root: install.root,
          console: mode,
          ...(options.restartEvery === undefined ? {} : { restartEvery: options.restartEvery }),
        },
        info: record,
        version: record.version,
      };
    }
  }
  return {
    choice: { kind: "builtin" },
    info: { kind: "builtin", version: BUILTIN_ENGINE_VERSION },
    version: BUILTIN_ENGINE_VERSION,
  };
}
