/**
 * Thrust direction to MJ2000Eq axes, as GMAT's thrusters and burns rotate it
 * (`Thruster::ConvertDirectionToInertial`, `Burn::ConvertDeltaVToInertial`,
 * `CoordinateSystem::CreateLocalCoordinateSystem`, `ObjectReferencedAxes`).
 *
 * Local axes are object-referenced with Primary = Origin and Secondary = the spacecraft, from
 * r = r_sc - r_origin and v = v_sc - v_origin (MJ2000Eq), R = r/|r|, V = v/|v| and
 * N = (r x v)/|r x v|:
 * - VNB: X = V, Y = N, Z = X x Y.
 * - LVLH: X = R, Z = N, Y = Z x X.
 * - MJ2000Eq: identity.
 * - SpacecraftBody: the transpose of the spacecraft's inertial-to-body attitude matrix.
 * A configured coordinate system rotates with its own axes (the caller supplies the matrix); no
 * translation is applied to a direction. The columns of each rotation are the frame's axes in
 * MJ2000Eq, so inertial = X d1 + Y d2 + Z d3. GMAT does not re-orthogonalise; VNB and LVLH are
 * orthonormal by construction, so the result keeps the length of (d1, d2, d3).
 *
 * The axes follow the state handed to the derivative function (each Runge-Kutta stage), the way
 * GMAT's ODE model updates the spacecraft before the burn force is evaluated.
 *
 * @module
 */

import { PropulsionError } from "./propulsion_error.ts";
import type { ThrusterSettings } from "./thruster.ts";

/** What the engine supplies for frames that need more than the spacecraft state. */
export interface FrameProviders {
  /**
   * Writes the MJ2000Eq state (km, km/s) of body `origin` relative to the propagation's central
   * body at elapsed time `t` (s) into `out[0..5]`. Needed when a Local thruster's Origin is not the
   * central body.
   */
  readonly originState?: (origin: string, t: number, out: Float64Array) => void;
  /**
   * Writes the spacecraft's inertial-to-body attitude matrix (row-major 3x3, GMAT's
   * `Spacecraft::GetAttitude`) at elapsed time `t` and state `y` into `out[0..8]`. Needed for
   * Axes = SpacecraftBody.
   */
  readonly attitude?: (t: number, y: Float64Array, out: Float64Array) => void;
  /**
   * Writes the rotation from coordinate system `name`'s axes to MJ2000Eq (row-major 3x3, columns
   * = its axes in MJ2000Eq) at elapsed time `t` into `out[0..8]`. Needed when a thruster's
   * CoordinateSystem is not Local.
   */
  readonly coordinateSystem?: (
    name: string,
    t: number,
    y: Float64Array,
    out: Float64Array,
  ) => void;
}

/**
 * Computes the MJ2000Eq thrust direction (not normalised) of one thruster from the state at
 * `y[offset..offset+5]`, writing it to `out[0..2]`. No allocation.
 */
export type DirectionFunction = (
  t: number,
  y: Float64Array,
  offset: number,
  out: Float64Array,
) => void;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new PropulsionError("PROPULSION_SETTING", what);
  return value;
}

/**
 * Builds the direction function of a thruster.
 *
 * @param thruster The thruster's script name (for messages).
 * @param s The thruster's resolved settings.
 * @param centralBody The central body of the propagated state (GMAT name, e.g. `Earth`).
 * @param providers Frame data the engine supplies.
 * @throws {PropulsionError} `PROPULSION_SETTING` when the frame needs a provider that is absent.
 */
