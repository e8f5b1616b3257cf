/**
 * GMAT's rules for turning space-weather records into atmosphere-model inputs at an epoch
 * (`AtmosphereModel::GetInputs`, `JacchiaRobertsAtmosphere::JacchiaRoberts`, and
 * `SolarFluxReader::GetInputs`, `PrepareApData`, `PrepareKpData`, `FillRecord`, `LoadAPArray`),
 * reproduced with their quirks. All epochs are UTC GMAT MJDs (GMAT converts the A1 epoch to UTC
 * before the lookup).
 *
 * Source switch: before the end of the historic span the historic source is used, after it the
 * predicted one. The historic span ends one day after the last observed CSSI record; with constant
 * historic data it ends where the predicted file starts.
 *
 * MSISE-90 (`msiseWeather`), observed data: the record of the epoch's UTC day D; F10.7 is
 * interpolated linearly in time between observed F10.7 values pinned at 20:00 UTC (the record's
 * 00:00 + 8 h + 12 h; 17:00 before 1991-05-31), the value at 20:00 of day k being F10.7(k - 1), so
 * it is the previous day's flux lagged; F10.7A is the observed centred 81-day average of day D,
 * or of D - 1 before 08:00 UTC (05:00 before 1991-05-31); Ap[0] is day D's daily Ap, Ap[1..4] the
 * 3-hourly Ap of the current and the three previous 3-hour bins, Ap[5] and Ap[6] the means of the
 * eight bins 12-33 h and 36-57 h before. (These differ from Ap[0], so GMAT's MSISE-90 switches to
 * its 3-hourly Ap mode, SW(9) = -1, and uses Ap[1..6]; see `msise90.ts`.) Predicted CSSI data:
 * every Ap bin from the record one day before the epoch, F10.7 from the day before the F10.7 day
 * and F10.7A from that day. Schatten: F10.7 = F10.7A interpolated linearly between mid-month
 * values, Ap the month's value.
 *
 * Jacchia-Roberts (`jacchiaWeather`), observed data: Kp is the 3-hourly value 6.7 hours before
 * the epoch; F10.7 and F10.7A are both the previous day's (day D - 1, or D - 2 before 08:00 UTC),
 * with no interpolation. Schatten: F10.7 = F10.7A = the month's value, Kp from its Ap.
 *
 * Constants: F10.7, F10.7A, Kp as set; MSISE-90's Ap is GMAT's table value for Kp (Kp 3 -> 15).
 *
 * @module
 */

import { AtmosphereError } from "./atmosphere_error.ts";
import {
  type CssiData,
  loadCssi,
  loadSchatten,
  type SchattenError,
  type SchattenRecord,
  type SchattenTiming,
  type SpaceWeatherCache,
  type SpaceWeatherSettings,
} from "./space_weather.ts";

/** MSISE-90 inputs: F10.7 (previous day), F10.7A (81-day) and the 7-element Ap array. */
export interface MsiseWeather {
  readonly f107: number;
  readonly f107a: number;
  /** Daily Ap, the four 3-hourly values, and the two 8-bin averages (MSIS order). */
  readonly ap: readonly number[];
}

/** Jacchia-Roberts inputs. */
export interface JacchiaWeather {
  readonly f107: number;
  readonly f107a: number;
  readonly kp: number;
}

/** A record as GMAT's `FluxData` holds it (CSSI or Schatten). */
interface Rec {
  readonly epoch: number;
  readonly id: number;
  /** GMAT's `index` field: set by the lookup; -1 marks Schatten data in range. */
  readonly index: number;
  readonly isHist: boolean;
  readonly kp: readonly number[];
  readonly ap: readonly number[];
  readonly apAvg: number;
  readonly obsF107: number;
  readonly obsCtrF107a: number;
  /** Schatten F10.7 columns (CSSI predicted: the observed F10.7 nine times). */
  readonly f107s: readonly number[];
  /** Schatten Ap columns. */
  readonly apS: readonly number[];
}

/** Everything the rules need, fixed once the files are read. */
export interface SpaceWeatherSource {
  /** 0 constants, 1 CSSI. */
  readonly historic: 0 | 1;
  /** 0 constants, 1 CSSI, 2 Schatten. */
  readonly predicted: 0 | 1 | 2;
  readonly f107: number;
  readonly f107a: number;
  readonly kp: number;
  /** Constant Ap (GMAT's table value for Kp). */
  readonly ap: number;
  /** @internal Observed records. */
  readonly hist: readonly Rec[];
  /** @internal Predicted records (CSSI or Schatten). */
  readonly pred: readonly Rec[];
  /** @internal Reader spans, GMAT MJD. */
  readonly readerHistoricStart: number;
  readonly readerHistoricEnd: number;
  readonly historicDailyEnd: number;
  readonly predictStart: number;
  readonly predictEnd: number;
  /** @internal End of the historic span the model switches on. */
  readonly modelHistoricEnd: number;
  readonly fluxIndex: number;
  readonly apIndex: number;
}

