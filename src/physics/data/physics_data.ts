/**
 * The data the built-in engine's physics reads, behind one caller-held context: GMAT's data
 * files (gravity models, nutation, EOP, space weather) and the DE405 planetary ephemeris. Each
 * file is read and parsed at most once per context; a worker keeps one context for all its runs
 * (there is no module-level cache).
 *
 * @module
 */

import { createSpaceWeatherCache, type SpaceWeatherCache } from "../atmosphere/space_weather.ts";
import { EphemerisContext } from "../ephemeris/de_file.ts";
import { GmatDataSet } from "./gmat_data.ts";

/** Parsed physics data, loaded on first use. */
export class PhysicsData {
  /** GMAT's data files (`data/gmat/`). */
  readonly gmat: GmatDataSet;
  /** The planetary ephemeris (`data/ephemeris/`). */
  readonly ephemeris: EphemerisContext;
  /** Parsed space-weather files (CSSI, Schatten), by URL. */
  readonly spaceWeather: SpaceWeatherCache = createSpaceWeatherCache();

  /**
   * Creates an empty context; nothing is read until a force needs it.
   *
   * @param options Other locations of the data folders (defaults: the package's own).
   */
  constructor(options: { gmat?: GmatDataSet; ephemeris?: EphemerisContext } = {}) {
    this.gmat = options.gmat ?? new GmatDataSet();
    this.ephemeris = options.ephemeris ?? new EphemerisContext();
  }
}
