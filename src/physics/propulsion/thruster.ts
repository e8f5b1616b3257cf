/**
 * The fields every GMAT thruster shares (`Thruster.cpp`), validated as GMAT validates them.
 *
 * - CoordinateSystem `Local` (default) uses Origin (default Earth) and Axes (VNB default, LVLH,
 *   MJ2000Eq, SpacecraftBody); any other name is a configured coordinate system whose axes rotate
 *   ThrustDirection to MJ2000Eq.
 * - ThrustDirection1..3 (default 1, 0, 0) are not normalised when set; the finite burn divides by
 *   their inertial norm (`FiniteBurn::Fire`), so only the direction matters. A zero vector is an
 *   error when the burn fires.
 * - DutyCycle in [0, 1] (default 1), ThrustScaleFactor >= 0 (default 1), GravitationalAccel > 0
 *   (default 9.81 m/s^2), DecrementMass (default false).
 * - Tank: the tanks feeding the thruster (no duplicates); MixRatio: one positive weight per tank,
 *   all 1 when unset (`Thruster::Initialize`); a ratio of another size is refused.
 *
 * @module
 */

import { fieldError, PropulsionError } from "./propulsion_error.ts";

/** `Thruster.Axes` for the Local coordinate system. */
export type LocalAxes = "VNB" | "LVLH" | "MJ2000Eq" | "SpacecraftBody";

/** The local axes GMAT accepts, its default first. */
export const LOCAL_AXES: readonly LocalAxes[] = ["VNB", "LVLH", "MJ2000Eq", "SpacecraftBody"];

/** GMAT's default `GravitationalAccel` of thrusters and impulsive burns, m/s^2. */
export const DEFAULT_GRAVITATIONAL_ACCEL = 9.81;

/** The scripted fields shared by ChemicalThruster and ElectricThruster. */
export interface ThrusterSettings {
  /** `CoordinateSystem`: `Local` or the name of a configured coordinate system. */
  readonly coordinateSystem: string;
  /** `Origin` (Local only): the body the VNB/LVLH axes are built from. */
  readonly origin: string;
  /** `Axes` (Local only). */
  readonly axes: LocalAxes;
  /** `ThrustDirection1..3`. */
  readonly direction: readonly [number, number, number];
  /** `DutyCycle`, 0..1. */
  readonly dutyCycle: number;
  /** `ThrustScaleFactor`, >= 0. */
  readonly thrustScaleFactor: number;
  /** `DecrementMass`. */
  readonly decrementMass: boolean;
  /** `Tank`: names of the tanks feeding the thruster. */
  readonly tanks: readonly string[];
  /** `MixRatio`: one weight per tank; empty means all 1. */
  readonly mixRatio: readonly number[];
  /** `GravitationalAccel`, m/s^2 (> 0): g0 of the mass-flow equation. */
  readonly gravitationalAccel: number;
}

/** GMAT R2026a defaults of the shared thruster fields. */
export const THRUSTER_DEFAULTS: Readonly<ThrusterSettings> = Object.freeze({
  coordinateSystem: "Local",
  origin: "Earth",
  axes: "VNB",
  direction: [1, 0, 0] as const,
  dutyCycle: 1,
  thrustScaleFactor: 1,
  decrementMass: false,
  tanks: [],
  mixRatio: [],
  gravitationalAccel: DEFAULT_GRAVITATIONAL_ACCEL,
});

/**
 * Fills defaults and validates the shared fields; the mix ratio comes back with one entry per
 * tank.
 *
 * @param name The thruster's script name.
 * @param settings Scripted fields.
 * @returns Frozen, complete settings.
 * @throws {PropulsionError} `PROPULSION_SETTING` for a value GMAT rejects.
 */
export function resolveThrusterSettings(
  name: string,
  settings: Partial<ThrusterSettings>,
): Readonly<ThrusterSettings> {
  const s = { ...THRUSTER_DEFAULTS, ...settings };
  const finite = (field: string, v: number, ok: boolean, allowed: string, hint: string) => {
    if (!Number.isFinite(v) || !ok) throw fieldError(name, field, v, allowed, hint);
  };
  finite(
    "DutyCycle",
    s.dutyCycle,
    s.dutyCycle >= 0 && s.dutyCycle <= 1,
    "0.0 <= Real Number <= 1.0",
    "DutyCycle is the firing fraction of the thruster.",
  );
  finite(
    "ThrustScaleFactor",
    s.thrustScaleFactor,
    s.thrustScaleFactor >= 0,
    "Real Number >= 0.0",
    "ThrustScaleFactor multiplies the thrust but not the mass flow.",
  );
  finite(
    "GravitationalAccel",
    s.gravitationalAccel,
    s.gravitationalAccel > 0,
    "Real Number > 0.0",
    "GravitationalAccel is g0 in m/s^2 (GMAT default 9.81).",
  );
  if (s.coordinateSystem === "Local" && !LOCAL_AXES.includes(s.axes)) {
    throw fieldError(
      name,
      "Axes",
      s.axes,
      ` ${LOCAL_AXES.join(", ")} `,
      "Pick one of the local axes, or set CoordinateSystem to a configured coordinate system.",
    );
  }
  for (let i = 0; i < 3; i++) {
    finite(
      `ThrustDirection${i + 1}`,
      s.direction[i],
      true,
      "Real Number",
      "ThrustDirection1..3 are the direction components in the thruster's axes.",
    );
  }
  const seen = new Set<string>();
  for (const tank of s.tanks) {
    if (seen.has(tank)) {
      throw new PropulsionError(
        "PROPULSION_SETTING",
        `The same tank cannot be listed twice for ${name}, but ${tank} is assigned more than ` +
          `one time to the thruster. Remove the duplicate from ${name}.Tank.`,
      );
    }
    seen.add(tank);
  }
  let mixRatio = s.mixRatio;
  if (mixRatio.length === 0) {
    mixRatio = s.tanks.map(() => 1);
  } else if (mixRatio.length !== s.tanks.length) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `Error in configuring tanks: the mix ratio is sized differently from the number of tanks ` +
        `used by thruster ${name} (${mixRatio.length} ratios, ${s.tanks.length} tanks). Give ` +
        `${name}.MixRatio one entry per tank in ${name}.Tank.`,
    );
  }
  for (const r of mixRatio) {
    finite("MixRatio", r, r > 0, "Real number > 0.0", "Mix ratios are relative tank weights.");
  }
  return Object.freeze({
    ...s,
    direction: Object.freeze([...s.direction]) as unknown as readonly [number, number, number],
    tanks: Object.freeze([...s.tanks]),
    mixRatio: Object.freeze([...mixRatio]),
  });
}
