/**
 * Errors raised by the atmosphere models and their space-weather inputs.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/**
 * Thrown when an atmosphere model cannot give a density: a point below the surface, a height
 * outside the model's range (Jacchia-Roberts refuses 100 km and below, as GMAT does), or a
 * malformed model table (code `ATMOSPHERE`).
 */
export class AtmosphereError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message What is wrong, with the value at fault and how to fix it.
   */
  constructor(message: string) {
    super("ATMOSPHERE", message);
  }
}

/**
 * Thrown when a space-weather file (CSSI or Schatten) cannot be read or lacks the data an epoch
 * needs (code `SPACE_WEATHER`).
 */
export class SpaceWeatherError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message Which file and line, what was expected and how to fix it.
   */
  constructor(message: string) {
    super("SPACE_WEATHER", message);
  }
}

/** Thrown for a drag setting GMAT refuses: non-positive mass, negative Cd or area
 * (code `DRAG_SETTING`). */
export class DragSettingError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message Which setting, its value and the allowed range.
   */
  constructor(message: string) {
    super("DRAG_SETTING", message);
  }
}
