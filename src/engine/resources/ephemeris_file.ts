/**
 * The EphemerisFile resource: CCSDS-OEM or STK-TimePosVel output of one spacecraft, at every
 * integrator step or on a fixed grid by Lagrange interpolation.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** Output formats the engine writes. */
export const EPHEMERIS_FORMATS = ["CCSDS-OEM", "STK-TimePosVel"] as const;

/** An EphemerisFile resource. */
export class EphemerisFileResource extends Resource {
  readonly typeName = "EphemerisFile";
  spacecraft: string | undefined;
  filename: string | undefined;
  fileFormat: (typeof EPHEMERIS_FORMATS)[number] = "CCSDS-OEM";
  /** `IntegratorSteps`, or a fixed step in seconds. */
  stepSize: "IntegratorSteps" | number = "IntegratorSteps";
  interpolationOrder = 7;
  writeEphemeris = true;
  distanceUnit: "Kilometers" | "Meters" = "Kilometers";
  includeEventBoundaries = true;

  knownFields(): readonly string[] {
    return [
      "Spacecraft",
      "Filename",
      "FileFormat",
      "EpochFormat",
      "InitialEpoch",
      "FinalEpoch",
      "StepSize",
      "Interpolator",
      "InterpolationOrder",
      "StateType",
      "CoordinateSystem",
      "OutputFormat",
      "WriteEphemeris",
      "DistanceUnit",
      "IncludeEventBoundaries",
      "UpperLeft",
      "Size",
      "RelativeZOrder",
      "Maximized",
      "Minimized",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const only = (field: string, allowed: readonly string[], hint: string) => {
      const text = v.text();
      if (!allowed.includes(text)) {
        this.diag.unsupported(pos, `${field} = ${text}`, {
          construct: `EphemerisFile.${field}`,
          hint,
        });
      }
    };
    switch (path[0]) {
      case "Spacecraft":
        this.spacecraft = v.text();
        break;
      case "Filename":
        this.filename = v.text();
        break;
      case "FileFormat":
        only("FileFormat", EPHEMERIS_FORMATS, `use ${EPHEMERIS_FORMATS.join(" or ")}`);
        this.fileFormat = v.oneOf(EPHEMERIS_FORMATS);
        break;
      case "EpochFormat":
        only("EpochFormat", ["UTCGregorian"], "use EpochFormat = UTCGregorian");
        break;
      case "InitialEpoch":
        only("InitialEpoch", ["InitialSpacecraftEpoch"], "use InitialSpacecraftEpoch");
        break;
      case "FinalEpoch":
        only("FinalEpoch", ["FinalSpacecraftEpoch"], "use FinalSpacecraftEpoch");
        break;
      case "StepSize":
        if (v.value.kind === "number") {
          this.stepSize = v.numberIn(0, Infinity, false);
        } else {
          only("StepSize", ["IntegratorSteps"], "use IntegratorSteps or a step in seconds");
          this.stepSize = "IntegratorSteps";
        }
        break;
      case "Interpolator":
        only("Interpolator", ["Lagrange"], "use Interpolator = Lagrange");
        break;
      case "InterpolationOrder":
        this.interpolationOrder = v.integer(1);
        break;
      case "StateType":
        only("StateType", ["Cartesian"], "use StateType = Cartesian");
        break;
      case "CoordinateSystem":
        only("CoordinateSystem", ["EarthMJ2000Eq"], "use CoordinateSystem = EarthMJ2000Eq");
        break;
      case "OutputFormat":
        v.text(); // binary endianness: irrelevant to text formats
        break;
      case "WriteEphemeris":
        this.writeEphemeris = v.boolean();
        break;
      case "DistanceUnit":
        this.distanceUnit = v.oneOf(["Kilometers", "Meters"] as const);
        break;
      case "IncludeEventBoundaries":
        this.includeEventBoundaries = v.boolean();
        break;
      case "UpperLeft":
      case "Size":
      case "RelativeZOrder":
      case "Maximized":
      case "Minimized":
        break;
      default:
        return this.otherField(path, pos, {
          IncludeCovariance: "covariance output is not modelled",
        });
    }
    this.mark(path, pos);
  }
}
