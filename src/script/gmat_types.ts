/**
 * A catalogue of the resource types, fields, mission-sequence commands and built-in functions that
 * GMAT R2026a accepts in a script, so a checker can tell a user's typo (`SCRIPT_UNKNOWN_FIELD`)
 * from a real GMAT field.
 *
 * This module owns facts only: it runs nothing and imports nothing. The facts were read from the
 * GMAT R2026a source, nasa/GMAT fba14dc (commit fba14dc42271c3e84359e293231af35be49d6d13, Apache
 * License 2.0): each class's `PARAMETER_TEXT`/`PARAMETER_LABEL` array together with those of its
 * base classes, the script aliases its `GetParameterID` accepts, the parameters it rejects there
 * (read-only fields that throw "not defined in ... syntax" are left out), the nested forms the
 * Interpreter resolves (`FM.GravityField.Earth.Degree`, `FM.Drag.F107`, `Sat.Epoch.UTCGregorian`,
 * `SolarSystem.Earth.NutationUpdateInterval`), the factories' creatable type names, the command
 * factories, `MathFactory`/`MathParser` and the built-in `FunctionFactory`. The data below is
 * written afresh from those facts; no GMAT code text is copied.
 *
 * Some plugins GMAT R2026a loads are not in the public source (the CSALT collocation interface,
 * the EMTG spacecraft models, SNOPT, VF13ad and the OpenFrames visualisation). Their entries are
 * marked {@linkcode GmatTypeInfo.partial}: the listed fields are those of their public base
 * classes plus the fields the GMAT sample missions set, and {@linkcode gmatHasField} answers
 * `undefined` rather than `false` for any other field of those types.
 *
 * @module
 */

/** What the catalogue knows about one resource type (the `Type` in `Create Type name`). */
export interface GmatTypeInfo {
  /**
   * Every field name a script may set as `name.Field = value`, including the inherited ones
   * (for a Spacecraft: the GmatBase, SpacePoint, SpaceObject, Spacecraft, orbit-state and
   * attitude fields).
   */
  readonly fields: readonly string[];
  /**
   * Dotted field paths with wildcard segments, written with `*` (one whole segment each), for
   * nested fields whose middle segment is a body, model or format name, e.g.
   * `GravityField.*.Degree` or `Epoch.*`.
   */
  readonly patterns?: readonly string[];
  /** `true` for GUI-only subscribers (plots, 3-D views, data displays). */
  readonly display?: boolean;
  /** The GMAT plugin library providing the type (as named in the startup file), if not core. */
  readonly plugin?: string;
  /**
   * `true` when the field list is not exhaustive because the type's source is not public; the
   * lookup answers `undefined` instead of `false` for fields it does not list.
   */
  readonly partial?: boolean;
}

/** What the catalogue knows about one mission-sequence command keyword. */
export interface GmatCommandInfo {
  /** The GMAT plugin library providing the command, if not core. */
  readonly plugin?: string;
  /** Whether the keyword opens a block, closes one, or splits one (`Else`). */
  readonly block?: "open" | "close" | "else";
}

// ---------------------------------------------------------------------------------------------
// Helpers for writing the field lists compactly.

/** Join groups of names into one frozen list without repeats, keeping first-seen order. */
function join(...groups: readonly (readonly string[])[]): readonly string[] {
  return Object.freeze([...new Set(groups.flat())]);
}

