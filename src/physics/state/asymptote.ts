/**
 * GMAT's hyperbolic asymptote representations (`StateConversionUtil::
 * CartesianToIncomingAsymptote`, `IncomingAsymptoteToCartesian`, `CartesianToOutgoingAsymptote`,
 * `OutgoingAsymptoteToCartesian`):
 * `[RadPer, C3Energy, RHA, DHA, BVAZI, TA]` — periapsis radius, C3 = v^2 - 2 mu / r (km^2/s^2),
 * right ascension and declination of the incoming (or outgoing) asymptote, the B-vector azimuth
 * at infinity and the true anomaly (degrees, [0, 360)).
 *
 * For an ellipse (C3 < 0) GMAT uses the apsides direction -e/|e| as the "asymptote" so the set
 * stays invertible; this does too. Refused: |C3| < 1e-7 (parabolic), ECC <= 1e-7 (circular), and
 * an asymptote along the z axis.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { cross, DEG, dot, eccentricityVector, norm, split, type V3 } from "./_vector.ts";
import { keplerianToCartesian } from "./keplerian_to_cartesian.ts";
import type { Elements6 } from "./spherical.ts";

/** Which asymptote. */
export type AsymptoteKind = "Incoming" | "Outgoing";

const scale = (a: readonly number[], k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const add = (
  a: readonly number[],
  b: readonly number[],
): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const unit = (a: readonly number[]): V3 => scale(a, 1 / norm(a));

/** Cartesian -> Incoming/Outgoing asymptote elements. */
export function cartesianToAsymptote(
  kind: AsymptoteKind,
  s: ArrayLike<number>,
  mu: number,
): Elements6 {
  const { r, v } = split(s);
  const rMag = norm(r);
  const vMag = norm(v);
  const h = cross(r, v);
  const hMag = norm(h);
  const eVec = eccentricityVector(r, v, mu);
  const ecc = norm(eVec);
  const c3 = vMag * vMag - 2 * mu / rMag;
  if (Math.abs(c3) < 1e-7) {
    throw new StateError(
      `Cannot convert to ${kind}Asymptote: the orbit is nearly parabolic (ECC = ${ecc})`,
    );
  }
  if (ecc <= 1e-7) {
    throw new StateError(
      `Cannot convert to ${kind}Asymptote: the orbit is nearly circular (ECC = ${ecc})`,
    );
  }
  const sma = -mu / c3;
  const radPer = sma * (1 - ecc);
  let sHat: V3;
  if (c3 > 1e-7) {
    const fac = 1 / (1 + c3 * hMag * hMag / (mu * mu));
    const sign = kind === "Incoming" ? -1 : 1;
    sHat = scale(add(scale(cross(h, eVec), sign * Math.sqrt(c3) / mu), scale(eVec, -1)), fac);
  } else {
    sHat = scale(eVec, -1 / ecc);
  }
  if (Math.acos(Math.min(1, Math.abs(sHat[2]))) < 1e-7) {
    throw new StateError(
      `Cannot convert to ${kind}Asymptote: the asymptote is aligned with the z axis`,
    );
  }
  const ea = unit(cross([0, 0, 1], sHat));
  const no = cross(sHat, ea);
  const b = cross(h, sHat);
  let bva = Math.atan2(dot(b, ea) / hMag, -dot(b, no) / hMag);
  if (bva < 0) bva += 2 * Math.PI;
  let rha = Math.atan2(sHat[1], sHat[0]);
  if (rha < 0) rha += 2 * Math.PI;
  const dha = Math.asin(sHat[2]);
  let ta = Math.acos(Math.min(1, Math.max(-1, dot(eVec, r) / (ecc * rMag))));
  if (dot(r, v) < 0) ta = 2 * Math.PI - ta;
  return [radPer, c3, rha * DEG, dha * DEG, bva * DEG, ta * DEG];
}

/** Incoming/Outgoing asymptote elements -> Cartesian. */
export function asymptoteToCartesian(
  kind: AsymptoteKind,
  el: ArrayLike<number>,
  mu: number,
): Elements6 {
  const [radPer, c3] = [el[0], el[1]];
  const [rha, dha, bva] = [el[2] / DEG, el[3] / DEG, el[4] / DEG];
  const sma = -mu / c3;
  const ecc = 1 - radPer / sma;
  if (Math.abs(c3) < 1e-7) {
    throw new StateError(
      `Cannot convert from ${kind}Asymptote: the orbit is nearly parabolic (|C3| < 1e-7)`,
    );
  }
  if (ecc < 1e-7) {
    throw new StateError(
      `Cannot convert from ${kind}Asymptote: the orbit is nearly circular (ECC = ${ecc})`,
    );
  }
  const sHat: V3 = [Math.cos(dha) * Math.cos(rha), Math.cos(dha) * Math.sin(rha), Math.sin(dha)];
  const zTol = kind === "Incoming" ? 1e-11 : 1e-7;
  if (Math.acos(Math.min(1, Math.abs(sHat[2]))) < zTol) {
    throw new StateError(
      `Cannot convert from ${kind}Asymptote: the asymptote is aligned with the z axis`,
    );
  }
  const ea = unit(cross([0, 0, 1], sHat));
  const no = cross(sHat, ea);
  const ami = Math.PI / 2 - bva;
  const hHat = add(scale(ea, Math.sin(ami)), scale(no, Math.cos(ami)));
  const node = cross([0, 0, 1], hHat);
  const nMag = norm(node);
  let eHat: V3;
  if (c3 <= -1e-7) {
    eHat = scale(sHat, -1);
  } else {
    const taMax = Math.acos(-1 / ecc);
    const o = cross(hHat, sHat);
    const sign = kind === "Incoming" ? 1 : -1;
    eHat = add(scale(o, sign * Math.sin(taMax)), scale(sHat, Math.cos(taMax)));
  }
  const inc = Math.acos(Math.min(1, Math.max(-1, hHat[2])));
  let raan = 0;
  let aop = 0;
  const acos = (x: number) => Math.acos(Math.min(1, Math.max(-1, x)));
  if (ecc >= 1e-11 && inc >= 1e-11) {
    if (nMag === 0) {
      throw new StateError(`Cannot convert from ${kind}Asymptote: the line of nodes is undefined`);
    }
    raan = acos(node[0] / nMag);
    if (node[1] < 0) raan = 2 * Math.PI - raan;
    aop = acos(dot(node, eHat) / nMag);
    if (eHat[2] < 0) aop = 2 * Math.PI - aop;
  }
  if (ecc >= 1e-11 && inc < 1e-11) {
    raan = 0;
    aop = acos(eHat[0]);
    if (eHat[1] < 0) aop = 2 * Math.PI - aop;
  }
  if (ecc > 1e-11 && inc >= Math.PI - 1e-11) {
    raan = acos(eHat[1]);
    aop = 0;
    if (eHat[1] < 0) raan = 2 * Math.PI - raan;
  }
  const s = keplerianToCartesian(
    { sma, ecc, inc: inc * DEG, raan: raan * DEG, aop: aop * DEG, ta: el[5] },
    mu,
  );
  return Array.from(s) as Elements6;
}