/** GMAT MJD of 1991-05-31 (`f107RefEpoch`), when F10.7 moved from 17:00 to 20:00 UTC. */
const F107_REF_EPOCH = 18408.0;

/** GMAT's Kp -> Ap table (Vallado 3rd ed. Table 8-3), indexed by int((Kp + 0.01) * 3). */
const KP_TO_AP = [
  0,
  2,
  3,
  4,
  5,
  6,
  7,
  9,
  12,
  15,
  18,
  22,
  27,
  32,
  39,
  48,
  56,
  67,
  80,
  94,
  111,
  132,
  154,
  179,
  207,
  236,
  300,
  400,
];

/** GMAT's `ConvertKpToAp` (table method, its default); 15 outside the table. */
export function kpToAp(kp: number): number {
  const index = Math.trunc((kp + 0.01) * 3);
  return KP_TO_AP[index] ?? 15;
}

/** GMAT's `ConvertApToKp`: linear interpolation in the same table. */
export function apToKp(ap: number): number {
  const kps = [0, 0.33, 0.67, 1, 1.33, 1.67, 2, 2.33, 2.67, 3, 3.33, 3.67, 4, 4.33, 4.67, 5];
  const kpsHigh = [5.33, 5.67, 6, 6.33, 6.67, 7, 7.33, 7.67, 8, 8.33, 8.67, 9];
  const k = [...kps, ...kpsHigh];
  let i = 1;
  while (i < KP_TO_AP.length - 1 && ap > KP_TO_AP[i]) i++;
  const apl = KP_TO_AP[i - 1];
  const apr = KP_TO_AP[i];
  return k[i - 1] + (ap - apl) * (k[i] - k[i - 1]) / (apr - apl);
}

function schattenIndices(timing: SchattenTiming, error: SchattenError): [number, number] {
  const t = timing === "EarlyCycle" ? 1 : timing === "LateCycle" ? 2 : 0;
  const e = error === "PlusTwoSigma" ? 1 : error === "MinusTwoSigma" ? 2 : 0;
  return [3 * t + e, t];
}

function checkConstant(name: string, value: number, max: number): void {
  if (!(value >= 0 && value <= max)) {
    throw new AtmosphereError(
      `Drag ${name} = ${value} is not allowed; GMAT accepts 0 <= ${name} <= ${max}.`,
    );
  }
}

/**
 * Builds the space-weather source for drag settings, reading only the files the settings need
 * (through `cache`, so each file is parsed once per cache).
 *
 * @param settings GMAT's drag space-weather fields.
 * @param cache The caller's parse cache.
 */
export async function loadSpaceWeatherSource(
  settings: SpaceWeatherSettings,
  cache: SpaceWeatherCache,
): Promise<SpaceWeatherSource> {
  const historic = settings.historic === "CSSISpaceWeatherFile" ? 1 : 0;
  const predicted = settings.predicted === "CSSISpaceWeatherFile"
    ? 1
    : settings.predicted === "SchattenFile"
    ? 2
    : 0;
  const cssi = historic === 1 || predicted === 1
    ? await loadCssi(cache, settings.cssiFile)
    : undefined;
  const schatten = predicted === 2 ? await loadSchatten(cache, settings.schattenFile) : undefined;
  return buildSource(settings, historic, predicted, cssi, schatten);
}

/**
 * The source for constant flux and geomagnetic index only (GMAT's `ConstantFluxAndGeoMag` for
 * both spans); reads no file.
 */
export function constantSpaceWeather(settings: SpaceWeatherSettings = {}): SpaceWeatherSource {
  return buildSource(settings, 0, 0, undefined, undefined);
}

