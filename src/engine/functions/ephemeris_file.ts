/**
 * Reading the ephemeris file a spacecraft names (`Sat.EphemerisName`).
 *
 * GMAT reads a relative name from its `bin` directory, so `../data/...` is a file of GMAT's data
 * directory. The engine reads a relative name from the directory of the script that set it (a
 * script in GMAT's `samples` folder reaches GMAT's data directory the same way); when nothing is
 * there and the name is GMAT's `../data/<path>`, it reads the engine's copy of GMAT's data
 * (`data/gmat/<path>`, see `data/gmat/PROVENANCE.md`). Absolute names are read as they are.
 *
 * @module
 */

import { isAbsolute, resolve } from "node:path";
import { DataFileError } from "../../physics/data/data_file_error.ts";
import { readDataText } from "../../physics/data/gmat_data.ts";

/** A file's text and where it was read. */
export interface EphemerisFileText {
  /** The text. */
  readonly text: string;
  /** The path or URL it was read from, for messages. */
  readonly from: string;
}

/** GMAT's data-directory form: `../data/<path below data/>`. */
const GMAT_DATA_NAME = /^\.\.\/data\/(.+)$/;

/**
 * Read the ephemeris file `name` as GMAT would find it (see the module doc).
 *
 * @param name The `EphemerisName` as written.
 * @param scriptDir The directory of the script that set it.
 * @param dataBase The engine's copy of GMAT's data directory (a URL ending in `/`).
 * @returns The text and where it came from.
 * @throws {DataFileError} `DATA_FILE_MISSING` when no candidate can be read (the message lists
 *   the places tried).
 */
export async function readEphemerisFile(
  name: string,
  scriptDir: string,
  dataBase: URL,
): Promise<EphemerisFileText> {
  const clean = name.trim().replace(/\\/g, "/");
  const path = isAbsolute(clean) ? clean : resolve(scriptDir, clean);
  try {
    return { text: await Deno.readTextFile(path), from: path };
  } catch (cause) {
    const shipped = GMAT_DATA_NAME.exec(clean)?.[1];
    if (shipped === undefined) {
      throw new DataFileError(
        "DATA_FILE_MISSING",
        name,
        `Cannot read the ephemeris file '${name}' (${path}): ${(cause as Error).message}. ` +
          "Relative names are read from the script's directory; check Spacecraft.EphemerisName",
        { cause },
      );
    }
    try {
      return { text: await readDataText(shipped, dataBase), from: new URL(shipped, dataBase).href };
    } catch (e) {
      throw new DataFileError(
        "DATA_FILE_MISSING",
        name,
        `Cannot read the ephemeris file '${name}': not at ${path}, and data/gmat/${shipped} ` +
          "is not among the GMAT data files the engine ships (data/gmat/PROVENANCE.md). Copy " +
          "the file beside the script and name it relative to the script's directory",
        { cause: e },
      );
    }
  }
}
