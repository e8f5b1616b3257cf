/**
 * The shape of a compiled mission-sequence command.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { Runtime } from "../runtime.ts";

/** A mission command ready to run. */
export interface Command {
  /** The command keyword, e.g. `Propagate`. */
  readonly name: string;
  /** Where it is in the script. */
  readonly pos: SourcePos;
  /** Execute it. */
  run(rt: Runtime): Promise<void> | void;
}

/** Error raised while a command runs (integration failure, invalid state...). */
export class MissionRunError extends Error {
  constructor(
    readonly command: string,
    readonly pos: SourcePos,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${pos.file}:${pos.line}: ${command}: ${message}`, options);
    this.name = "MissionRunError";
  }
}
