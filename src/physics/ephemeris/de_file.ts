/**
 * Loading the JPL DE405 data file shipped with gmat-sweep (`data/ephemeris/de405_1960_2060.bin`,
 * made by `scripts/make_de405.ts`, layout in `de_format.ts`) into a {@link DeFile}, and the
 * {@link EphemerisContext} that parses it at most once for whoever holds the context.
 *
 * The file is found relative to this module (`new URL(..., import.meta.url)`): read with
 * `Deno.readFile` for `file:` URLs, fetched otherwise. There is no module-level cache: a caller
 * that wants one parse per process keeps one context (or one `DeFile`) and passes it on.
 *
 * @module
 */

import { GMAT_MJD_JD_OFFSET } from "../constants.ts";
import { type DeBodyLayout, decodeHeader, type DeHeader } from "./de_format.ts";
import { EphemerisError } from "./ephemeris_error.ts";

/** The shipped DE405 data file (1960-2060). */
export const DE405_URL: URL = new URL(
  "../../../data/ephemeris/de405_1960_2060.bin",
  import.meta.url,
);

/** A parsed DE data file: header constants, body layout and all Chebyshev records. */
export interface DeFile {
  /** The header as stored in the file. */
  readonly header: DeHeader;
  /** Where the file came from (for messages). */
  readonly source: string;
  /** JPL DE number, e.g. 405. */
  readonly deNumber: number;
  /** Earth/Moon mass ratio of the ephemeris (81.30056 for DE405). */
  readonly emrat: number;
  /** Astronomical unit of the ephemeris, km. */
  readonly au: number;
  /** Start of the first record, GMAT MJD (JD - 2430000) in TDB. */
  readonly startMjd: number;
  /** End of the last record, GMAT MJD in TDB. */
  readonly endMjd: number;
  /** Days per record. */
  readonly spanDays: number;
  /** Number of records. */
  readonly recordCount: number;
  /** Doubles per record. */
  readonly recordLength: number;
  /** Layout per target in `DE_TARGETS` order. */
  readonly bodies: readonly DeBodyLayout[];
  /** All records, record r at [r * recordLength, (r + 1) * recordLength). Do not modify. */
  readonly coefficients: Float64Array;
}

/**
 * Parses the bytes of a DE data file.
 *
 * @param bytes The whole file.
 * @param source Its name or URL, for error messages.
 * @throws {EphemerisError} `EPHEMERIS_FILE` when the bytes are not a valid file.
 *
 * @example
 * ```ts
 * import { DE405_URL, parseDeFile } from "./de_file.ts";
 * const de = parseDeFile(await Deno.readFile(DE405_URL), DE405_URL.href);
 * de.emrat; // 81.30056
 * ```
 */
export function parseDeFile(bytes: Uint8Array, source: string): DeFile {
  const { header, recordsAt } = decodeHeader(bytes, source);
  const count = header.recordCount * header.recordLength;
  const coefficients = new Float64Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset + recordsAt, 8 * count);
  for (let k = 0; k < count; k++) coefficients[k] = view.getFloat64(8 * k, true);
  const startMjd = header.startJd - GMAT_MJD_JD_OFFSET;
  return Object.freeze({
    header,
    source,
    deNumber: header.deNumber,
    emrat: header.emrat,
    au: header.au,
    startMjd,
    endMjd: startMjd + header.recordCount * header.spanDays,
    spanDays: header.spanDays,
    recordCount: header.recordCount,
    recordLength: header.recordLength,
    bodies: header.bodies,
    coefficients,
  });
}

/**
 * Reads and parses a DE data file.
 *
 * @param url The file (default: the shipped DE405 file).
 * @throws {EphemerisError} `EPHEMERIS_FILE` when it cannot be read or is not valid.
 */
export async function loadDeFile(url: URL = DE405_URL): Promise<DeFile> {
  let bytes: Uint8Array;
  try {
    if (url.protocol === "file:") {
      bytes = await Deno.readFile(url);
    } else {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    }
  } catch (cause) {
    throw new EphemerisError(
      "EPHEMERIS_FILE",
      `Cannot read the planetary ephemeris ${url.href}: ${(cause as Error).message}; it ships ` +
        "with gmat-sweep (regenerate with `deno run -A scripts/make_de405.ts`)",
      { cause },
    );
  }
  return parseDeFile(bytes, url.href);
}

/**
 * Holds the DE405 ephemeris for one caller: the file is read and parsed on first use and then
 * shared by everything given this context.
 *
 * @example
 * ```ts
 * import { EphemerisContext } from "./de_file.ts";
 * const context = new EphemerisContext();
 * const de = await context.de405(); // parsed once; later calls return the same DeFile
 * ```
 */
export class EphemerisContext {
  /** Where the DE405 file is read from. */
  readonly url: URL;
  #de405: Promise<DeFile> | undefined;

  /** @param url The DE405 data file (default: the shipped one). */
  constructor(url: URL = DE405_URL) {
    this.url = url;
  }

  /** The parsed DE405 file (read on the first call). */
  de405(): Promise<DeFile> {
    if (!this.#de405) {
      this.#de405 = loadDeFile(this.url);
      // A failed load is not kept: the next call tries again.
      this.#de405.catch(() => (this.#de405 = undefined));
    }
    return this.#de405;
  }
}
