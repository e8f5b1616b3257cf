/**
 * GUI-only subscribers (OrbitView, XYPlot, GroundTrackPlot, ...). GmatConsole draws nothing, and
 * neither does the built-in engine: their fields are accepted and ignored, with a warning, since
 * they change neither the physics nor any output file.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** Type names treated as display-only. */
export const DISPLAY_TYPES = new Set([
  "OrbitView",
  "XYPlot",
  "GroundTrackPlot",
  "OpenGLPlot",
  "OpenFramesInterface",
  "OpenFramesView",
  "OpenFramesVector",
  "OpenFramesSensorMask",
  "DynamicDataDisplay",
]);

/** A display-only resource. */
export class DisplayResource extends Resource {
  constructor(
    readonly typeName: string,
    ...rest: ConstructorParameters<typeof Resource>
  ) {
    super(...rest);
  }

  knownFields(): readonly string[] {
    return [];
  }

  set(path: readonly string[], _v: FieldValue, pos: SourcePos): void {
    this.mark(path, pos);
  }
}
