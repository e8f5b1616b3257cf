/**
 * GMAT's built-in function GetEphemStates (R2016a on):
 *
 * `[initialEpoch, initialState, finalEpoch, finalState] = GetEphemStates(type, Sat, format, CS)`
 *
 * reads the ephemeris file named by `Sat.EphemerisName` and returns its first and last epochs as
 * text in the epoch format `format`, and its first and last states as 6x1 arrays in the
 * coordinate system `CS`. `type` names the file's format: `CCSDS-OEM` is read (see
 * `ephemeris_endpoints.ts`); GMAT's `STK`, `SPK` and `Code500` readers are refused by name.
 *
 * The epoch text is GMAT's: Gregorian formats as `DD Mon YYYY hh:mm:ss.sss` (never a leap-second
 * `:60`, since GMAT does not pass the leap-second flag here), ModJulian formats as the number to
 * 16 significant digits. A state moves from the file's central body to `CS`'s origin by the
 * DE405 states of both bodies at the state's epoch, as GMAT's coordinate converter does; both
 * systems have MJ2000Eq axes (the only axes the engine computes in).
 *
 * @module
 */

import type { CallStatement, Expr } from "../../script/ast.ts";
import { formatG } from "../../formats/mod.ts";
import {
  convertMjd,
  type EphemerisBody,
  EPOCH_FORMATS,
  epochFormatParts,
  formatGregorian,
  isEphemerisBody,
  isEpochFormat,
} from "../../physics/mod.ts";
import type { MissionCompiler } from "../commands/compiler.ts";
import { compileValue } from "../expression.ts";
import { Matrix } from "../math/matrix.ts";
import { describe, type Value } from "../math/value.ts";
import { BUILTIN_COORDINATE_SYSTEMS } from "../resources/coordinate_system.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import type { Runtime } from "../runtime.ts";
import { type EphemerisEnd, oemEndpoints } from "./ephemeris_endpoints.ts";
import { readEphemerisFile } from "./ephemeris_file.ts";
import { EphemerisInputError } from "./ephemeris_input_error.ts";
import type { MissionFunction, OutputShape } from "./mission_function.ts";

/** The ephemeris types GMAT's GetEphemStates takes, and why the engine does not read some. */
const EPHEMERIS_TYPES: Readonly<Record<string, string | undefined>> = {
  "CCSDS-OEM": undefined,
  STK: "the STK reader of GetEphemStates is not implemented (convert the file to CCSDS-OEM)",
  SPK: "SPICE kernels (Spacecraft.OrbitSpiceKernelName) are not read by the built-in engine",
  Code500: "Code-500 binary ephemerides are not read by the built-in engine",
};

const OUTPUTS: readonly OutputShape[] = [
  { kind: "string" },
  { kind: "matrix", rows: 6, cols: 1 },
  { kind: "string" },
  { kind: "matrix", rows: 6, cols: 1 },
];

const USAGE = "[initialEpoch, initialState, finalEpoch, finalState] = " +
  "GetEphemStates('CCSDS-OEM', Sat, 'UTCGregorian', EarthMJ2000Eq)";

/**
 * Compile a GetEphemStates call's inputs.
 *
 * @param stmt The call.
 * @param mc The mission compiler's context.
 * @returns The function, ready to run.
 * @throws {ScriptError} `SCRIPT_BAD_VALUE` for a wrong number or kind of input, an unknown
 *   ephemeris type or epoch format, or a spacecraft without EphemerisName; `ENGINE_UNSUPPORTED`
 *   for the STK, SPK and Code500 types and coordinate systems the engine does not compute in.
 */
