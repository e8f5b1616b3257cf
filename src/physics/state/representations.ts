/**
 * GMAT's orbit state representations by name, with their element (field) names and conversions
 * through the Cartesian state (`StateConversionUtil::Convert`).
 *
 * Every representation except Planetodetic converts an inertial Cartesian state relative to the
 * central body; Planetodetic converts a body-fixed state (the caller rotates it). Element names
 * are the Spacecraft field names GMAT scripts use, in state order.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { cartesianToKeplerian } from "./cartesian_to_keplerian.ts";
import { keplerianToCartesian } from "./keplerian_to_cartesian.ts";
import {
  cartesianToSphericalAzFpa,
  cartesianToSphericalRaDec,
  type Elements6,
  sphericalAzFpaToCartesian,
  sphericalRaDecToCartesian,
} from "./spherical.ts";
import {
  altEquinoctialToEquinoctial,
  cartesianToEquinoctial,
  cartesianToModEquinoctial,
  equinoctialToAltEquinoctial,
  equinoctialToCartesian,
  modEquinoctialToCartesian,
} from "./equinoctial_state.ts";
import {
  delaunayToKeplerian,
  keplerianToDelaunayElements,
  keplerianToModKeplerian,
  modKeplerianToKeplerian,
} from "./keplerian_variants.ts";
import { cartesianToPlanetodetic, planetodeticToCartesian } from "./planetodetic.ts";
import { asymptoteToCartesian, cartesianToAsymptote } from "./asymptote.ts";
import { brouwerToCartesian, type BrouwerWarn, cartesianToBrouwer } from "./brouwer.ts";

/** Element names of each representation, in GMAT's order. */
export const STATE_REPRESENTATIONS = {
  Cartesian: ["X", "Y", "Z", "VX", "VY", "VZ"],
  Keplerian: ["SMA", "ECC", "INC", "RAAN", "AOP", "TA"],
  ModifiedKeplerian: ["RadPer", "RadApo", "INC", "RAAN", "AOP", "TA"],
  SphericalAZFPA: ["RMAG", "RA", "DEC", "VMAG", "AZI", "FPA"],
  SphericalRADEC: ["RMAG", "RA", "DEC", "VMAG", "RAV", "DECV"],
  Equinoctial: ["SMA", "EquinoctialH", "EquinoctialK", "EquinoctialP", "EquinoctialQ", "MLONG"],
  ModifiedEquinoctial: [
    "SemilatusRectum",
    "ModEquinoctialF",
    "ModEquinoctialG",
    "ModEquinoctialH",
    "ModEquinoctialK",
    "TLONG",
  ],
  AlternateEquinoctial: [
    "SMA",
    "EquinoctialH",
    "EquinoctialK",
    "AltEquinoctialP",
    "AltEquinoctialQ",
    "MLONG",
  ],
  Delaunay: ["Delaunayl", "Delaunayg", "Delaunayh", "DelaunayL", "DelaunayG", "DelaunayH"],
  Planetodetic: [
    "PlanetodeticRMAG",
    "PlanetodeticLON",
    "PlanetodeticLAT",
    "PlanetodeticVMAG",
    "PlanetodeticAZI",
    "PlanetodeticHFPA",
  ],
  IncomingAsymptote: [
    "IncomingRadPer",
    "IncomingC3Energy",
    "IncomingRHA",
    "IncomingDHA",
    "IncomingBVAZI",
    "TA",
  ],
  OutgoingAsymptote: [
    "OutgoingRadPer",
    "OutgoingC3Energy",
    "OutgoingRHA",
    "OutgoingDHA",
    "OutgoingBVAZI",
    "TA",
  ],
  BrouwerMeanShort: [
    "BrouwerShortSMA",
    "BrouwerShortECC",
    "BrouwerShortINC",
    "BrouwerShortRAAN",
    "BrouwerShortAOP",
    "BrouwerShortMA",
  ],
  BrouwerMeanLong: [
    "BrouwerLongSMA",
    "BrouwerLongECC",
    "BrouwerLongINC",
    "BrouwerLongRAAN",
    "BrouwerLongAOP",
    "BrouwerLongMA",
  ],
} as const satisfies Record<string, readonly string[]>;

/** A representation name as GMAT spells it (`DisplayStateType` values). */
export type StateRepresentation = keyof typeof STATE_REPRESENTATIONS;

/** Whether `name` is a representation GMAT knows. */
export function isStateRepresentation(name: string): name is StateRepresentation {
  return Object.hasOwn(STATE_REPRESENTATIONS, name);
}

