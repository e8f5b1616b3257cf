/**
 * A Spacecraft's script text as GMAT R2026a's Write command prints it in `Style = Script`
 * (`Spacecraft::GetGeneratingString` in OBJECT_EXPORT mode): `Create Spacecraft name;`, then one
 * `name.Field = value;` line per writable field in GMAT's order (the Write command adds its own
 * line end, so the text is followed by an empty line in a ReportFile and the message window).
 *
 * GMAT's order puts `DateFormat`, `Epoch`, `CoordinateSystem`, `DisplayStateType`, the six state
 * elements of the DisplayStateType, the masses and coefficients first, then its other fields in
 * their parameter order (`Spacecraft::WriteParameters`). Reals are written as a C++ stream with
 * precision 16 writes them (`%.16g`); the state is the current one, converted to the display
 * representation; the epoch is the text the script gave while the epoch is unchanged (GMAT keeps
 * it), else the current epoch in the DateFormat (`%.16g` for ModJulian formats, GMAT's Gregorian
 * text otherwise). `NAIFId` defaults to `-(10000 + k) * 1000 - 1` for the k-th Spacecraft the
 * script creates (GMAT's per-process counter, starting at 10000) and `NAIFIdReferenceFrame` to
 * `NAIFId + 1000000`.
 *
 * Only the fields the engine keeps the values of are supported: {@link scriptableProblem} names
 * the first field of a spacecraft that this text would not reproduce (hardware, attitude and
 * display settings, mass properties, other coordinate systems), which the Write command refuses.
 *
 * @module
 */

import { epochValue, fromCartesian, STATE_REPRESENTATIONS } from "../../physics/mod.ts";
import { EARTH_FLATTENING, EARTH_MU, EARTH_RADIUS } from "../../physics/mod.ts";
import type { SpacecraftResource } from "../resources/spacecraft.ts";
import type { SpacecraftState } from "../spacecraft_state.ts";
import { realText } from "./write_text.ts";

/** Fields whose values the engine keeps, so the text can reproduce them. */
const SCRIPTABLE_FIELDS = new Set<string>([
  "DateFormat",
  "CoordinateSystem",
  "DisplayStateType",
  "DryMass",
  "Cd",
  "Cr",
  "DragArea",
  "SRPArea",
  "Id",
  "NAIFId",
  ...Object.values(STATE_REPRESENTATIONS).flat(),
]);

/**
 * Why a spacecraft's script text cannot be written as GMAT writes it, or undefined when it can.
 *
 * @param sc The spacecraft.
 * @returns The offending field (`Spacecraft.<field>`), or undefined.
 */
export function scriptableProblem(sc: SpacecraftResource): string | undefined {
  for (const key of sc.assigned.keys()) {
    const field = key.split(".")[0];
    if (field === "Epoch" || SCRIPTABLE_FIELDS.has(field)) continue;
    return field;
  }
  if (sc.tanks.length > 0) return "Tanks";
  if (sc.thrusters.length > 0) return "Thrusters";
  if (sc.coordinateSystem !== "EarthMJ2000Eq") return "CoordinateSystem";
  return undefined;
}

/**
 * The epoch text GMAT writes: the script's text while the epoch and format are unchanged.
 *
 * @param sc The spacecraft.
 * @param epochA1 Its current epoch, A1 ModJulian.
 * @returns The text, unquoted.
 */
export function epochScriptText(sc: SpacecraftResource, epochA1: number): string {
  if (epochA1 === sc.epochA1 && sc.epochText.format === sc.dateFormat) return sc.epochText.text;
  const v = epochValue(epochA1, sc.dateFormat);
  return typeof v === "number" ? realText(v) : v;
}

/**
 * The script text of a spacecraft as it is now (see the module doc).
 *
 * @param sc The spacecraft (its fields).
 * @param s Its run-time state (epoch and Cartesian EarthMJ2000Eq state).
 * @param index Its position among the script's Spacecraft, from 0 (its default NAIF id).
 * @returns The text, ending in a line end.
 */
export function spacecraftScript(
  sc: SpacecraftResource,
  s: Pick<SpacecraftState, "epochA1" | "state">,
  index: number,
): string {
  const n = sc.name;
  const body = {
    mu: EARTH_MU,
    flattening: EARTH_FLATTENING,
    eqRadius: EARTH_RADIUS,
    warn: () => {},
  };
  const cartesian = [...s.state.subarray(0, 6)];
  const rep = sc.displayStateType;
  const elements = rep === "Cartesian" ? cartesian : fromCartesian(rep, cartesian, body);
  const prop = (f: string) => Number(sc.properties[f]);
  const naifId = sc.properties.NAIFId !== undefined ? prop("NAIFId") : -(10000 + index) * 1000 - 1;
  const lines: [string, string][] = [
    ["DateFormat", sc.dateFormat],
    ["Epoch", `'${epochScriptText(sc, s.epochA1)}'`],
    ["CoordinateSystem", sc.coordinateSystem],
    ["DisplayStateType", rep],
    ...STATE_REPRESENTATIONS[rep].map((f, i): [string, string] => [f, realText(elements[i])]),
    ["DryMass", realText(sc.dryMass)],
    ["Cd", realText(prop("Cd"))],
    ["Cr", realText(prop("Cr"))],
    ["DragArea", realText(prop("DragArea"))],
    ["SRPArea", realText(prop("SRPArea"))],
    ["SPADDragScaleFactor", "1"],
    ["SPADSRPScaleFactor", "1"],
    ["AtmosDensityScaleFactor", "1"],
    ["ExtendedMassPropertiesModel", "'None'"],
    ["NAIFId", realText(naifId)],
    ["NAIFIdReferenceFrame", realText(naifId + 1000000)],
    ["OrbitColor", "Red"],
    ["TargetColor", "Teal"],
    ["OrbitErrorCovariance", covarianceText()],
    ["CdSigma", "1e+70"],
    ["CrSigma", "1e+70"],
    ["Id", `'${sc.id}'`],
    ["Attitude", "CoordinateSystemFixed"],
    ["SPADSRPInterpolationMethod", "Bilinear"],
    ["SPADSRPScaleFactorSigma", "1e+70"],
    ["SPADDragInterpolationMethod", "Bilinear"],
    ["SPADDragScaleFactorSigma", "1e+70"],
    ["AtmosDensityScaleFactorSigma", "1e+70"],
    ["ModelFile", "'aura.3ds'"],
    ["ModelOffsetX", "0"],
    ["ModelOffsetY", "0"],
    ["ModelOffsetZ", "0"],
    ["ModelRotationX", "0"],
    ["ModelRotationY", "0"],
    ["ModelRotationZ", "0"],
    ["ModelScale", "1"],
    ["AttitudeDisplayStateType", "'Quaternion'"],
    ["AttitudeRateDisplayStateType", "'AngularVelocity'"],
    ["AttitudeCoordinateSystem", "EarthMJ2000Eq"],
    ["EulerAngleSequence", "'321'"],
  ];
  return `Create Spacecraft ${n};\n` + lines.map(([f, v]) => `${n}.${f} = ${v};\n`).join("");
}

/** GMAT's default 6x6 orbit error covariance (1e70 on the diagonal) as an Rmatrix writes it. */
function covarianceText(): string {
  const rows = [];
  for (let i = 0; i < 6; i++) {
    rows.push(Array.from({ length: 6 }, (_, j) => i === j ? "1e+70" : "0").join(" "));
  }
  return `[ ${rows.join(" ; ")} ]`;
}
