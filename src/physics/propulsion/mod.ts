/**
 * GMAT's propulsion physics for the built-in engine: ChemicalTank / ElectricTank,
 * ChemicalThruster / ElectricThruster, the finite-burn force with the tanks integrated in the
 * state, and the mass an ImpulsiveBurn with DecrementMass takes. Reproduces GMAT R2026a
 * (`src/base/hardware`, `src/base/burn`, `src/base/forcemodel/FiniteThrust.cpp`); see each module.
 *
 * @module
 */

export { PropulsionError, type PropulsionErrorCode } from "./propulsion_error.ts";
export {
  ABSOLUTE_ZERO_C,
  CHEMICAL_TANK_DEFAULTS,
  ChemicalTank,
  type ChemicalTankSettings,
  type PressureModel,
} from "./chemical_tank.ts";
export {
  ELECTRIC_TANK_DEFAULTS,
  ElectricTank,
  type ElectricTankSettings,
} from "./electric_tank.ts";
export type { Tank } from "./tank.ts";
export {
  DEFAULT_GRAVITATIONAL_ACCEL,
  LOCAL_AXES,
  type LocalAxes,
  THRUSTER_DEFAULTS,
  type ThrusterSettings,
} from "./thruster.ts";
export {
  C_UNITS,
  CHEMICAL_THRUSTER_DEFAULTS,
  ChemicalThruster,
  type ChemicalThrusterCoefficients,
  COEFFICIENT_COUNT,
  gmatPolynomial,
  K_UNITS,
} from "./chemical_thruster.ts";
export {
  allocateThrusterPower,
  ELECTRIC_THRUST_MODELS,
  ELECTRIC_THRUSTER_DEFAULTS,
  type ElectricEvaluation,
  ElectricThruster,
  type ElectricThrusterModel,
  type ElectricThrustModel,
} from "./electric_thruster.ts";
export {
  type DirectionFunction,
  type FrameProviders,
  thrustDirectionFunction,
} from "./thrust_frame.ts";
export {
  type DerivativeAdder,
  fuelMassesOf,
  massStateDerivatives,
  type MassStateLayout,
  massStateLayout,
  packMassState,
  totalMassOf,
} from "./mass_state.ts";
export {
  type BurnSnapshot,
  type BurnSpacecraft,
  type FiniteBurnDefinition,
  FiniteThrust,
  type FiniteThrustOptions,
  tanksFromState,
  type Thruster,
  type ThrusterSnapshot,
} from "./finite_burn.ts";
export {
  applyImpulsiveMassDecrement,
  DEFAULT_IMPULSIVE_ISP,
  IMPULSIVE_MASS_DEFAULTS,
  impulsiveMassChange,
  type ImpulsiveMassResult,
  type ImpulsiveMassSettings,
  resolveImpulsiveMassSettings,
} from "./impulsive_burn.ts";