/** What the conversions need of the central body. */
export interface CentralBody {
  /** Gravitational parameter, km^3/s^2. */
  readonly mu: number;
  /** Flattening (Planetodetic only). */
  readonly flattening: number;
  /** Equatorial radius, km (Planetodetic only). */
  readonly eqRadius: number;
  /** Told of non-fatal conversion messages (Brouwer-Lyddane). */
  readonly warn?: BrouwerWarn;
}

function kepArray(s: ArrayLike<number>, mu: number): Elements6 {
  const k = cartesianToKeplerian(Float64Array.from(s), mu);
  return [k.sma, k.ecc, k.inc, k.raan, k.aop, k.ta];
}

function kepToCart(k: ArrayLike<number>, mu: number): Elements6 {
  const s = keplerianToCartesian(
    { sma: k[0], ecc: k[1], inc: k[2], raan: k[3], aop: k[4], ta: k[5] },
    mu,
  );
  return Array.from(s) as Elements6;
}

/**
 * Elements of a Cartesian state in a representation.
 *
 * @param rep Target representation.
 * @param s Cartesian state, km and km/s (body-fixed for Planetodetic).
 * @param body Central-body constants.
 * @throws {StateError} `STATE_CONVERSION` when the elements are undefined for the state.
 */
export function fromCartesian(
  rep: StateRepresentation,
  s: ArrayLike<number>,
  body: CentralBody,
): Elements6 {
  const mu = body.mu;
  switch (rep) {
    case "Cartesian":
      return [s[0], s[1], s[2], s[3], s[4], s[5]];
    case "Keplerian":
      return kepArray(s, mu);
    case "ModifiedKeplerian":
      return keplerianToModKeplerian(kepArray(s, mu));
    case "SphericalAZFPA":
      return cartesianToSphericalAzFpa(s);
    case "SphericalRADEC":
      return cartesianToSphericalRaDec(s);
    case "Equinoctial":
      return cartesianToEquinoctial(s, mu);
    case "ModifiedEquinoctial":
      return cartesianToModEquinoctial(s, mu);
    case "AlternateEquinoctial":
      return equinoctialToAltEquinoctial(cartesianToEquinoctial(s, mu));
    case "Delaunay":
      return keplerianToDelaunayElements(kepArray(s, mu), mu);
    case "Planetodetic":
      return cartesianToPlanetodetic(s, body.flattening, body.eqRadius);
    case "IncomingAsymptote":
      return cartesianToAsymptote("Incoming", s, mu);
    case "OutgoingAsymptote":
      return cartesianToAsymptote("Outgoing", s, mu);
    case "BrouwerMeanShort":
      return cartesianToBrouwer("Short", mu, s, body.warn);
    case "BrouwerMeanLong":
      return cartesianToBrouwer("Long", mu, s, body.warn);
  }
}

/**
 * The Cartesian state of elements in a representation.
 *
 * @param rep Representation of `el`.
 * @param el The six elements in GMAT's order and units.
 * @param body Central-body constants.
 * @throws {StateError} `STATE_CONVERSION` when the elements do not define a state.
 */
export function toCartesian(
  rep: StateRepresentation,
  el: ArrayLike<number>,
  body: CentralBody,
): Elements6 {
  const mu = body.mu;
  for (let i = 0; i < 6; i++) {
    if (!Number.isFinite(el[i])) {
      throw new StateError(
        `Cannot convert ${rep} elements: ${STATE_REPRESENTATIONS[rep][i]} is ${el[i]}`,
      );
    }
  }
  switch (rep) {
    case "Cartesian":
      return [el[0], el[1], el[2], el[3], el[4], el[5]];
    case "Keplerian":
      return kepToCart(el, mu);
    case "ModifiedKeplerian":
      return kepToCart(modKeplerianToKeplerian(el), mu);
    case "SphericalAZFPA":
      return sphericalAzFpaToCartesian(el);
    case "SphericalRADEC":
      return sphericalRaDecToCartesian(el);
    case "Equinoctial":
      return equinoctialToCartesian(el, mu);
    case "ModifiedEquinoctial":
      return modEquinoctialToCartesian(el, mu);
    case "AlternateEquinoctial":
      return equinoctialToCartesian(altEquinoctialToEquinoctial(el), mu);
    case "Delaunay":
      return kepToCart(delaunayToKeplerian(el, mu), mu);
    case "Planetodetic":
      return planetodeticToCartesian(el, body.flattening, body.eqRadius);
    case "IncomingAsymptote":
      return asymptoteToCartesian("Incoming", el, mu);
    case "OutgoingAsymptote":
      return asymptoteToCartesian("Outgoing", el, mu);
    case "BrouwerMeanShort":
      return brouwerToCartesian("Short", mu, el, body.warn);
    case "BrouwerMeanLong":
      return brouwerToCartesian("Long", mu, el, body.warn);
  }
}
