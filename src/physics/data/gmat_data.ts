/**
 * Loads the GMAT data files shipped in `data/gmat/` (gravity models, nutation series, EOP) from a
 * location relative to this module, and parses each at most once per {@link GmatDataSet} - a
 * context object the caller creates and keeps (there is no module-level cache).
 *
 * `file:` URLs are read with `Deno.readTextFile`; other URLs (e.g. when the package is served over
 * https) with `fetch`.
 *
 * @module
 */

import { DataFileError } from "./data_file_error.ts";
import { type CofLoadLimits, type GravityCoefficients, parseCofFile } from "../gravity/cof_file.ts";
import { type NutationSeries, parseNutationFile } from "../frames/nutation_data.ts";
import { type EopTable, parseEopFile } from "../frames/eop_data.ts";
import type { EarthOrientationData } from "../frames/earth_fixed.ts";

/** The default location of the data files: `<package>/data/gmat/`. */
export const GMAT_DATA_URL: URL = new URL("../../../data/gmat/", import.meta.url);

/** Path of the nutation file below the data folder. */
export const NUTATION_FILE = "planetary_coeff/NUTATION.DAT";
/** Path of the EOP file below the data folder. */
export const EOP_FILE = "planetary_coeff/eopc04_08.62-now";
/** Folder of Earth gravity models below the data folder. */
export const EARTH_GRAVITY_FOLDER = "gravity/earth/";

/**
 * Reads a text file below a data folder URL.
 *
 * @param path Relative path below `base` (no `..` segments).
 * @param base The data folder URL (ending in `/`).
 * @throws {DataFileError} `DATA_FILE_MISSING` when the file cannot be read.
 */
export async function readDataText(path: string, base: URL = GMAT_DATA_URL): Promise<string> {
  if (path.split("/").includes("..") || path.startsWith("/")) {
    throw new DataFileError(
      "DATA_FILE_MISSING",
      path,
      `Data file path '${path}' must be relative to the data folder and must not contain '..'`,
    );
  }
  const url = new URL(path, base);
  try {
    if (url.protocol === "file:") return await Deno.readTextFile(url);
    const response = await fetch(url);
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} ${response.statusText}`);
    }
    return await response.text();
  } catch (cause) {
    throw new DataFileError(
      "DATA_FILE_MISSING",
      path,
      `Cannot read GMAT data file ${url.href}: ${(cause as Error).message}. The files ship in ` +
        "the package's data/gmat/ folder (see data/gmat/PROVENANCE.md); check that it is " +
        "present and readable (deno run --allow-read)",
      { cause },
    );
  }
}

/**
 * A caller-held set of parsed GMAT data files: each file is read and parsed at most once per
 * instance (concurrent requests share the same promise).
 *
 * @example Load JGM-2 to 4x4 and the Earth orientation data
 * ```ts
 * import { GmatDataSet } from "./gmat_data.ts";
 * const data = new GmatDataSet();
 * const jgm2 = await data.gravity("JGM2.cof", { maxDegree: 4, maxOrder: 4 });
 * const orientation = await data.earthOrientation();
 * ```
 */
export class GmatDataSet {
  /** The data folder URL. */
  readonly base: URL;
  readonly #cache = new Map<string, Promise<unknown>>();

  /**
   * Creates an empty set.
   *
   * @param base Data folder URL (default: the package's `data/gmat/`).
   */
  constructor(base: URL = GMAT_DATA_URL) {
    this.base = base;
  }

  #once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.#cache.get(key) as Promise<T> | undefined;
    if (entry === undefined) {
      entry = load();
      this.#cache.set(key, entry);
      // A failed load may be retried later.
      entry.catch(() => this.#cache.delete(key));
    }
    return entry;
  }

  /**
   * A gravity model's coefficients. A bare file name (`JGM2.cof`) is looked up in
   * `gravity/earth/`; a name with `/` is taken relative to the data folder.
   *
   * @param file File name or relative path.
   * @param limits Degree/order limits to load (saves memory for EGM-96).
   */
  gravity(file: string, limits: CofLoadLimits = {}): Promise<GravityCoefficients> {
    const path = file.includes("/") ? file : EARTH_GRAVITY_FOLDER + file;
    const key = `cof:${path}:${limits.maxDegree ?? ""}:${limits.maxOrder ?? ""}`;
    return this.#once(key, async () => {
      const name = path.slice(path.lastIndexOf("/") + 1);
      return parseCofFile(await readDataText(path, this.base), name, limits);
    });
  }

  /** The IAU-1980 nutation series from `NUTATION.DAT`. */
  nutation(): Promise<NutationSeries> {
    return this.#once("nutation", async () => {
      return parseNutationFile(await readDataText(NUTATION_FILE, this.base), "NUTATION.DAT");
    });
  }

  /** The EOP table from `eopc04_08.62-now`. */
  eop(): Promise<EopTable> {
    return this.#once("eop", async () => {
      return parseEopFile(await readDataText(EOP_FILE, this.base), "eopc04_08.62-now");
    });
  }

  /** Nutation series and EOP table together. */
  async earthOrientation(): Promise<EarthOrientationData> {
    const [nutation, eop] = await Promise.all([this.nutation(), this.eop()]);
    return Object.freeze({ nutation, eop });
  }
}