function buildSource(
  settings: SpaceWeatherSettings,
  historic: 0 | 1,
  predicted: 0 | 1 | 2,
  cssi: CssiData | undefined,
  schatten: readonly SchattenRecord[] | undefined,
): SpaceWeatherSource {
  const given = { f107: settings.f107 ?? 150, f107a: settings.f107a ?? 150, kp: settings.kp ?? 3 };
  checkConstant("F107", given.f107, Infinity);
  checkConstant("F107A", given.f107a, Infinity);
  checkConstant("MagneticIndex", given.kp, 9);
  // AtmosphereModel::SetRealParameter keeps its defaults for values that are not positive.
  const f107 = given.f107 > 0 ? given.f107 : 150;
  const f107a = given.f107a > 0 ? given.f107a : 150;
  const kp = given.kp > 0 ? given.kp : 3;
  const [fluxIndex, apIndex] = schattenIndices(
    settings.schattenTiming ?? "NominalCycle",
    settings.schattenError ?? "Nominal",
  );
  const hist: Rec[] = historic === 1 && cssi
    ? cssi.observed.map((r) => ({
      ...r,
      index: -1,
      isHist: true,
      f107s: [],
      apS: [],
    }))
    : [];
  let pred: Rec[] = [];
  if (predicted === 1 && cssi) {
    pred = cssi.predicted.map((r) => ({
      ...r,
      index: -1,
      isHist: false,
      f107s: new Array(9).fill(r.obsF107),
      apS: r.kp.slice(0, 3),
    }));
  } else if (predicted === 2 && schatten) {
    const start = schatten[0].epoch;
    pred = schatten.map((r) => ({
      epoch: r.epoch,
      id: r.id,
      index: Math.trunc(r.epoch - start),
      isHist: false,
      kp: new Array(8).fill(-1),
      ap: new Array(8).fill(-1),
      apAvg: -1,
      obsF107: -1,
      obsCtrF107a: -1,
      f107s: r.f107,
      apS: r.ap,
    }));
  }
  let historicDailyEnd = -1;
  for (let i = 1; i < hist.length && historicDailyEnd === -1; i++) {
    if (hist[i].epoch - hist[i - 1].epoch > 1.01) historicDailyEnd = hist[i - 1].epoch;
  }
  const readerHistoricStart = hist.length > 0 ? hist[0].epoch : -1;
  const readerHistoricEnd = hist.length > 0 ? hist[hist.length - 1].epoch + 1 : -1;
  if (historicDailyEnd === -1) historicDailyEnd = readerHistoricEnd;
  const predictStart = pred.length > 0 ? pred[0].epoch : -1;
  const predictEnd = pred.length > 0 ? pred[pred.length - 1].epoch : -1;
  const usesFiles = historic !== 0 || predicted !== 0;
  const modelHistoricEnd = !usesFiles ? 58127.5 : historic === 0 ? predictStart : readerHistoricEnd;
  return Object.freeze({
    historic,
    predicted,
    f107,
    f107a,
    kp,
    ap: kpToAp(kp),
    hist,
    pred,
    readerHistoricStart,
    readerHistoricEnd,
    historicDailyEnd,
    predictStart,
    predictEnd,
    modelHistoricEnd,
    fluxIndex,
    apIndex,
  });
}

/** Which source applies at `utc`: false for the constants. */
function usesFile(s: SpaceWeatherSource, utc: number): boolean {
  if (!(utc > 0)) return false;
  return utc < s.modelHistoricEnd ? s.historic === 1 : s.predicted !== 0;
}

/** `SolarFluxReader::GetInputs`: the record for an epoch, with GMAT's `index` set. */
function recordAt(s: SpaceWeatherSource, epoch: number): Rec {
  const { hist, pred } = s;
  if (epoch >= s.readerHistoricEnd) {
    if (pred.length > 0) {
      if (epoch < s.predictStart) return pred[0];
      if (epoch > s.predictEnd) return pred[pred.length - 1];
      for (let i = 1; i < pred.length; i++) {
        if (pred[i].epoch > epoch) return { ...pred[i - 1], index: s.predicted === 1 ? i - 1 : -1 };
      }
      return pred[0];
    }
    if (hist.length > 0) return { ...hist[hist.length - 1], index: hist.length - 1 };
    throw new AtmosphereError(
      `No space-weather record for UTC MJD ${epoch}: the CSSI observed data ended and no ` +
        `predicted source is set; set PredictedWeatherSource.`,
    );
  }
  let index = Math.max(0, Math.trunc(epoch - s.readerHistoricStart));
  if (epoch > s.historicDailyEnd) {
    for (let i = Math.trunc(s.historicDailyEnd - s.readerHistoricStart); i < hist.length; i++) {
      if (hist[i].epoch > epoch) {
        index = i - 1;
        break;
      }
    }
  }
  index = Math.min(index, hist.length - 1);
  return { ...hist[index], index };
}

