/**
 * The first and last states of a spacecraft ephemeris file, as GMAT's GetEphemStates reads them
 * (GMAT R2026a, `CCSDSEphemerisFile::GetInitialAndFinalStates`): the first data line of the first
 * segment and the last data line of the last segment, their epochs as A1 modified Julian dates,
 * the states exactly as written, and the central body and axes of the first segment.
 *
 * CCSDS-OEM only. The engine reads `REF_FRAME EME2000` (GMAT's `J2000`, MJ2000Eq axes) with
 * `TIME_SYSTEM UTC`; the body-fixed frames GMAT also converts (`GRC`, `TDR`) and other time
 * systems are refused by name, as are files whose segments change body, frame or time system
 * (GMAT would take the first segment's for all). Frames GMAT itself does not convert are
 * refused as GMAT refuses them.
 *
 * @module
 */

import { parseOem } from "../../formats/mod.ts";
import { isoToA1Mjd } from "../../physics/mod.ts";
import { EphemerisInputError } from "./ephemeris_input_error.ts";

/** One end of an ephemeris file. */
export interface EphemerisEnd {
  /** The epoch, A1 modified Julian date (days since JD 2430000.0). */
  readonly epochA1: number;
  /** X, Y, Z (km), VX, VY, VZ (km/s) as written, about {@link EphemerisEndpoints.centralBody}. */
  readonly state: readonly number[];
}

/** The ends of an ephemeris file and the system its states are in. */
export interface EphemerisEndpoints {
  /** GMAT name of the central body (`Moon` in a file reads as `Luna`). */
  readonly centralBody: string;
  /** The axes of the states (GMAT axis-system name). */
  readonly axes: "MJ2000Eq";
  /** The first state. */
  readonly initial: EphemerisEnd;
  /** The last state. */
  readonly final: EphemerisEnd;
}

/** OEM frames GMAT's GetEphemStates converts to another system. */
const GMAT_FRAMES = ["EME2000", "GRC", "TDR"];

/**
 * The ends of a CCSDS-OEM file.
 *
 * @param text The file's text.
 * @param file Its path, for messages.
 * @returns The first and last states and their system.
 * @throws {OutputParseError} When the text is not a CCSDS-OEM file.
 * @throws {EphemerisInputError} `EPHEMERIS_INPUT_FORMAT` when it holds no state or a frame GMAT
 *   does not convert; `EPHEMERIS_INPUT_UNSUPPORTED` for a body-fixed frame, a time system other
 *   than UTC, or segments in different systems.
 */
export function oemEndpoints(text: string, file: string): EphemerisEndpoints {
  const oem = parseOem(text, file);
  const segments = oem.segments.filter((s) => s.rows.length > 0);
  if (segments.length === 0) {
    throw new EphemerisInputError(
      "EPHEMERIS_INPUT_FORMAT",
      file,
      `${file} holds no ephemeris state; GetEphemStates needs at least one data line`,
    );
  }
  const meta = segments[0].meta;
  for (const s of segments) {
    const m = s.meta;
    if (
      m.centerName !== meta.centerName || m.refFrame !== meta.refFrame ||
      m.timeSystem !== meta.timeSystem
    ) {
      throw new EphemerisInputError(
        "EPHEMERIS_INPUT_UNSUPPORTED",
        file,
        `${file}: a segment is in ${m.centerName} ${m.refFrame} ${m.timeSystem}, the first in ` +
          `${meta.centerName} ${meta.refFrame} ${meta.timeSystem}; GMAT would read every state ` +
          "in the first segment's system, the built-in engine refuses such files: write every " +
          "segment in one system",
      );
    }
  }
  if (!GMAT_FRAMES.includes(meta.refFrame)) {
    throw new EphemerisInputError(
      "EPHEMERIS_INPUT_FORMAT",
      file,
      `${file}: REF_FRAME ${meta.refFrame} is not a frame GMAT's GetEphemStates converts ` +
        `(${GMAT_FRAMES.join(", ")}); write the file in EME2000`,
    );
  }
  if (meta.refFrame !== "EME2000") {
    throw new EphemerisInputError(
      "EPHEMERIS_INPUT_UNSUPPORTED",
      file,
      `${file}: REF_FRAME ${meta.refFrame} (body-fixed) is not converted by the built-in ` +
        "engine; write the file in EME2000, or run the script with real GMAT (engine: 'gmat')",
    );
  }
  if (meta.timeSystem !== "UTC") {
    throw new EphemerisInputError(
      "EPHEMERIS_INPUT_UNSUPPORTED",
      file,
      `${file}: TIME_SYSTEM ${meta.timeSystem} is not read by the built-in engine (it reads ` +
        "UTC epochs, as GMAT writes them); write the file in UTC, or run the script with real " +
        "GMAT (engine: 'gmat')",
    );
  }
  const first = segments[0].rows[0];
  const lastRows = segments[segments.length - 1].rows;
  const last = lastRows[lastRows.length - 1];
  return {
    centralBody: meta.centerName === "Moon" ? "Luna" : meta.centerName,
    axes: "MJ2000Eq",
    initial: { epochA1: isoToA1Mjd(first.epoch), state: [...first.state] },
    final: { epochA1: isoToA1Mjd(last.epoch), state: [...last.state] },
  };
}
