/**
 * Space-weather data for GMAT's drag atmospheres: readers for the CSSI space-weather file and the
 * Schatten predict file as GMAT's `SolarFluxReader` reads them, the settings that choose between
 * files and constants (GMAT's `HistoricWeatherSource` / `PredictedWeatherSource`), and loading of
 * the files shipped in `data/gmat/atmosphere/earth/`, parsed once per caller-held cache.
 *
 * CSSI (`LoadCSSIHistoric`, `LoadCSSIPredict`): observed records are the lines after the first
 * line containing `BEGIN OBSERVED` up to one containing `END OBSERVED`; predicted records are the
 * lines after `BEGIN DAILY_PREDICTED` up to `END MONTHLY_FIT` (daily, then monthly predictions; a
 * line is kept only if its date is later than the previous kept line, so the MONTHLY_FIT block
 * repeats nothing; older files whose monthly predictions leave Kp/Ap blank end the predictions
 * at the last line carrying them). Fields: whitespace tokens for the date, the eight 3-hourly
 * Kp (file value / 10), the eight 3-hourly Ap and the daily Ap; from column 92 on, read as C++
 * streams read them, adjusted F10.7, its quality flag, adjusted centred 81-day average, adjusted
 * last-81-day average (dropped), observed F10.7 and observed centred 81-day average. A record's epoch is 00:00 UTC of its date as a GMAT MJD.
 *
 * Schatten (`LoadSchattenData`): one line per month `mo yr` then mean, +2 sigma, -2 sigma F10.7
 * and Ap for nominal, early and late cycle timing; the record epoch is the mid-month
 * `(MJD(1st) + MJD(1st of next month)) / 2 - 0.5`.
 *
 * The lookup rules that turn records into model inputs are in `space_weather_rules.ts`.
 *
 * @module
 */

import { GMAT_MJD_JD_OFFSET } from "../constants.ts";
import { SpaceWeatherError } from "./atmosphere_error.ts";

/** One day (or month) of a CSSI space-weather file. */
export interface CssiRecord {
  /** 00:00 UTC of the record's date, GMAT MJD. */
  readonly epoch: number;
  /** Position in its list (observed or predicted). */
  readonly id: number;
  /** The eight 3-hourly Kp values (file value / 10). */
  readonly kp: readonly number[];
  /** The eight 3-hourly Ap values. */
  readonly ap: readonly number[];
  /** Daily Ap. */
  readonly apAvg: number;
  /** Adjusted (1 AU) F10.7, sfu. */
  readonly adjF107: number;
  /** Adjusted centred 81-day average F10.7, sfu. */
  readonly adjCtrF107a: number;
  /** Observed F10.7, sfu. */
  readonly obsF107: number;
  /** Observed centred 81-day average F10.7, sfu. */
  readonly obsCtrF107a: number;
}

/** The parsed CSSI file. */
export interface CssiData {
  /** Observed records, one per day. */
  readonly observed: readonly CssiRecord[];
  /** Daily then monthly predicted records. */
  readonly predicted: readonly CssiRecord[];
}

/** One month of a Schatten predict file. */
export interface SchattenRecord {
  /** Mid-month epoch, GMAT MJD (see the module doc). */
  readonly epoch: number;
  /** Position in the file's data. */
  readonly id: number;
  /**
   * F10.7 columns in file order: nominal timing mean, +2 sigma, -2 sigma; early timing mean,
   * +2 sigma, -2 sigma; late timing mean, +2 sigma, -2 sigma.
   */
  readonly f107: readonly number[];
  /** Ap for nominal, early and late timing. */
  readonly ap: readonly number[];
}

/** GMAT's historic weather sources. */
export type HistoricWeatherSource = "ConstantFluxAndGeoMag" | "CSSISpaceWeatherFile";
/** GMAT's predicted weather sources. */
export type PredictedWeatherSource =
  | "ConstantFluxAndGeoMag"
  | "CSSISpaceWeatherFile"
  | "SchattenFile";
/** GMAT's `SchattenTimingModel` values. */
export type SchattenTiming = "NominalCycle" | "EarlyCycle" | "LateCycle";
/** GMAT's `SchattenErrorModel` values. */
export type SchattenError = "Nominal" | "PlusTwoSigma" | "MinusTwoSigma";

/** The drag force's space-weather settings, with GMAT's defaults when omitted. */
export interface SpaceWeatherSettings {
  /** Source before the end of the observed data (default `ConstantFluxAndGeoMag`). */
  readonly historic?: HistoricWeatherSource;
  /** Source after it (default `ConstantFluxAndGeoMag`). */
  readonly predicted?: PredictedWeatherSource;
  /** Constant F10.7 (default 150). */
  readonly f107?: number;
  /** Constant F10.7A (default 150). */
  readonly f107a?: number;
  /** Constant Kp, GMAT's `MagneticIndex` (default 3). */
  readonly kp?: number;
  /** Schatten timing (default `NominalCycle`). */
  readonly schattenTiming?: SchattenTiming;
  /** Schatten magnitude (default `Nominal`). */
  readonly schattenError?: SchattenError;
  /** CSSI file (default the shipped `SpaceWeather-All-v1.2.txt`). */
  readonly cssiFile?: URL;
  /** Schatten file (default the shipped `SchattenPredict.txt`). */
  readonly schattenFile?: URL;
}