export function thrustDirectionFunction(
  thruster: string,
  s: Readonly<ThrusterSettings>,
  centralBody: string,
  providers: FrameProviders,
): DirectionFunction {
  const d1 = s.direction[0];
  const d2 = s.direction[1];
  const d3 = s.direction[2];
  const m = new Float64Array(9);
  if (s.coordinateSystem !== "Local") {
    const rotate = need(
      providers.coordinateSystem,
      `Thruster "${thruster}" uses CoordinateSystem = ${s.coordinateSystem}, but no rotation ` +
        `from ${s.coordinateSystem} to MJ2000Eq was supplied; pass the coordinateSystem provider ` +
        "or use CoordinateSystem = Local.",
    );
    const name = s.coordinateSystem;
    return (t, y, _offset, out) => {
      rotate(name, t, y, m);
      out[0] = m[0] * d1 + m[1] * d2 + m[2] * d3;
      out[1] = m[3] * d1 + m[4] * d2 + m[5] * d3;
      out[2] = m[6] * d1 + m[7] * d2 + m[8] * d3;
    };
  }
  if (s.axes === "MJ2000Eq") {
    return (_t, _y, _offset, out) => {
      out[0] = d1;
      out[1] = d2;
      out[2] = d3;
    };
  }
  if (s.axes === "SpacecraftBody") {
    const attitude = need(
      providers.attitude,
      `Thruster "${thruster}" uses Axes = SpacecraftBody, but no spacecraft attitude was ` +
        "supplied; pass the attitude provider or use Axes = VNB, LVLH or MJ2000Eq.",
    );
    return (t, y, _offset, out) => {
      attitude(t, y, m);
      // body -> inertial is the transpose of inertial -> body
      out[0] = m[0] * d1 + m[3] * d2 + m[6] * d3;
      out[1] = m[1] * d1 + m[4] * d2 + m[7] * d3;
      out[2] = m[2] * d1 + m[5] * d2 + m[8] * d3;
    };
  }
  const origin = s.origin;
  const originState = origin === centralBody ? undefined : need(
    providers.originState,
    `Thruster "${thruster}" builds its ${s.axes} axes from Origin = ${origin}, but the state is ` +
      `relative to ${centralBody} and no ${origin} ephemeris was supplied; pass the originState ` +
      `provider or set ${thruster}.Origin = ${centralBody}.`,
  );
  const o = new Float64Array(6);
  const vnb = s.axes === "VNB";
  return (t, y, offset, out) => {
    let rx = y[offset], ry = y[offset + 1], rz = y[offset + 2];
    let vx = y[offset + 3], vy = y[offset + 4], vz = y[offset + 5];
    if (originState !== undefined) {
      originState(origin, t, o);
      rx -= o[0];
      ry -= o[1];
      rz -= o[2];
      vx -= o[3];
      vy -= o[4];
      vz -= o[5];
    }
    const nx = ry * vz - rz * vy;
    const ny = rz * vx - rx * vz;
    const nz = rx * vy - ry * vx;
    const rMag = Math.sqrt(rx * rx + ry * ry + rz * rz);
    const vMag = Math.sqrt(vx * vx + vy * vy + vz * vz);
    const nMag = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (!(rMag > 0 && vMag > 0 && nMag > 0 && Number.isFinite(rMag + vMag + nMag))) {
      throw new PropulsionError(
        "PROPULSION_FAILED",
        `Object referenced axis system named "Local" of thruster "${thruster}" is undefined ` +
          `because at least one axis is near zero in length (|r| = ${rMag} km, |v| = ${vMag} ` +
          `km/s relative to ${origin}); use Axes = MJ2000Eq for a rectilinear or resting state.`,
      );
    }
    // unit R, V, N
    const ux = rx / rMag, uy = ry / rMag, uz = rz / rMag;
    const wx = vx / vMag, wy = vy / vMag, wz = vz / vMag;
    const hx = nx / nMag, hy = ny / nMag, hz = nz / nMag;
    let ax: number, ay: number, az: number; // X axis
    let bx: number, by: number, bz: number; // Y axis
    let cx: number, cy: number, cz: number; // Z axis
    if (vnb) {
      ax = wx;
      ay = wy;
      az = wz;
      bx = hx;
      by = hy;
      bz = hz;
      cx = ay * bz - az * by;
      cy = az * bx - ax * bz;
      cz = ax * by - ay * bx;
    } else {
      ax = ux;
      ay = uy;
      az = uz;
      cx = hx;
      cy = hy;
      cz = hz;
      bx = cy * az - cz * ay;
      by = cz * ax - cx * az;
      bz = cx * ay - cy * ax;
    }
    out[0] = ax * d1 + bx * d2 + cx * d3;
    out[1] = ay * d1 + by * d2 + cy * d3;
    out[2] = az * d1 + bz * d2 + cz * d3;
  };
}