export function compileGetEphemStates(stmt: CallStatement, mc: MissionCompiler): MissionFunction {
  const { model, diag } = mc;
  const bad = (at: Expr | undefined, message: string): never =>
    diag.fail("SCRIPT_BAD_VALUE", at?.pos ?? stmt.pos, message, {
      construct: "GetEphemStates",
      hint: `write ${USAGE}`,
    });
  if (stmt.args.length !== 4) {
    bad(undefined, `GetEphemStates takes 4 inputs, got ${stmt.args.length}`);
  }
  const [typeArg, satArg, formatArg, csArg] = stmt.args;

  const checkType = (type: string, at: Expr | undefined): string => {
    if (!(type in EPHEMERIS_TYPES)) {
      bad(at, `GetEphemStates has no ephemeris type '${type}'`);
    }
    const why = EPHEMERIS_TYPES[type];
    if (why !== undefined) {
      diag.unsupported(at?.pos ?? stmt.pos, `GetEphemStates of ephemeris type '${type}'`, {
        construct: `GetEphemStates '${type}'`,
        hint: `${why}; the engine reads 'CCSDS-OEM' files, or run the script with real GMAT ` +
          "(engine: 'gmat')",
      });
    }
    return type;
  };
  const checkFormat = (format: string, at: Expr | undefined) => {
    if (!isEpochFormat(format)) {
      bad(at, `'${format}' is not an epoch format; use one of ${EPOCH_FORMATS.join(", ")}`);
    }
    return format;
  };
  const type = textInput(typeArg, "the ephemeris type (1st input)", checkType, mc, bad);
  const format = textInput(formatArg, "the epoch format (3rd input)", checkFormat, mc, bad);

  const sc = satArg.kind === "ref" ? model.get(satArg.name, SpacecraftResource) : undefined;
  if (!sc) return bad(satArg, "the 2nd input of GetEphemStates must be a Spacecraft");
  const ephemerisName = sc.ephemerisName;
  if (ephemerisName === undefined) {
    return bad(satArg, `${sc.name} has no EphemerisName: set ${sc.name}.EphemerisName = 'file'`);
  }
  const scriptDir = diag.dirOf((sc.assigned.get("EphemerisName") ?? sc.pos).file);

  if (csArg.kind !== "ref") {
    return bad(csArg, "the 4th input of GetEphemStates must be a CoordinateSystem");
  }
  const frame = model.frameOf(csArg.name); // refuses a user system the engine cannot use
  if (frame !== undefined && (!frame.inertialAxes || frame.originBody === undefined)) {
    diag.unsupported(csArg.pos, `GetEphemStates states in ${csArg.name}`, {
      construct: "GetEphemStates coordinate system",
      hint: "the engine gives its states in MJ2000Eq systems about a body (EarthMJ2000Eq, or a " +
        "user system with Axes = MJ2000Eq about a planet, the Sun or Luna)",
    });
  }
  const origin = frame?.originBody;
  if (origin === undefined) {
    if (BUILTIN_COORDINATE_SYSTEMS.has(csArg.name)) {
      diag.unsupported(csArg.pos, `GetEphemStates states in ${csArg.name}`, {
        construct: "GetEphemStates coordinate system",
        hint: "the engine gives states in MJ2000Eq systems (EarthMJ2000Eq, or a user system " +
          "with Axes = MJ2000Eq about a planet, the Sun or Luna)",
      });
    }
    return bad(csArg, `'${csArg.name}' is not a CoordinateSystem`);
  }

  return {
    outputs: OUTPUTS,
    async run(rt: Runtime): Promise<Value[]> {
      const fmt = format();
      const file = await readEphemerisFile(ephemerisName, scriptDir, rt.physics.gmat.base);
      if (type() !== "CCSDS-OEM") throw new Error(`internal: unchecked ephemeris type ${type()}`);
      const ends = oemEndpoints(file.text, file.from);
      const state = (end: EphemerisEnd) => stateIn(end, ends.centralBody, origin, file.from, rt);
      return [
        epochText(ends.initial.epochA1, fmt),
        await state(ends.initial),
        epochText(ends.final.epochA1, fmt),
        await state(ends.final),
      ];
    },
  };
}

/**
 * A text input: a literal is checked now, a String resource when the call runs.
 *
 * @returns A getter of the checked text.
 */
function textInput<T extends string>(
  arg: Expr,
  what: string,
  check: (text: string, at: Expr | undefined) => T,
  mc: MissionCompiler,
  bad: (at: Expr | undefined, message: string) => never,
): () => T {
  if (arg.kind === "string") {
    const text = check(arg.value, arg);
    return () => text;
  }
  const value = compileValue(arg, mc.names, mc.diag);
  if (value.kind !== "string" && value.kind !== "any") {
    bad(arg, `${what} of GetEphemStates must be a string, got a ${value.kind}`);
  }
  return () => {
    const v = value.get();
    if (typeof v !== "string") {
      throw new Error(`${what} of GetEphemStates must be a string, got ${describe(v)}`);
    }
    return check(v, undefined);
  };
}

/** An A1 epoch as GMAT's GetEphemStates writes it in `format` (see the module doc). */
function epochText(epochA1: number, format: string): string {
  if (!isEpochFormat(format)) throw new Error(`'${format}' is not an epoch format`);
  const { scale, representation } = epochFormatParts(format);
  const value = convertMjd(epochA1, "A1", scale);
  return representation === "ModJulian" ? formatG(value, 16) : formatGregorian(value, false);
}

/** A file state as a 6x1 array about `origin` (MJ2000Eq axes). */
async function stateIn(
  end: EphemerisEnd,
  centralBody: string,
  origin: EphemerisBody,
  file: string,
  rt: Runtime,
): Promise<Matrix> {
  const out = Float64Array.from(end.state);
  if (centralBody !== origin) {
    if (!isEphemerisBody(centralBody)) {
      throw new EphemerisInputError(
        "EPHEMERIS_INPUT_UNSUPPORTED",
        file,
        `${file}: CENTER_NAME ${centralBody} is not a body the engine has states of, so its ` +
          `states cannot be moved to ${origin}; ask for them in a system about ${centralBody}, ` +
          "or run the script with real GMAT (engine: 'gmat')",
      );
    }
    // The file's body relative to the output origin, added to the state about the file's body.
    const offset = (await rt.bodyStates()).state(centralBody, end.epochA1, undefined, origin);
    for (let k = 0; k < 6; k++) out[k] += offset[k];
  }
  return new Matrix(6, 1, out);
}
