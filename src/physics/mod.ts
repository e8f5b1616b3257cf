/**
 * The physics layer of gmat-sweep's built-in engine: GMAT's constants, time scales and epoch text,
 * orbit-state conversions, embedded Runge-Kutta integrators with GMAT's step control, point-mass
 * gravity, analytic two-body propagation and the interpolators used for stops and ephemerides.
 *
 * Everything reproduces GMAT R2026a's definitions (see the module docs of each file); units are km,
 * km/s, seconds and degrees, epochs are GMAT modified Julian dates (days since JD 2430000.0) in
 * A1 unless a name says otherwise.
 *
 * @module
 */

export {
  A1_MINUS_TAI,
  EARTH_FLATTENING,
  EARTH_MU,
  EARTH_RADIUS,
  GMAT_MJD_JD_OFFSET,
  MJD_OF_J2000,
  SECONDS_PER_DAY,
  TT_MINUS_TAI,
} from "./constants.ts";

export {
  EPOCH_FORMATS,
  type EpochFormat,
  type EpochFormatParts,
  epochFormatParts,
  isEpochFormat,
  TIME_SCALES,
  type TimeScale,
} from "./time/time_scale.ts";
export { EpochError } from "./time/epoch_error.ts";
export { convertMjd } from "./time/convert_mjd.ts";
export { parseEpoch, parseGregorian } from "./time/parse_epoch.ts";
export { formatGregorian } from "./time/format_gregorian.ts";
export { epochValue } from "./time/epoch_value.ts";
export { formatIsoUtc, isoToA1Mjd } from "./time/iso_utc.ts";
export {
  leapSecondContaining,
  type LeapSecondInterval,
  TAI_UTC_TABLE,
  taiMinusUtc,
  type TaiUtcEntry,
} from "./time/tai_utc.ts";

export type { Keplerian, Vec6 } from "./state/types.ts";
export { StateError } from "./state/state_error.ts";
export { cartesianToKeplerian } from "./state/cartesian_to_keplerian.ts";
export { keplerianToCartesian } from "./state/keplerian_to_cartesian.ts";
export { meanToTrue, trueToEccentric, trueToHyperbolic, trueToMean } from "./state/anomaly.ts";
export {
  ORBIT_PARAMETER_NAMES,
  orbitParameter,
  type OrbitParameterName,
  type OrbitParameters,
  orbitParameters,
} from "./state/orbit_parameters.ts";
export { apoapsisIndicator, periapsisIndicator } from "./state/apsis_indicator.ts";
export {
  type AlternateEquinoctial,
  type Delaunay,
  keplerianToAlternateEquinoctial,
  keplerianToDelaunay,
  keplerianToModifiedEquinoctial,
  type ModifiedEquinoctial,
} from "./state/equinoctial.ts";
export {
  type CentralBody,
  fromCartesian,
  isStateRepresentation,
  STATE_REPRESENTATIONS,
  type StateRepresentation,
  toCartesian,
} from "./state/representations.ts";

export {
  DEFAULT_INTEGRATOR_SETTINGS,
  type Derivatives,
  ERROR_CONTROLS,
  type ErrorControl,
  INTEGRATOR_TYPES,
  type IntegratorSettings,
  type IntegratorType,
  tableauFor,
} from "./integrators/settings.ts";
export type { ButcherTableau, ExactCoefficient, ExactTableau } from "./integrators/tableau.ts";
export { RK89_TABLEAU } from "./integrators/rk89_tableau.ts";
export { PD78_TABLEAU } from "./integrators/pd78_tableau.ts";
export { PD45_TABLEAU } from "./integrators/pd45_tableau.ts";
export { errorNorm, RELATIVE_ERROR_THRESHOLD } from "./integrators/error_norm.ts";
export {
  AdaptiveIntegrator,
  FIXED_STEP_TOLERANCE,
  type FixedStepResult,
  type StepResult,
} from "./integrators/adaptive_integrator.ts";
export { IntegrationError, type IntegrationErrorCode } from "./integrators/integration_error.ts";
export {
  type AbmSettings,
  checkAbmSettings,
  DEFAULT_ABM_SETTINGS,
} from "./integrators/abm_settings.ts";
export {
  type AnyIntegratorSettings,
  createIntegrator,
  type PropagationIntegrator,
} from "./integrators/propagation_integrator.ts";

export { pointMassDerivatives } from "./forces/point_mass.ts";
export {
  buildForceModel,
  type ForceModelSpec,
  type GravitySpec,
  needsEarthOrientation,
  needsEphemeris,
  type SpacecraftPhysics,
  type SrpSpec,
  THIRD_BODIES,
} from "./forces/force_model.ts";
export type { DragSpec } from "./forces/drag_force.ts";
export type { SchattenError, SchattenTiming } from "./atmosphere/space_weather.ts";
export { PhysicsData } from "./data/physics_data.ts";
export { BodyStates } from "./ephemeris/body_states.ts";
export { EPHEMERIS_BODIES, type EphemerisBody, isEphemerisBody } from "./ephemeris/geocentric.ts";
export { GMAT_BODY_MU, GMAT_BODY_RADIUS } from "./forces/body_mu.ts";
export { GmatDataSet } from "./data/gmat_data.ts";
export { EarthFixedFrame } from "./frames/earth_fixed.ts";
export { FrameError, type FrameErrorCode } from "./frames/frame_error.ts";
export {
  fromFrame,
  isReferenceDirection,
  type ObjectReferencedAxesSpec,
  objectReferencedRotation,
  REFERENCE_DIRECTIONS,
  type ReferenceDirection,
  rotateToInertial,
  type Rotation,
  toFrame,
} from "./frames/rotating_axes.ts";
export {
  barycenterState,
  collinearGamma,
  LIBRATION_POINTS,
  librationPointFrameCoordinates,
  type LibrationPointName,
  librationPointState,
} from "./frames/calculated_points.ts";
export {
  type BodyInertialBody,
  bodyInertialRotation,
  hasBodyInertialAxes,
} from "./frames/body_inertial.ts";
export { keplerPropagate } from "./analytic/kepler_propagate.ts";

export { notAKnotSpline } from "./interpolation/not_a_knot_spline.ts";
export { lagrangeInterpolate } from "./interpolation/lagrange_interpolate.ts";

export {
  applyImpulsiveMassDecrement,
  CHEMICAL_TANK_DEFAULTS,
  CHEMICAL_THRUSTER_DEFAULTS,
  ChemicalTank,
  type ChemicalTankSettings,
  ChemicalThruster,
  type ChemicalThrusterCoefficients,
  FiniteThrust,
  IMPULSIVE_MASS_DEFAULTS,
  type ImpulsiveMassSettings,
  LOCAL_AXES,
  type LocalAxes,
  massStateDerivatives,
  type MassStateLayout,
  massStateLayout,
  packMassState,
  PropulsionError,
  type Tank,
  tanksFromState,
  type Thruster,
  THRUSTER_DEFAULTS,
  type ThrusterSettings,
} from "./propulsion/mod.ts";