/** `SolarFluxReader::FillRecord`: the record containing `forEpoch`, or undefined. */
function fillRecord(s: SpaceWeatherSource, forEpoch: number): Rec | undefined {
  const { hist, pred } = s;
  if (forEpoch < s.predictStart && hist.length > 0) {
    let index = Math.trunc(forEpoch - s.readerHistoricStart);
    if (index < 0) return hist[0];
    if (index >= hist.length - 1) return hist[hist.length - 1];
    if (forEpoch < hist[index + 1].epoch && forEpoch >= hist[index].epoch) return hist[index];
    if (forEpoch < hist[index].epoch) {
      while (index >= 0 && forEpoch < hist[index].epoch) index--;
      return index >= 0 ? hist[index] : undefined;
    }
    while (index < hist.length - 1 && forEpoch > hist[index].epoch) index++;
    return hist[index];
  }
  if (pred.length > 0) {
    if (forEpoch >= s.predictStart) {
      let index = 0;
      while (index < pred.length - 1 && !(pred[index + 1].epoch > forEpoch)) index++;
      return pred[index];
    }
    if (hist.length > 0) return pred[0];
  }
  return undefined;
}

function f107Offset(epoch: number): number {
  return epoch < F107_REF_EPOCH ? 5 / 24 : 8 / 24;
}

/** `PrepareApData` for observed records. */
function msiseFromObserved(s: SpaceWeatherSource, fd: Rec, epoch: number): MsiseWeather {
  const { hist } = s;
  const frac = epoch - fd.epoch;
  const offset = f107Offset(epoch);
  let sub = Math.floor(frac * 8);
  if (sub >= 8) sub = 7;
  let f107index = fd.index;
  if (frac < offset) f107index = f107index > 0 ? f107index - 1 : 0;

  const apValues: number[] = [];
  for (let i = sub; i >= 0; i--) apValues.push(fd.ap[i]);
  for (let back = 1; back <= 3; back++) {
    const day = fd.index > back - 1 ? hist[fd.index - back] : undefined;
    for (let i = 7; i >= 0; i--) apValues.push(day ? day.ap[i] : hist[0].ap[0]);
  }
  let mean12to33 = 0;
  for (let l = 0; l < 8; l++) mean12to33 += apValues[4 + l];
  let mean36to57 = 0;
  for (let l = 8; l < 16; l++) if (apValues[4 + l] >= 0) mean36to57 += apValues[4 + l];
  const ap = [
    fd.apAvg,
    apValues[0],
    apValues[1],
    apValues[2],
    apValues[3],
    mean12to33 / 8,
    mean36to57 / 8,
  ];

  let f107: number;
  if (epoch >= s.readerHistoricStart) {
    let index = fd.id;
    let eps0 = hist[index].epoch + offset + 0.5;
    let eps1: number;
    if (eps0 > epoch) {
      eps1 = eps0;
      index--;
      if (index >= 0) eps0 = hist[index].epoch + offset + 0.5;
      else index = 0;
    } else {
      eps1 = index < hist.length - 1 ? hist[index + 1].epoch + offset + 0.5 : eps0 + 1;
    }
    const v0 = hist[Math.max(index - 1, 0)].obsF107;
    const v1 = index < hist.length - 1 ? hist[index].obsF107 : v0;
    f107 = v0 + (epoch - eps0) / (eps1 - eps0) * (v1 - v0);
  } else {
    f107 = f107index > 0 ? hist[f107index - 1].obsF107 : hist[f107index].obsF107;
  }
  return { f107, f107a: hist[f107index].obsCtrF107a, ap };
}

/** `LoadAPArray`: MSIS Ap array from four day records (today first) and the current bin. */
function apArray(days: readonly Rec[], currentBin: number): number[] {
  let day = 0;
  let index = Math.max(0, currentBin);
  const back = () => {
    if (index === 0) {
      index = 7;
      day = Math.min(day + 1, days.length - 1);
    } else index--;
    return days[day].ap[index];
  };
  const out = [days[0].apAvg, days[0].ap[index], back(), back(), back()];
  let a = 0;
  for (let i = 0; i < 8; i++) a += back();
  let b = 0;
  for (let i = 0; i < 8; i++) b += back();
  out.push(a / 8, b / 8);
  return out;
}