/** `prefix + n + suffix` for n = from..to. */
function seq(prefix: string, from: number, to: number, suffix = ""): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${prefix}${i}${suffix}`);
  return out;
}

/** Each prefix followed by each suffix. */
function cross(prefixes: readonly string[], suffixes: readonly string[]): string[] {
  return prefixes.flatMap((p) => suffixes.map((s) => `${p}${s}`));
}

const XYZ = ["X", "Y", "Z"] as const;
const TENSOR = ["XX", "XY", "XZ", "YY", "YZ", "ZZ"] as const;

/** Prefix every name with a dotted path head, e.g. `Drag.` + field. */
function under(head: string, names: readonly string[]): string[] {
  return names.map((n) => `${head}.${n}`);
}

// ---------------------------------------------------------------------------------------------
// Base-class parameter lists (GMAT R2026a core unless noted).

/** GmatBase: fields every object accepts. */
const GMAT_BASE = ["Covariance"];

/** SpacePoint: anything with a position (spacecraft, bodies, stations, calculated points). */
const SPACE_POINT = [
  "J2000BodyName",
  "NAIFId",
  "NAIFIdReferenceFrame",
  "SpiceFrameId",
  "OrbitSpiceKernelName",
  "AttitudeSpiceKernelName",
  "SCClockSpiceKernelName",
  "FrameSpiceKernelName",
  "A1Epoch",
  "OrbitColor",
  "TargetColor",
];

/** Spacecraft's own parameter labels. */
const SPACECRAFT_OWN = [
  "Epoch",
  ...seq("Element", 1, 6),
  ...seq("Element", 1, 6, "Units"),
  "StateType",
  "DisplayStateType",
  "AnomalyType",
  "CoordinateSystem",
  "DryMass",
  ...cross(["DryCenterOfMass"], XYZ),
  ...cross(["DryMomentOfInertia"], TENSOR),
  "DateFormat",
  "EstimationStateType",
  "OrbitErrorCovariance",
  "ProcessNoiseModel",
  "Cd",
  "Cr",
  "CdSigma",
  "CrSigma",
  "DragArea",
  "SRPArea",
  "Tanks",
  "Thrusters",
  "PowerSystem",
  "TotalMass",
  "MassPropertiesTableFilePath",
  "CenterOfMassTableFileName",
  "MomentOfInertiaTableFileName",
  "ExtendedMassPropertiesModelType",
  "ExtendedMassPropertiesModel",
  ...cross(["CenterOfMassOffset"], XYZ),
  ...cross(["MomentOfInertiaOffset"], TENSOR),
  ...cross(["SystemCenterOfMass"], XYZ),
  ...cross(["SystemMomentOfInertia"], TENSOR),
  "Id",
  "Attitude",
  "OrbitSTM",
  "OrbitAMatrix",
  "FullSTM",
  "FullAMatrix",
  "FullSTMRowCount",
  "EphemerisName",
  "SPADSRPFile",
  "SPADSRPFileFullPath",
  "SPADSRPScaleFactor",
  "SPADSRPInterpolationMethod",
  "SPADSRPScaleFactorSigma",
  "SPADDragFile",
  "SPADDragFileFullPath",
  "SPADDragScaleFactor",
  "SPADDragInterpolationMethod",
  "SPADDragScaleFactorSigma",
  "AtmosDensityScaleFactor",
  "AtmosDensityScaleFactorSigma",
  "AddPlates",
  ...cross(["Cartesian"], ["X", "Y", "Z", "VX", "VY", "VZ"]),
  "MassFlow",
  "AddHardware",
  "SolveFors",
  "StmElementNames",
  "Cd_Epsilon",
  "Cr_Epsilon",
  "AtmosDensity_Epsilon",
  "NPlateSRPAddEqualityConstraint",
  "NPlateSRPEquateAreaCoefficients",
  "ModelFile",
  "ModelFileFullPath",
  ...cross(["ModelOffset"], XYZ),
  ...cross(["ModelRotation"], XYZ),
  "ModelScale",
  // Accepted by Spacecraft::GetParameterID beyond the label table.
  "STM",
  "AMatrix",
  "CartesianState",
  "KeplerianState",
];

/** Orbit-state element names a Spacecraft accepts in every representation. */
const SPACECRAFT_STATE_ELEMENTS = [
  // Cartesian
  "X",
  "Y",
  "Z",
  "VX",
  "VY",
  "VZ",
  // Keplerian and modified Keplerian
  "SMA",
  "ECC",
  "INC",
  "RAAN",
  "AOP",
  "TA",
  "EA",
  "MA",
  "HA",
  "RadPer",
  "RadApo",
  // Spherical AZFPA and RADEC
  "RMAG",
  "RA",
  "DEC",
  "VMAG",
  "AZI",
  "FPA",
  "RAV",
  "DECV",
  // Equinoctial, modified and alternate equinoctial
  "EquinoctialH",
  "EquinoctialK",
  "EquinoctialP",
  "EquinoctialQ",
  "MLONG",
  "SemilatusRectum",
  "ModEquinoctialF",
  "ModEquinoctialG",
  "ModEquinoctialH",
  "ModEquinoctialK",
  "TLONG",
  "AltEquinoctialP",
  "AltEquinoctialQ",
  // Delaunay
  "Delaunayl",
  "Delaunayg",
  "Delaunayh",
  "DelaunayL",
  "DelaunayG",
  "DelaunayH",
  // Planetodetic
  "PlanetodeticRMAG",
  "PlanetodeticLON",
  "PlanetodeticLAT",
  "PlanetodeticVMAG",
  "PlanetodeticAZI",
  "PlanetodeticHFPA",
  // Hyperbolic asymptotes
  ...cross(["Incoming", "Outgoing"], ["RadPer", "C3Energy", "RHA", "DHA", "BVAZI"]),
  // Brouwer-Lyddane mean elements
  ...cross(["BrouwerShort", "BrouwerLong"], ["SMA", "ECC", "INC", "RAAN", "AOP", "MA"]),
];

/** Attitude fields a Spacecraft forwards to its attitude object. */
const ATTITUDE = [
  "AttitudeDisplayStateType",
  "AttitudeRateDisplayStateType",
  "AttitudeCoordinateSystem",
  ...seq("Q", 1, 4),
  "EulerAngleSequence",
  ...seq("EulerAngle", 1, 3),
  ...cross(["DCM"], ["11", "12", "13", "21", "22", "23", "31", "32", "33"]),
  ...seq("MRP", 1, 3),
  ...seq("EulerAngleRate", 1, 3),
  ...cross(["AngularVelocity", "NutationReferenceVector", "BodySpinAxis"], XYZ),
  "InitialPrecessionAngle",
  "PrecessionRate",
  "NutationAngle",
  "InitialSpinAngle",
  "SpinRate",
  "AttitudeReferenceBody",
  "AttitudeConstraintType",
  ...cross(["BodyAlignmentVector", "BodyConstraintVector"], XYZ),
  "AttitudeFileName",
  // Whole-representation forms.
  "EulerSequenceList",
  "EulerSequenceArray",
  "EulerAngles",
  "EulerAngleRates",
  "Quaternion",
  "MRPs",
  "DirectionCosineMatrix",
  "AngularVelocity",
  "BodySpinAxis",
  "NutationReferenceVector",
];

/** CelestialBody fields (Sun, planets, moons, asteroids, comets). */
const CELESTIAL_BODY = [
  "BodyType",
  "Mass",
  "EquatorialRadius",
  "Flattening",
  "PolarRadius",
  "Mu",
  "PosVelSource",
  "State",
  "StateTime",
  "CentralBody",
  "BodyNumber",
  "RefBodyNumber",
  "UsePotentialFileFlag",
  "PotentialFileName",
  "AngularVelocity",
  "HourAngle",
  "AtmosphereModelName",
  "Order",
  "Degree",
  "RotationDataSource",
  "DateFormat",
  "StateType",
  "InitialEpoch",
  "SMA",
  "ECC",
  "INC",
  "RAAN",
  "AOP",
  "TA",
  "OrientationDateFormat",
  "OrientationEpoch",
  "SpinAxisRAConstant",
  "SpinAxisRARate",
  "SpinAxisDECConstant",
  "SpinAxisDECRate",
  "RotationConstant",
  "RotationRate",
  "TextureMapFileName",
  "TextureMapFullPath",
  "3DModelFile",
  "3DModelFileFullPath",
  ...cross(["3DModelOffset", "3DModelRotation"], XYZ),
  "3DModelScale",
  "DSNMediaFileDirectories",
  // Script name of a body's PCK kernel list (the SpacePoint attitude-kernel slot).
  "PlanetarySpiceKernelName",
];

const BODY_FIELDS = join(GMAT_BASE, SPACE_POINT, CELESTIAL_BODY);
const PLANET_FIELDS = join(BODY_FIELDS, ["NutationUpdateInterval", "EopFileName"]);
const STAR_FIELDS = join(BODY_FIELDS, ["RadiantPower", "ReferenceDistance", "PhotosphereRadius"]);

/** SolarSystem fields (including the SPICE solar-system ones). */
const SOLAR_SYSTEM = [
  "BodiesInUse",
  "NumberOfBodies",
  "Ephemeris",
  "EphemerisSource",
  "DEFilename",
  "SPKFilename",
  "LSKFilename",
  "PCKFilename",
  "UseTTForEphemeris",
  "EphemerisUpdateInterval",
];

/** CalculatedPoint (Barycenter, LibrationPoint). */
const CALCULATED_POINT = ["NumberOfBodies", "BodyNames", "Add"];

/** BodyFixedPoint (GroundStation, PlanetographicRegion) and its location labels. */
const BODY_FIXED_POINT = [
  "CentralBody",
  "StateType",
  "HorizonReference",
  ...seq("Location", 1, 3),
  "X",
  "Y",
  "Z",
  "Latitude",
  "Longitude",
  "Altitude",
];

/** CoordinateSystem, its CoordinateBase and the axis fields it forwards to its axes. */
const COORDINATE_SYSTEM = [
  "Origin",
  "J2000Body",
  "Axes",
  "UpdateInterval",
  "OverrideOriginInterval",
  "SpiceFrameId",
  "Epoch",
  // ObjectReferenced axes
  "XAxis",
  "YAxis",
  "ZAxis",
  "Primary",
  "Secondary",
  // LocalAlignedConstrained axes
  "ReferenceObject",
  ...cross(["AlignmentVector", "ConstraintVector", "ConstraintReferenceVector"], XYZ),
  "ConstraintCoordinateSystem",
];

/** Propagator (PropSetup) and the fields it forwards to its integrator or ephemeris propagator. */
const PROPAGATOR = [
  "FM",
  "Type",
  "InitialStepSize",
  "Accuracy",
  "ErrorThreshold",
  "SmallestInterval",
  "MinStep",
  "MaxStep",
  "MaxStepAttempts",
  "LowerError",
  "TargetError",
  "StopIfAccuracyIsViolated",
  "StepSize",
  "CentralBody",
  "EpochFormat",
  "StartEpoch",
  "MinimumReduction",
  "MaximumReduction",
  "MinimumTolerance",
  // Propagator base
  "AlwaysUpdateStepsize",
  "ProcessNoiseTimeStep",
  "TimeToNextNoiseStep",
  // Predictor-corrector integrators
  "StepCount",
  "MaximumError",
  "StepSign",
  "StartupComplete",
  "StartupCount",
  "InvOrder",
  // Ephemeris propagators (SPK, Code500, STK, CCSDS)
  "EphemStart",
  "EphemEnd",
  "StartOptions",
  "SPKFiles",
  "EphemFile",
];

/** PhysicalModel: every force in a force model. */
const PHYSICAL_MODEL = ["Epoch", "ElapsedSeconds", "BodyName", "DerivativeID"];

/** Harmonic and gravity-field fields (reached as `GravityField.<Body>.<Field>`). */
const GRAVITY_FIELD = [
  "MaxDegree",
  "MaxOrder",
  "Degree",
  "Order",
  "StmLimit",
  "PotentialFile",
  "PotentialFileFullPath",
  "InputCoordinateSystem",
  "FixedCoordinateSystem",
  "TargetCoordinateSystem",
  "Model",
  "Mu",
  "A",
  "TideFile",
  "TideFileFullPath",
  "TideModel",
];

/** Drag-force fields (reached as `Drag.<Field>`). */
const DRAG_FORCE = [
  "AtmosphereModel",
  "AtmosphereBody",
  "InputSource",
  "HistoricWeatherSource",
  "PredictedWeatherSource",
  "CSSISpaceWeatherFile",
  "SchattenFile",
  "F107",
  "F107A",
  "MagneticIndex",
  "SchattenErrorModel",
  "SchattenTimingModel",
  "DragModel",
  "FixedCoordinateSystem",
  "AngularMomentumUpdateInterval",
  "KpToApMethod",
  "DensityModel",
  "InputFile",
];

/** Solar-radiation-pressure fields (reached as `SRP.<Field>`). */
const SRP_FORCE = [
  "UseAnalytic",
  "ShadowModel",
  "VectorModel",
  "BodyRadius",
  "SunRadius",
  "ExtraShadowBodies",
  "CR",
  "Area",
  "Mass",
  "Flux",
  "Flux_Pressure",
  "SRPModel",
  "Sun_Distance",
  "Nominal_Sun",
  "PCBrad",
  "PercentSun",
];

const POINT_MASS_FORCE = ["GravConst", "Radius", "EstimateMethod", "PrimaryBody"];
const RELATIVISTIC_CORRECTION = ["Radius", "Mu"];
/** External (Python) force model fields, libExternalForceModel. */
const EXTERNAL_FORCE = ["ScriptFileName", "ExcludeOtherForces", "DerivativesFunction"];

/** ODEModel's own fields. */
const ODE_MODEL = [
  "CentralBody",
  "PrimaryBodies",
  "PolyhedralBodies",
  "PointMasses",
  "Drag",
  "SRP",
  "RelativisticCorrection",
  "ErrorControl",
  "CoordinateSystemList",
  "CreateForceBody",
  "ShapeFileName",
  "BodyDensity",
  "UserDefined",
  "External",
  "AtmosphereModel",
];

/** Burn base fields (ImpulsiveBurn, FiniteBurn); V, N and B name the VNB elements. */
const BURN = [
  "CoordinateSystem",
  "Origin",
  "Axes",
  "VectorFormat",
  ...seq("Element", 1, 3),
  "SpacecraftName",
  "V",
  "N",
  "B",
];

/** Hardware base fields (tanks, thrusters, power systems, imagers, RF hardware). */
const HARDWARE = [
  "Coordinates",
  "RotationOption",
  ...cross(["Direction", "SecondDirection", "HWOriginInBCS"], XYZ),
  "RotationMatrix",
  ...cross(["R_SB"], ["11", "12", "13", "21", "22", "23", "31", "32", "33"]),
];

const FUEL_TANK = [
  "AllowNegativeFuelMass",
  "FuelMass",
  ...cross(["FuelCenterOfMass"], XYZ),
  ...cross(["FuelMomentOfInertia"], TENSOR),
  ...cross(["FuelCenterOfMass"], XYZ.map((a) => `${a}_BCS`)),
  ...cross(["FuelMomentOfInertia"], TENSOR.map((a) => `${a}_BCS`)),
];

const CHEMICAL_TANK = [
  "Pressure",
  "Temperature",
  "RefTemperature",
  "Volume",
  "FuelDensity",
  "PressureModel",
  "PressureRegulated",
];

const THRUSTER = [
  "IsFiring",
  "CoordinateSystem",
  "Origin",
  "Axes",
  "DutyCycle",
  "ThrustScaleFactor",
  "DecrementMass",
  "Tank",
  "MixRatio",
  "GravitationalAccel",
  "Thrust",
  "Isp",
  "MassFlowRate",
  ...seq("ThrustDirection", 1, 3),
  // Deprecated spellings still accepted.
  "X_Direction",
  "Y_Direction",
  "Z_Direction",
  ...seq("Element", 1, 3),
];

const CHEMICAL_THRUSTER = [...seq("C", 1, 16), ...seq("K", 1, 16), "C_UNITS", "K_UNITS"];

const ELECTRIC_THRUSTER = [
  "ThrustModel",
  "MaximumUsablePower",
  "MinimumUsablePower",
  ...seq("ThrustCoeff", 1, 5),
  ...seq("MassFlowCoeff", 1, 5),
  "FixedEfficiency",
  "Isp",
  "ConstantThrust",
  "T_UNITS",
  "MF_UNITS",
];

const POWER_SYSTEM = [
  "EpochFormat",
  "InitialEpoch",
  "InitialMaxPower",
  "AnnualDecayRate",
  "Margin",
  ...seq("BusCoeff", 1, 3),
  "TotalPowerAvailable",
  "RequiredBusPower",
  "ThrustPowerAvailable",
];

const IMAGER = ["FieldOfView", "MaskConeAngles", "MaskClockAngles", "NAIFId"];

/** RFHardware (Transmitter, Receiver, Transponder), libGmatEstimation. */
const RF_HARDWARE = ["PrimaryAntenna"];

const FIELD_OF_VIEW = ["Color", "Alpha"];

/** Subscriber base fields (reports, ephemerides, plots). */
const SUBSCRIBER = [
  "SolverIterations",
  "TargetStatus",
  "UpperLeft",
  "Size",
  "RelativeZOrder",
  "Minimized",
  "Maximized",
];

const ORBIT_PLOT = [
  "Add",
  "CoordinateSystem",
  "DrawObject",
  "OrbitColor",
  "TargetColor",
  "DataCollectFrequency",
  "UpdatePlotFrequency",
  "NumPointsToRedraw",
  "ShowPlot",
  "MaxPlotPoints",
];

const ORBIT_VIEW = [
  "ShowLabels",
  "ViewPointRef",
  "ViewPointReference",
  "ViewPointRefType",
  "ViewPointRefVector",
  "ViewPointVector",
  "ViewPointVectorType",
  "ViewPointVectorVector",
  "ViewDirection",
  "ViewDirectionType",
  "ViewDirectionVector",
  "ViewScaleFactor",
  "ViewUpCoordinateSystem",
  "ViewUpAxis",
  "CelestialPlane",
  "EclipticPlane",
  "XYPlane",
  "WireFrame",
  "Axes",
  "Grid",
  "EarthSunLines",
  "SunLine",
  "Overlap",
  "UseInitialView",
  "StarCount",
  "EnableStars",
  "EnableConstellations",
  "MinFOV",
  "MaxFOV",
  "InitialFOV",
];

/** GroundTrack (also created for `GroundTrackPlot`): a Subscriber, not an orbit plot. */
const GROUND_TRACK = [
  "CentralBody",
  "TextureMap",
  "Add",
  "ShowName",
  "LineWidth",
  "DataCollectFrequency",
  "UpdatePlotFrequency",
  "NumPointsToRedraw",
  "MaxPlotPoints",
  "ShowPlot",
  "ShowFootPrints",
  "UseGrid",
  "LatitudeLineCount",
  "LongitudeLineCount",
];

const REPORT_FILE = [
  "Filename",
  "FullPathFileName",
  "Precision",
  "Add",
  "WriteHeaders",
  "LeftJustify",
  "ZeroFill",
  "FixedWidth",
  "Delimiter",
  "ColumnWidth",
  "WriteReport",
  "AppendToExistingFile",
];

/** Solver base fields. */
const SOLVER = [
  "ShowProgress",
  "ReportStyle",
  "ReportFile",
  "Variables",
  "MaximumIterations",
  "NumberOfVariables",
  "RegisteredVariables",
  "RegisteredComponents",
  "AllowScaleSetting",
  "AllowRangeSettings",
  "AllowStepsizeSetting",
  "AllowVariablePertSetting",
  "SolverMode",
  "ExitMode",
  "IntegerSolverStatus",
  "Nested",
];

const OPTIMIZER = [
  "ObjectiveFunction",
  "Tolerance",
  "EqualityConstraintNames",
  "InequalityConstraintNames",
  "PlotCost",
  "SourceType",
  "CheckPhysicalTolerances",
];

/** Estimator base fields, libGmatEstimation. */
const ESTIMATOR = [
  "Measurements",
  "AddSolveFor",
  "Propagator",
  "EstimationEpochFormat",
  "EstimationEpoch",
  "PredictTimeSpan",
  "AddPredictToMatlabFile",
  "ShowAllResiduals",
  "AddResidualsPlot",
  "DataFilters",
  "MatlabFile",
  "DataFile",
  "DataFileStyle",
];

/** Solver + Estimator fields without `MaximumIterations`, which sequential estimators reject. */
const SEQUENTIAL_BASE = join(GMAT_BASE, SOLVER, ESTIMATOR).filter((f) => f !== "MaximumIterations");

/** DataFilter base fields, libGmatEstimation (`Strands` is rejected as read-only). */
const DATA_FILTER = [
  "FileNames",
  "ObservedObjects",
  "Trackers",
  "DataTypes",
  "EpochFormat",
  "InitialEpoch",
  "FinalEpoch",
];

/** Parameter base fields (Variable, String, Array). */
const PARAMETER = [
  "Object",
  "InitialValue",
  "Expression",
  "Description",
  "Unit",
  "DepObject",
  "Color",
];

/** Function base fields (GmatFunction, MatlabFunction). */
const FUNCTION = ["FunctionPath", "FunctionName", "Input", "Output"];

/** EventLocator base fields, libEventLocator. */
const EVENT_LOCATOR = [
  "Spacecraft",
  "Filename",
  "OccultingBodies",
  "InputEpochFormat",
  "InitialEpoch",
  "StepSize",
  "FinalEpoch",
  "UseLightTimeDelay",
  "UseStellarAberration",
  "WriteReport",
  "RunMode",
  "UseEntireInterval",
];

// ---------------------------------------------------------------------------------------------
// Nested-field patterns.

const FORCE_MODEL_PATTERNS = join(
  under("GravityField.*", GRAVITY_FIELD),
  under("Gravity.*", GRAVITY_FIELD),
  under("Drag", DRAG_FORCE),
  under("Drag.*", DRAG_FORCE),
  under("SRP", SRP_FORCE),
  under("External", EXTERNAL_FORCE),
);

const SOLAR_SYSTEM_PATTERNS = join(under("*", join(PLANET_FIELDS, STAR_FIELDS)));

// ---------------------------------------------------------------------------------------------
// Plugin library names, as GMAT R2026a's startup file loads them.

const ESTIMATION = "libGmatEstimation";
const EKF = "libEKF";
const CSALT = "libCsaltInterface";
const OPEN_FRAMES = "libOpenFramesInterface";
const EVENT_LOCATOR_LIB = "libEventLocator";

const SPACECRAFT_FIELDS = join(
  GMAT_BASE,
  SPACE_POINT,
  SPACECRAFT_OWN,
  SPACECRAFT_STATE_ELEMENTS,
  ATTITUDE,
);

const CHEMICAL_TANK_FIELDS = join(GMAT_BASE, HARDWARE, FUEL_TANK, CHEMICAL_TANK);
const CHEMICAL_THRUSTER_FIELDS = join(GMAT_BASE, HARDWARE, THRUSTER, CHEMICAL_THRUSTER);
const ORBIT_VIEW_FIELDS = join(GMAT_BASE, SUBSCRIBER, ORBIT_PLOT, ORBIT_VIEW);
const GROUND_TRACK_FIELDS = join(GMAT_BASE, SUBSCRIBER, GROUND_TRACK);

const STATION_FIELDS = join(GMAT_BASE, SPACE_POINT, BODY_FIXED_POINT, [
  "Id",
  "AddHardware",
  "IonosphereModel",
  "TroposphereModel",
  "DataSource",
  "Temperature",
  "Pressure",
  "Humidity",
  "MinimumElevationAngle",
  "ErrorModels",
  "HorizonMaskFileName",
]);

const FORCE_MODEL_FIELDS = join(
  GMAT_BASE,
  ODE_MODEL,
  PHYSICAL_MODEL,
  GRAVITY_FIELD,
  DRAG_FORCE,
  SRP_FORCE,
  POINT_MASS_FORCE,
  RELATIVISTIC_CORRECTION,
  EXTERNAL_FORCE,
);

/**
 * Every GMAT R2026a resource type a script may create, keyed by the type name used in
 * `Create Type name`, with its settable fields (see {@linkcode GmatTypeInfo}).
 *
 * Besides the creatable types it holds `SolarSystem` and `CelestialBody` (the type of the default
 * bodies listed in {@linkcode GMAT_DEFAULT_BODIES}) so assignments such as
 * `Earth.EopFileName = ...` or `SolarSystem.EphemerisSource = ...` can be checked too.
 */
export const GMAT_RESOURCE_TYPES: Readonly<Record<string, GmatTypeInfo>> = Object.freeze({
  // --- Space objects ------------------------------------------------------------------------
  Spacecraft: {
    fields: SPACECRAFT_FIELDS,
    patterns: ["Epoch.*", "Covariance.*"],
  },
  Formation: {
    fields: join(GMAT_BASE, SPACE_POINT, ["Add", "Remove", "Clear", "STM", "CartesianState"]),
    plugin: "libFormation",
  },
  GroundStation: { fields: STATION_FIELDS, plugin: "libStation" },
  PlanetographicRegion: {
    fields: join(GMAT_BASE, SPACE_POINT, BODY_FIXED_POINT, ["AreaFileName"]),
  },
  Plate: {
    fields: join(GMAT_BASE, [
      "Type",
      "PlateNormalHistoryFile",
      "PlateNormal",
      "Area",
      "AreaCoefficient",
      "AreaCoefficientSigma",
      "LitFraction",
      "SpecularFraction",
      "SpecularFractionSigma",
      "DiffuseFraction",
      "DiffuseFractionSigma",
      "SolveFors",
    ]),
  },

  // --- Solar system -------------------------------------------------------------------------
  SolarSystem: {
    fields: join(GMAT_BASE, SOLAR_SYSTEM),
    patterns: SOLAR_SYSTEM_PATTERNS,
  },
  // Any default or user body: the union of the planet, moon and star fields.
  CelestialBody: { fields: join(PLANET_FIELDS, STAR_FIELDS) },
  Planet: { fields: PLANET_FIELDS },
  Moon: { fields: BODY_FIELDS },
  Star: { fields: STAR_FIELDS },
  Asteroid: { fields: BODY_FIELDS },
  Comet: { fields: BODY_FIELDS },
  Barycenter: { fields: join(GMAT_BASE, SPACE_POINT, CALCULATED_POINT) },
  LibrationPoint: {
    fields: join(GMAT_BASE, SPACE_POINT, CALCULATED_POINT, ["Primary", "Secondary", "Point"]),
  },
  CoordinateSystem: { fields: join(GMAT_BASE, COORDINATE_SYSTEM) },

  // --- Propagation --------------------------------------------------------------------------
  Propagator: { fields: join(GMAT_BASE, PROPAGATOR) },
  ForceModel: { fields: FORCE_MODEL_FIELDS, patterns: FORCE_MODEL_PATTERNS },

  // --- Burns and hardware -------------------------------------------------------------------
  ImpulsiveBurn: {
    fields: join(GMAT_BASE, BURN, [
      "DecrementMass",
      "Tank",
      "Isp",
      "GravitationalAccel",
      "DeltaTankMass",
    ]),
  },
  FiniteBurn: {
    fields: join(GMAT_BASE, BURN, [
      "Thrusters",
      "Tanks",
      "BurnScaleFactor",
      "ThrottleLogicAlgorithm",
    ]),
  },
  FuelTank: { fields: CHEMICAL_TANK_FIELDS },
  ChemicalTank: { fields: CHEMICAL_TANK_FIELDS },
  ElectricTank: { fields: join(GMAT_BASE, HARDWARE, FUEL_TANK) },
  Thruster: { fields: CHEMICAL_THRUSTER_FIELDS },
  ChemicalThruster: { fields: CHEMICAL_THRUSTER_FIELDS },
  ElectricThruster: { fields: join(GMAT_BASE, HARDWARE, THRUSTER, ELECTRIC_THRUSTER) },
  NuclearPowerSystem: { fields: join(GMAT_BASE, HARDWARE, POWER_SYSTEM) },
  SolarPowerSystem: {
    fields: join(GMAT_BASE, HARDWARE, POWER_SYSTEM, [
      "ShadowModel",
      "ShadowBodies",
      ...seq("SolarCoeff", 1, 5),
    ]),
  },
  Imager: { fields: join(GMAT_BASE, HARDWARE, IMAGER) },
  ConicalFOV: { fields: join(GMAT_BASE, FIELD_OF_VIEW, ["FieldOfViewAngle"]) },
  RectangularFOV: { fields: join(GMAT_BASE, FIELD_OF_VIEW, ["AngleWidth", "AngleHeight"]) },
  CustomFOV: {
    fields: join(GMAT_BASE, FIELD_OF_VIEW, [
      "FOVFileName",
      "ConeAngles",
      "ClockAngles",
      "Azimuth",
      "Elevation",
      "InterpolationStepSize",
    ]),
  },
  Antenna: { fields: join(GMAT_BASE, HARDWARE, IMAGER), plugin: ESTIMATION },
  Transmitter: {
    fields: join(GMAT_BASE, HARDWARE, IMAGER, RF_HARDWARE, [
      "Frequency",
      "FrequencyBand",
      "FrequencyBias",
      "FrequencyBiasSigma",
      "ReferenceEpoch",
      "EpochFormat",
      "SolveFors",
    ]),
    plugin: ESTIMATION,
  },
  Receiver: {
    fields: join(GMAT_BASE, HARDWARE, IMAGER, RF_HARDWARE, ["Id", "ErrorModels"]),
    plugin: ESTIMATION,
  },
  Transponder: {
    fields: join(GMAT_BASE, HARDWARE, IMAGER, RF_HARDWARE, ["TurnAroundRatio", "HardwareDelay"]),
    plugin: ESTIMATION,
  },

  // --- Parameters and functions -------------------------------------------------------------
  Variable: { fields: join(GMAT_BASE, PARAMETER) },
  String: { fields: join(GMAT_BASE, PARAMETER) },
  Array: {
    fields: join(GMAT_BASE, PARAMETER, [
      "NumRows",
      "NumCols",
      "RmatValue",
      "SingleValue",
      "RowValue",
      "ColValue",
      "InitialValueType",
    ]),
  },
  GmatFunction: { fields: join(GMAT_BASE, FUNCTION), plugin: "libGmatFunction" },
  MatlabFunction: { fields: join(GMAT_BASE, FUNCTION), plugin: "libMatlabInterface" },

  // --- Solvers ------------------------------------------------------------------------------
  DifferentialCorrector: {
    fields: join(GMAT_BASE, SOLVER, [
      "Goals",
      "DerivativeMethod",
      "Algorithm",
      "UseCentralDifferences",
    ]),
  },
  Yukon: {
    fields: join(GMAT_BASE, SOLVER, OPTIMIZER, [
      "goalName",
      "UseCentralDifferences",
      "FeasibilityTolerance",
      "HessianUpdateMethod",
      "MaximumFunctionEvals",
      "OptimalityTolerance",
      "FunctionTolerance",
      "MaximumElasticWeight",
    ]),
    plugin: "libYukonOptimizer",
  },
  FminconOptimizer: {
    fields: join(GMAT_BASE, SOLVER, OPTIMIZER, [
      "FunctionPath",
      "SourceType",
      "Options",
      "OptionValues",
      "DiffMaxChange",
      "DiffMinChange",
      "MaxFunEvals",
      "MaxIter",
      "TolX",
      "TolFun",
      "TolCon",
      "DerivativeCheck",
      "Diagnostics",
      "Display",
      "GradObj",
      "GradConstr",
    ]),
    plugin: "libFminconOptimizer",
  },
  SNOPT: {
    fields: join(GMAT_BASE, SOLVER, OPTIMIZER, [
      "MajorFeasibilityTolerance",
      "MajorIterationsLimit",
      "MajorOptimalityTolerance",
      "OutputFileName",
      "OverrideSpecsFileValues",
      "SpecsFileName",
      "TotalIterationsLimit",
    ]),
    plugin: "libSNOptimizer",
    partial: true,
  },
  VF13ad: {
    fields: join(GMAT_BASE, SOLVER, OPTIMIZER, [
      "FeasibilityTolerance",
      "MaximumLineSearches",
      "UseCentralDifferences",
      "UseFeasibility",
    ]),
    plugin: "libVF13Optimizer",
    partial: true,
  },

  // --- Estimation (libGmatEstimation, libEKF) ----------------------------------------------
  Simulator: {
    fields: join(GMAT_BASE, SOLVER, [
      "AddData",
      "Propagator",
      "EpochFormat",
      "InitialEpoch",
      "FinalEpoch",
      "MeasurementTimeStep",
      "AddNoise",
    ]),
    plugin: ESTIMATION,
  },
  BatchEstimator: {
    fields: join(GMAT_BASE, SOLVER, ESTIMATOR, [
      "AbsoluteTol",
      "RelativeTol",
      "UseInitialCovariance",
      "InversionAlgorithm",
      "MaxConsecutiveDivergences",
      "ResetBestRMSIfDiverging",
      "FreezeMeasurementEditing",
      "FreezeIteration",
      "OLSEInitialRMSSigma",
      "OLSEMultiplicativeConstant",
      "OLSEAdditiveConstant",
      "OLSEUseRMSP",
      "UseInnerLoopEditing",
      "ILSEMultiplicativeConstant",
      "ILSEMaximumIterations",
    ]),
    plugin: ESTIMATION,
  },
  ExtendedKalmanFilter: {
    fields: join(SEQUENTIAL_BASE, [
      "ProcessNoiseTimeStep",
      "ScaledResidualThreshold",
      "DelayRectifyTimeSpan",
      "MeasDeweightingSigmaThreshold",
      "MeasDeweightingCoefficient",
      "InputWarmStartFile",
      "WarmStartEpochFormat",
      "WarmStartEpoch",
      "OutputWarmStartFile",
    ]),
    plugin: EKF,
  },
  Smoother: {
    fields: join(SEQUENTIAL_BASE, [
      "Filter",
      "DelayRectifyTimeSpan",
      "MeasDeweightingSigmaThreshold",
      "MeasDeweightingCoefficient",
    ]),
    plugin: EKF,
  },
  ProcessNoiseModel: {
    fields: join(GMAT_BASE, [
      "Type",
      "UpdateTimeStep",
      "CoordinateSystem",
      "RateVector",
      "AccelNoiseSigma",
    ]),
    plugin: EKF,
  },
  EstimatedParameter: {
    fields: join(GMAT_BASE, [
      "Model",
      "SolveFor",
      "SteadyStateValue",
      "SteadyStateSigma",
      "HalfLife",
    ]),
    plugin: EKF,
  },
  ErrorModel: {
    fields: join(GMAT_BASE, [
      "Type",
      "NoiseSigma",
      "Bias",
      "BiasSigma",
      "PassBiases",
      "SolveFors",
      "Id",
    ]),
    plugin: ESTIMATION,
  },
  TrackingFileSet: {
    fields: join(GMAT_BASE, [
      "AddTrackingConfig",
      "FileName",
      "RampTable",
      "UseLightTime",
      "UseRelativityCorrection",
      "UseETminusTAI",
      "AberrationCorrection",
      "SimRangeModuloConstant",
      "SimDopplerCountInterval",
      "SimTDRSServiceAccessList",
      "SimTDRSSmarId",
      "SimTDRSTrackerType",
      "TimeGapForPassBreak",
      "MinHeightOfRayPath",
      "MaxCentralAngleOfRayPath",
      "DataFilters",
    ]),
    plugin: ESTIMATION,
  },
  AcceptFilter: {
    fields: join(GMAT_BASE, DATA_FILTER, ["ThinMode", "ThinningFrequency", "RecordNumbers"]),
    plugin: ESTIMATION,
  },
  RejectFilter: {
    fields: join(GMAT_BASE, DATA_FILTER, ["RecordNumbers"]),
    plugin: ESTIMATION,
  },

  // --- Output -------------------------------------------------------------------------------
  ReportFile: { fields: join(GMAT_BASE, SUBSCRIBER, REPORT_FILE) },
  TextEphemFile: {
    fields: join(GMAT_BASE, SUBSCRIBER, REPORT_FILE, [
      "EpochFormat",
      "Interval",
      "CoordinateSystem",
    ]),
  },
  EphemerisFile: {
    fields: join(GMAT_BASE, SUBSCRIBER, [
      "Spacecraft",
      "Filename",
      "FullPathFileName",
      "FileFormat",
      "FileFormatVersion",
      "AddingAccelerationOption",
      "AddingCovarianceOption",
      "EpochFormat",
      "InitialEpoch",
      "FinalEpoch",
      "StepSize",
      "Interpolator",
      "InterpolationOrder",
      "StateType",
      "CoordinateSystem",
      "OutputFormat",
      "IncludeCovariance",
      "WriteEphemeris",
      "FileName",
      "DistanceUnit",
      "IncludeEventBoundaries",
    ]),
  },
  XYPlot: {
    fields: join(GMAT_BASE, SUBSCRIBER, [
      "XVariable",
      "YVariables",
      "ShowGrid",
      "DataCollectFrequency",
      "UpdatePlotFrequency",
      "ShowPlot",
      "Drawing",
      "IndVar",
      "Add",
      "Grid",
    ]),
    display: true,
  },
  OrbitView: { fields: ORBIT_VIEW_FIELDS, display: true },
  OpenGLPlot: { fields: ORBIT_VIEW_FIELDS, display: true },
  Enhanced3DView: { fields: ORBIT_VIEW_FIELDS, display: true },
  GroundTrackPlot: { fields: GROUND_TRACK_FIELDS, display: true },
  GroundTrack: { fields: GROUND_TRACK_FIELDS, display: true },
  DynamicDataDisplay: {
    fields: join(GMAT_BASE, SUBSCRIBER, [
      "AddParameters",
      "TextColor",
      "RowTextColors",
      "BackgroundColor",
      "WarnBounds",
      "CritBounds",
      "WarnColor",
      "CritColor",
    ]),
    display: true,
  },
  OpenFramesInterface: {
    fields: join(GMAT_BASE, SUBSCRIBER, [
      "Add",
      "Axes",
      "AxesLabels",
      "AxesLength",
      "CoordinateSystem",
      "DrawAxes",
      "DrawCenterPoint",
      "DrawEndPoints",
      "DrawFontPosition",
      "DrawFontSize",
      "DrawGrid",
      "DrawLabel",
      "DrawLineWidth",
      "DrawMarkerSize",
      "DrawObject",
      "DrawTrajectory",
      "DrawUsePropLabel",
      "DrawVelocity",
      "DrawXYPlane",
      "EclipticPlane",
      "EnableStars",
      "FrameLabel",
      "MSAASamples",
      "MaxStarMag",
      "MaxStarPixels",
      "MinStarDimRatio",
      "MinStarMag",
      "MinStarPixels",
      "MultisampleAntiAliasing",
      "PlaybackTimeScale",
      "ShowPlot",
      "ShowToolbar",
      "ShowVR",
      "SolverIterLastN",
      "StarCatalog",
      "StarCount",
      "Vector",
      "View",
      "XYPlane",
    ]),
    display: true,
    plugin: OPEN_FRAMES,
    partial: true,
  },
  OpenFramesView: {
    fields: join(GMAT_BASE, [
      "CurrentCenter",
      "CurrentEye",
      "CurrentUp",
      "DefaultCenter",
      "DefaultEye",
      "DefaultUp",
      "FOVy",
      "InertialFrame",
      "LookAtFrame",
      "SetCurrentLocation",
      "SetDefaultLocation",
      "ShortestAngle",
      "ViewFrame",
      "ViewTrajectory",
    ]),
    display: true,
    plugin: OPEN_FRAMES,
    partial: true,
  },
  OpenFramesVector: {
    fields: join(GMAT_BASE, [
      "DestinationObject",
      "SourceObject",
      "VectorColor",
      "VectorLabel",
      "VectorLengthType",
      "VectorType",
    ]),
    display: true,
    plugin: OPEN_FRAMES,
    partial: true,
  },
  OpenFramesSensorMask: {
    fields: GMAT_BASE,
    display: true,
    plugin: OPEN_FRAMES,
    partial: true,
  },

  // --- Event locators and data interfaces ---------------------------------------------------
  ContactLocator: {
    fields: join(GMAT_BASE, EVENT_LOCATOR.filter((f) => f !== "Spacecraft"), [
      "Target",
      "Observers",
      "LightTimeDirection",
      "LeftJustified",
      "ReportPrecision",
      "ReportFormat",
      "IntervalStepSize",
      "ReportTimeFormat",
    ]),
    plugin: EVENT_LOCATOR_LIB,
  },
  EclipseLocator: {
    fields: join(GMAT_BASE, EVENT_LOCATOR, ["EclipseTypes"]),
    plugin: EVENT_LOCATOR_LIB,
  },
  IntrusionLocator: {
    fields: join(GMAT_BASE, EVENT_LOCATOR, [
      "Sensors",
      "CentralBody",
      "IntrudingBodies",
      "MinimumPhase",
      "ReportCoordinates",
      "SpiceGridFrameFile",
    ]),
    plugin: EVENT_LOCATOR_LIB,
  },
  FileInterface: {
    fields: join(GMAT_BASE, ["Format", "SelectedFields", "SupportedFields", "Filename"]),
    plugin: "libDataInterface",
  },
  ThrustHistoryFile: {
    fields: join(GMAT_BASE, ["FileName", "AddThrustSegment"]),
    plugin: "libThrustFile",
  },
  ThrustSegment: {
    fields: join(GMAT_BASE, [
      "ThrustScaleFactor",
      "ThrustScaleFactorSigma",
      "ApplyThrustScaleToMassFlow",
      "MassFlowScaleFactor",
      "MassSource",
      "ThrustAngleConstraintVector",
      "ThrustAngle1",
      "ThrustAngle2",
      "ThrustAngle1Sigma",
      "ThrustAngle2Sigma",
      "SolveFors",
      "TSF_Epsilon",
      "StartEpoch",
      "EndEpoch",
    ]),
    plugin: "libThrustFile",
  },

  // --- Optimal control (CSALT and EMTG plugins; source not public) --------------------------
  Trajectory: {
    fields: join(GMAT_BASE, [
      "AddBoundaryFunction",
      "AddSimpleLinkageChain",
      "AllowFailedMeshOptimizations",
      "CustomLinkages",
      "FeasibilityTolerances",
      "GuessSource",
      "MajorIterationsLimits",
      "MajorOptimalityTolerances",
      "MassScaleFactor",
      "MaxMeshRefinementIterations",
      "MeshRefinementGuessMode",
      "OptimizationMode",
      "OutputCoordinateSystem",
      "PhaseList",
      "PublishUpdateRate",
      "SNOPTOutputFile",
      "SolutionFile",
      "StateScaleMode",
      "TotalIterationsLimits",
    ]),
    plugin: CSALT,
    partial: true,
  },
  Phase: {
    fields: join(GMAT_BASE, [
      "BuiltInCost",
      "ControlLowerBound",
      "ControlUpperBound",
      "DynamicsConfiguration",
      "EpochFormat",
      "EpochLowerBound",
      "EpochUpperBound",
      "FinalEpoch",
      "GuessSource",
      "InitialEpoch",
      "MaxControlMagnitude",
      "MaxRelativeErrorTolerance",
      "MinControlMagnitude",
      "OrbitColor",
      "OverrideColorInGraphics",
      "PointsPerSubPhase",
      "StateLowerBound",
      "StateUpperBound",
      "SubPhaseBoundaries",
      "ThrustMode",
      "Type",
    ]),
    plugin: CSALT,
    partial: true,
  },
  CustomLinkageConstraint: {
    fields: join(GMAT_BASE, [
      "ConstraintMode",
      "FinalPhase",
      "FinalPhaseBoundaryType",
      "InitialPhase",
      "InitialPhaseBoundaryType",
    ]),
    plugin: CSALT,
    partial: true,
  },
  OptimalControlGuess: {
    fields: join(GMAT_BASE, ["CoordinateSystem", "FileName", "TimeSystem", "Type"]),
    plugin: CSALT,
    partial: true,
  },
  OptimalControlFunction: {
    fields: join(GMAT_BASE, ["Function", "PhaseList", "Type"]),
    plugin: CSALT,
    partial: true,
  },
  DynamicsConfiguration: {
    fields: join(GMAT_BASE, ["EMTGTankConfig", "FiniteBurns", "ForceModels", "Spacecraft"]),
    plugin: CSALT,
    partial: true,
  },
  EMTGSpacecraft: {
    fields: join(GMAT_BASE, ["DutyCycle", "SpacecraftFile", "SpacecraftStage"]),
    plugin: "libEMTGModels",
    partial: true,
  },
});

/**
 * The celestial bodies GMAT R2026a's default solar system defines, in GMAT's order. They can be
 * assigned to without `Create` (`Earth.EopFileName = ...`); their type is in
 * {@linkcode GMAT_DEFAULT_BODY_TYPES}.
 */
export const GMAT_DEFAULT_BODIES: readonly string[] = Object.freeze([
  "Sun",
  "Mercury",
  "Venus",
  "Earth",
  "Luna",
  "Mars",
  "Jupiter",
  "Saturn",
  "Uranus",
  "Neptune",
  "Pluto",
]);

/** The catalogue type of each default body (a key of {@linkcode GMAT_RESOURCE_TYPES}). */
export const GMAT_DEFAULT_BODY_TYPES: Readonly<Record<string, string>> = Object.freeze({
  Sun: "Star",
  Mercury: "Planet",
  Venus: "Planet",
  Earth: "Planet",
  Luna: "Moon",
  Mars: "Planet",
  Jupiter: "Planet",
  Saturn: "Planet",
  Uranus: "Planet",
  Neptune: "Planet",
  Pluto: "Planet",
});

/** Calculated points GMAT R2026a defines by default (usable as origins without `Create`). */
export const GMAT_DEFAULT_CALCULATED_POINTS: readonly string[] = Object.freeze([
  "SolarSystemBarycenter",
]);

/** The coordinate systems GMAT R2026a defines by default (usable without `Create`). */
export const GMAT_DEFAULT_COORDINATE_SYSTEMS: readonly string[] = Object.freeze([
  "EarthMJ2000Eq",
  "EarthMJ2000Ec",
  "EarthFixed",
  "EarthICRF",
]);

/**
 * Every mission-sequence command keyword GMAT R2026a core and its plugins accept, with the
 * plugin that provides it and whether it opens, closes or splits a block.
 *
 * `GMAT` is the optional prefix of an assignment (`GMAT x = 1;`); `SetSeed` is a built-in
 * function GMAT runs as a statement (`SetSeed(42)`). Assignments and calls of user functions
 * (`[a, b] = f(x)`, `f(x)`) have no keyword and are not listed. Python functions are called as
 * `Python.module.fn(...)` through `CallPythonFunction`; R2026a has no `PythonFunction` resource.
 */
export const GMAT_COMMANDS: Readonly<Record<string, GmatCommandInfo>> = Object.freeze({
  BeginMissionSequence: {},
  Propagate: {},
  Maneuver: {},
  BeginFiniteBurn: {},
  EndFiniteBurn: {},
  Toggle: {},
  Report: {},
  Write: {},
  Stop: {},
  SaveMission: {},
  FindEvents: {},
  ClearPlot: {},
  PenUp: {},
  PenDown: {},
  MarkPoint: {},
  UpdateDynamicData: {},
  Create: {},
  GMAT: {},
  SetSeed: {},
  If: { block: "open" },
  Else: { block: "else" },
  EndIf: { block: "close" },
  While: { block: "open" },
  EndWhile: { block: "close" },
  For: { block: "open" },
  EndFor: { block: "close" },
  Target: { block: "open" },
  EndTarget: { block: "close" },
  Optimize: { block: "open" },
  EndOptimize: { block: "close" },
  BeginScript: { block: "open" },
  EndScript: { block: "close" },
  Vary: {},
  Achieve: {},
  Minimize: {},
  NonlinearConstraint: {},
  Global: { plugin: "libGmatFunction" },
  CallGmatFunction: { plugin: "libGmatFunction" },
  CallMatlabFunction: { plugin: "libMatlabInterface" },
  CallPythonFunction: { plugin: "libPythonInterface" },
  RunSimulator: { plugin: ESTIMATION },
  RunEstimator: { plugin: ESTIMATION },
  RunSmoother: { plugin: EKF },
  BeginFileThrust: { plugin: "libThrustFile" },
  EndFileThrust: { plugin: "libThrustFile" },
  Save: { plugin: "libSaveCommand" },
  Set: { plugin: "libDataInterface" },
  CommandEcho: { plugin: "libScriptTools" },
  Collocate: { plugin: CSALT },
});

/** Names listed first-letter-lowercase in GMAT's MathParser; either first-letter case works. */
const PARSER_FUNCTIONS = [
  // Real functions
  "abs",
  "acos",
  "asin",
  "atan",
  "atan2",
  "ceil",
  "cos",
  "exp",
  "fix",
  "floor",
  "log",
  "log10",
  "sin",
  "tan",
  "sqrt",
  // Matrix functions
  "det",
  "inv",
  "norm",
  "rand",
  "randn",
  "transpose",
  // Unit conversions
  "deg2Rad",
  "degToRad",
  "rad2Deg",
  "radToDeg",
  // Multi-argument built-ins and string functions
  "cross",
  "diag",
  "min",
  "mod",
  "setSeed",
  "sprintf",
  "strcat",
  "strcmp",
  "strfind",
  "strrep",
  "strlen",
  "substr",
];

/** Built-in functions of GMAT's FunctionFactory, spelled exactly as it accepts them. */
const BUILTIN_FUNCTIONS = [
  "GetLastState",
  "GetEphemStates",
  "SetSeed",
  "Pause",
  "pause",
  "SystemTime",
  "ConvertTime",
  "Sign",
  "sign",
  "Str2num",
  "str2num",
  "Num2str",
  "num2str",
  "RotationMatrix",
  "Angle",
  "angle",
  "QuaternionProduct",
  "QuaternionRotation",
  "QuaternionToDCM",
];

/**
 * The built-in math, string and utility function names usable in GMAT R2026a expressions,
 * case-sensitive, each spelling GMAT accepts listed: the MathParser names in both first-letter
 * cases (`sin` and `Sin`, `degToRad` and `DegToRad`) and the FunctionFactory names as written
 * (`num2str`, `Num2str`, `ConvertTime`, ...).
 */
export const GMAT_MATH_FUNCTIONS: readonly string[] = Object.freeze([
  ...new Set([
    ...PARSER_FUNCTIONS.flatMap((n) => [n, n[0].toUpperCase() + n.slice(1)]),
    ...BUILTIN_FUNCTIONS,
  ]),
]);

/** Types owning named hardware, whose `name.Hardware.Field` paths the type alone cannot judge. */
const HARDWARE_OWNERS = new Set(["Spacecraft", "GroundStation"]);

const fieldSets = new Map<string, ReadonlySet<string>>();

/**
 * Look a resource type up in {@linkcode GMAT_RESOURCE_TYPES}.
 *
 * @param type The type name as written after `Create` (case-sensitive).
 * @returns The type's catalogue entry, or `undefined` when the type is not catalogued.
 *
 * @example
 * ```ts
 * import { gmatTypeInfo } from "./gmat_types.ts";
 * console.log(gmatTypeInfo("ReportFile")?.display); // undefined
 * console.log(gmatTypeInfo("XYPlot")?.display); // true
 * ```
 */
export function gmatTypeInfo(type: string): GmatTypeInfo | undefined {
  return Object.hasOwn(GMAT_RESOURCE_TYPES, type) ? GMAT_RESOURCE_TYPES[type] : undefined;
}

function patternMatches(pattern: string, path: readonly string[]): boolean {
  const parts = pattern.split(".");
  return parts.length === path.length && parts.every((p, i) => p === "*" || p === path[i]);
}

/**
 * Tell whether a field path is a real field of a resource type.
 *
 * A one-segment path is looked up in the type's `fields`; any path is also matched against its
 * `patterns` segment by segment, a `*` matching exactly one segment. Names are case-sensitive,
 * as in GMAT.
 *
 * The answer is `undefined` when the catalogue cannot judge:
 * - the type is not catalogued;
 * - the path is empty;
 * - the type's entry is `partial` and the path is not listed;
 * - the type owns named hardware (Spacecraft, GroundStation) and the path has several segments
 *   that match no pattern: `Sat.MyTank.FuelMass` depends on what `MyTank` is, which the type
 *   alone does not say.
 *
 * @param type The resource type, e.g. `"Spacecraft"`.
 * @param path The field path after the resource name, e.g. `["Epoch", "UTCGregorian"]`.
 * @returns `true` for a real field, `false` for one GMAT would reject, `undefined` when unknown.
 *
 * @example
 * ```ts
 * import { gmatHasField } from "./gmat_types.ts";
 * console.log(gmatHasField("Spacecraft", ["SMA"])); // true
 * console.log(gmatHasField("Spacecraft", ["SMAA"])); // false
 * console.log(gmatHasField("ForceModel", ["GravityField", "Earth", "Degree"])); // true
 * console.log(gmatHasField("Spacecraft", ["MyTank", "FuelMass"])); // undefined
 * ```
 */
export function gmatHasField(type: string, path: readonly string[]): boolean | undefined {
  const info = gmatTypeInfo(type);
  if (info === undefined || path.length === 0) return undefined;
  let fields = fieldSets.get(type);
  if (fields === undefined) {
    fields = new Set(info.fields);
    fieldSets.set(type, fields);
  }
  if (path.length === 1 && fields.has(path[0])) return true;
  if (info.patterns?.some((p) => patternMatches(p, path))) return true;
  if (info.partial) return undefined;
  if (path.length > 1 && HARDWARE_OWNERS.has(type)) return undefined;
  return false;
}