/** The shipped CSSI file. */
export const DEFAULT_CSSI_FILE = new URL(
  "../../../data/gmat/atmosphere/earth/SpaceWeather-All-v1.2.txt",
  import.meta.url,
);
/** The shipped Schatten file. */
export const DEFAULT_SCHATTEN_FILE = new URL(
  "../../../data/gmat/atmosphere/earth/SchattenPredict.txt",
  import.meta.url,
);
/** The shipped exponential-atmosphere file. */
export const DEFAULT_EXPONENTIAL_FILE = new URL(
  "../../../data/gmat/atmosphere/earth/EarthExponentialAtmosphereData.txt",
  import.meta.url,
);

/** GMAT MJD of 00:00 UTC on a proleptic Gregorian date (GMAT's `ModifiedJulianDate`). */
export function gmatMjdOfDate(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jdn = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) -
    Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  return jdn - 0.5 - GMAT_MJD_JD_OFFSET;
}

/**
 * Reads fields as C++ `operator>>` does (GMAT reads the F10.7 columns that way): an integer stops
 * at a decimal point, leaving the fraction for the next real. A field that cannot be read yields
 * NaN, as does every field after it.
 */
function streamFields(text: string, kinds: readonly ("int" | "real")[]): number[] {
  const intRe = /^\s*[+-]?\d+/;
  const realRe = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
  let rest = text;
  let failed = false;
  return kinds.map((kind) => {
    const m = failed ? null : (kind === "int" ? intRe : realRe).exec(rest);
    if (!m) {
      failed = true;
      return NaN;
    }
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  });
}

function cssiRecord(line: string, id: number, source: string, lineNo: number): CssiRecord {
  const head = line.trim().split(/\s+/);
  const n = (s: string | undefined) => (s === undefined || s === "" ? NaN : Number(s));
  const nums = head.slice(0, 23).map(n);
  const tailNums = streamFields(line.slice(92), ["real", "int", "real", "real", "real", "real"]);
  if (nums.length < 23 || tailNums.length < 6 || [...nums, ...tailNums].some((v) => !isFinite(v))) {
    throw new SpaceWeatherError(
      `${source} line ${lineNo} is not a CSSI data line (expected date, BSRN, ND, 8 Kp, sum, ` +
        `8 Ap, daily Ap, then from column 93 adjusted and observed F10.7 columns): "${line}". ` +
        `Use an unmodified CelesTrak/CSSI SpaceWeather file.`,
    );
  }
  return Object.freeze({
    epoch: gmatMjdOfDate(nums[0], nums[1], nums[2]),
    id,
    kp: Object.freeze(nums.slice(5, 13).map((v) => v / 10)),
    ap: Object.freeze(nums.slice(14, 22)),
    apAvg: nums[22],
    adjF107: tailNums[0],
    adjCtrF107a: tailNums[2],
    obsF107: tailNums[4],
    obsCtrF107a: tailNums[5],
  });
}

/** Reads one block of CSSI lines from `start` until a line containing `endTag`. */
function cssiBlock(
  lines: readonly string[],
  beginTag: string,
  endTag: string,
  minLength: number,
  source: string,
  stopAtBlankIndices = false,
): CssiRecord[] {
  const begin = lines.findIndex((l) => l.includes(beginTag));
  if (begin < 0) {
    throw new SpaceWeatherError(
      `${source} has no "${beginTag}" line; it is not a CSSI space-weather file (give ` +
        `SpaceWeather-All-v1.2.txt or a later CSSI file).`,
    );
  }
  const records: CssiRecord[] = [];
  let last = -Infinity;
  for (let i = begin + 1; i < lines.length && !lines[i].includes(endTag); i++) {
    if (lines[i].length <= minLength) continue;
    const head = lines[i].trim().split(/\s+/);
    // Older CSSI files (e.g. GMAT's sample CSSI_2004To2026.txt) leave the Kp/Ap columns of
    // their monthly predictions blank; GMAT's stream reader reads undefined values there. The
    // predictions end at the last line that carries the geomagnetic indices.
    if (stopAtBlankIndices && lines[i].slice(20, 70).trim() === "") break;
    const epoch = gmatMjdOfDate(Number(head[0]), Number(head[1]), Number(head[2]));
    if (!(epoch > last)) continue;
    last = epoch;
    records.push(cssiRecord(lines[i], records.length, source, i + 1));
  }
  return records;
}