function constantRec(s: SpaceWeatherSource): Rec {
  return {
    epoch: NaN,
    id: -1,
    index: -1,
    isHist: false,
    kp: new Array(8).fill(s.kp),
    ap: new Array(8).fill(s.ap),
    apAvg: s.ap,
    obsF107: s.f107,
    obsCtrF107a: s.f107a,
    f107s: [],
    apS: [],
  };
}

/** `PrepareApData` for predicted records. */
function msiseFromPredicted(s: SpaceWeatherSource, fd: Rec, epoch: number): MsiseWeather {
  const frac = epoch - fd.epoch;
  if (s.predicted === 1) {
    let sub = Math.floor(frac * 8);
    if (sub >= 8) sub = 7;
    const dayBefore = fillRecord(s, epoch - 1) ?? constantRec(s);
    const f107Epoch = frac < f107Offset(epoch) ? epoch - 1 : epoch;
    const f107 = (fillRecord(s, f107Epoch - 1) ?? constantRec(s)).obsF107;
    const f107a = (fillRecord(s, f107Epoch) ?? constantRec(s)).obsCtrF107a;
    return { f107, f107a, ap: apArray([dayBefore, dayBefore, dayBefore, dayBefore], sub) };
  }
  const next = fd.id < s.pred.length - 1 ? s.pred[fd.id + 1] : undefined;
  const v0 = fd.f107s[s.fluxIndex];
  const v1 = next ? next.f107s[s.fluxIndex] : v0;
  const e1 = next ? next.epoch : fd.epoch + 1;
  const f107 = v0 + (epoch - fd.epoch) / (e1 - fd.epoch) * (v1 - v0);
  return { f107, f107a: f107, ap: new Array(7).fill(fd.apS[s.apIndex]) };
}

/**
 * MSISE-90 inputs at a UTC epoch, as GMAT's `AtmosphereModel::GetInputs` gives them.
 *
 * @param s The source.
 * @param utcMjd UTC, GMAT MJD.
 */
export function msiseWeather(s: SpaceWeatherSource, utcMjd: number): MsiseWeather {
  if (!usesFile(s, utcMjd)) {
    return { f107: s.f107, f107a: s.f107a, ap: new Array(7).fill(s.ap) };
  }
  const fd = recordAt(s, utcMjd);
  return fd.isHist ? msiseFromObserved(s, fd, utcMjd) : msiseFromPredicted(s, fd, utcMjd);
}

/**
 * Jacchia-Roberts inputs at a UTC epoch, as GMAT's `JacchiaRoberts` and `PrepareKpData` give them.
 *
 * @param s The source.
 * @param utcMjd UTC, GMAT MJD.
 */
export function jacchiaWeather(s: SpaceWeatherSource, utcMjd: number): JacchiaWeather {
  if (!usesFile(s, utcMjd)) return { f107: s.f107, f107a: s.f107a, kp: s.kp };
  const fd = recordAt(s, utcMjd);
  const epoch = utcMjd;
  const frac = epoch - fd.epoch;
  const offset = f107Offset(epoch);
  let sub = Math.floor((frac - 6.7 / 24) * 8);
  if (sub >= 8) sub = 7;
  if (fd.isHist) {
    const { hist } = s;
    let f107index = fd.id;
    if (frac < offset) f107index = f107index > 0 ? f107index - 1 : 0;
    let kp = fd.kp[0];
    if (sub > 0) kp = fd.kp[sub];
    if (sub < 0 && fd.id > 0) kp = hist[fd.id - 1].kp[8 + sub];
    const rec = f107index > 0 ? hist[f107index - 1] : hist[f107index];
    return { f107: rec.obsF107, f107a: rec.obsCtrF107a, kp };
  }
  if (fd.index === -1) {
    const f = fd.f107s[s.fluxIndex];
    return { f107: f, f107a: f, kp: apToKp(fd.apS[s.apIndex]) };
  }
  const constant = constantRec(s);
  let kpRec: Rec;
  if (sub >= 0) kpRec = fillRecord(s, epoch) ?? constant;
  else {
    kpRec = fillRecord(s, epoch - 1) ?? constant;
    sub += 8;
  }
  let fluxRec: Rec;
  let avgRec: Rec;
  if (frac >= offset) {
    fluxRec = fillRecord(s, epoch - 1) ?? constant;
    avgRec = fd;
  } else {
    fluxRec = fillRecord(s, epoch - 2) ?? constant;
    avgRec = fillRecord(s, epoch - 1) ?? constant;
  }
  return { f107: fluxRec.obsF107, f107a: avgRec.obsCtrF107a, kp: kpRec.kp[sub] };
}