/**
 * Parses a CSSI space-weather file as GMAT does.
 *
 * @param text The file text.
 * @param source The file's name for error messages.
 */
export function parseCssiSpaceWeather(text: string, source = "CSSI space-weather file"): CssiData {
  const lines = text.split(/\r?\n/);
  const observed = cssiBlock(lines, "BEGIN OBSERVED", "END OBSERVED", 8, source);
  const hasPredict = lines.some((l) => l.includes("BEGIN DAILY_PREDICTED"));
  const predicted = hasPredict
    ? cssiBlock(lines, "BEGIN DAILY_PREDICTED", "END MONTHLY_FIT", 60, source, true)
    : [];
  if (observed.length === 0) {
    throw new SpaceWeatherError(`${source} has no observed records between BEGIN/END OBSERVED.`);
  }
  return Object.freeze({ observed: Object.freeze(observed), predicted: Object.freeze(predicted) });
}

/**
 * Parses a Schatten predict file as GMAT does (header lines skipped, reading stops at
 * `END_DATA`, lines with fewer than 14 fields are skipped as GMAT warns and skips them).
 *
 * @param text The file text.
 * @param source The file's name for error messages.
 */
export function parseSchattenPredict(
  text: string,
  source = "Schatten predict file",
): readonly SchattenRecord[] {
  const records: SchattenRecord[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (
      line.includes("NOMINAL TIMING") || line.includes("BEGIN_DATA") ||
      (line.includes("mean") && line.includes("+2sig") && line.includes("-2sig"))
    ) continue;
    if (line.includes("END_DATA")) break;
    const tokens = line.trim().split(/\s+/).filter((t) => t !== "");
    if (tokens.length < 14) continue;
    const v = tokens.slice(0, 14).map(Number);
    if (v.some((x) => !isFinite(x)) || v[0] < 1 || v[0] > 12) {
      throw new SpaceWeatherError(
        `${source}: line "${line}" is not "month year" followed by 12 numbers; use an ` +
          `unmodified Schatten predict file.`,
      );
    }
    const [month, year] = v;
    const mjd = gmatMjdOfDate(year, month, 1);
    const next = month === 12 ? gmatMjdOfDate(year + 1, 1, 1) : gmatMjdOfDate(year, month + 1, 1);
    records.push(Object.freeze({
      epoch: (mjd + next) * 0.5 - 0.5,
      id: records.length,
      f107: Object.freeze([v[2], v[3], v[4], v[6], v[7], v[8], v[10], v[11], v[12]]),
      ap: Object.freeze([v[5], v[9], v[13]]),
    }));
  }
  if (records.length === 0) {
    throw new SpaceWeatherError(`${source} holds no monthly predictions before END_DATA.`);
  }
  return Object.freeze(records);
}

/**
 * Reads a text file given by URL: `Deno.readTextFile` for `file:` URLs, `fetch` otherwise.
 *
 * @param url The file.
 */
export async function readText(url: URL): Promise<string> {
  try {
    if (url.protocol === "file:") return await Deno.readTextFile(url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.text();
  } catch (cause) {
    throw new SpaceWeatherError(
      `Cannot read ${url.href}: ${(cause as Error).message}. Check that the data file exists ` +
        `(the shipped copies are in data/gmat/atmosphere/earth/).`,
    );
  }
}

/**
 * A caller-held cache of parsed space-weather files: each file is read and parsed once per cache.
 * Create one per engine or run set; the module itself keeps no state.
 */
export interface SpaceWeatherCache {
  /** Parsed files by URL. */
  readonly files: Map<string, Promise<unknown>>;
}

/** Creates an empty {@link SpaceWeatherCache}. */
export function createSpaceWeatherCache(): SpaceWeatherCache {
  return { files: new Map() };
}

function cached<T>(cache: SpaceWeatherCache, url: URL, parse: (text: string) => T): Promise<T> {
  const key = url.href;
  let entry = cache.files.get(key) as Promise<T> | undefined;
  if (entry === undefined) {
    entry = readText(url).then(parse);
    cache.files.set(key, entry);
    entry.catch(() => cache.files.delete(key));
  }
  return entry;
}

/** Reads and parses a CSSI file through the cache. */
export function loadCssi(
  cache: SpaceWeatherCache,
  url: URL = DEFAULT_CSSI_FILE,
): Promise<CssiData> {
  return cached(cache, url, (t) => parseCssiSpaceWeather(t, url.pathname));
}

/** Reads and parses a Schatten file through the cache. */
export function loadSchatten(
  cache: SpaceWeatherCache,
  url: URL = DEFAULT_SCHATTEN_FILE,
): Promise<readonly SchattenRecord[]> {
  return cached(cache, url, (t) => parseSchattenPredict(t, url.pathname));
}
