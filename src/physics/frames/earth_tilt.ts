/**
 * Where Earth's rotation axis points, for quantities that need the true equator of date
 * (geodetic latitude and altitude).
 *
 * Model: IAU-1976 precession and the five largest terms of the IAU-1980 nutation series, as used
 * by GMAT's FK5 Earth-fixed chain. The omitted nutation terms move the pole by less than 0.1
 * arcsecond, and polar motion (ignored here; GMAT reads it from an EOP file) by about 0.5
 * arcsecond: together under 0.1 m of geodetic altitude at LEO. Earth rotation angle is not needed
 * for altitude, which depends only on the distance from the axis and the height along it.
 *
 * @module
 */

const ARCSEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;

/** Rotation matrix as 9 numbers, row-major. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

function rx(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [1, 0, 0, 0, c, s, 0, -s, c];
}
function ry(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [c, 0, -s, 0, 1, 0, s, 0, c];
}
function rz(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [c, s, 0, -s, c, 0, 0, 0, 1];
}
function mul(a: Mat3, b: Mat3): Mat3 {
  const r = new Array(9).fill(0) as Mat3;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
    }
  }
  return r;
}

/**
 * Rotation from mean equator and equinox of J2000 (MJ2000Eq) to the true equator and equinox of
 * date.
 *
 * @param ttMjd The epoch as TT ModJulian (GMAT MJD, JD - 2430000).
 * @returns Row-major 3x3 matrix M with r_TOD = M r_J2000.
 */
export function j2000ToTrueOfDate(ttMjd: number): Mat3 {
  const t = (ttMjd - 21545.0) / 36525.0;
  const zeta = (2306.2181 * t + 0.30188 * t * t + 0.017998 * t * t * t) * ARCSEC;
  const z = (2306.2181 * t + 1.09468 * t * t + 0.018203 * t * t * t) * ARCSEC;
  const theta = (2004.3109 * t - 0.42665 * t * t - 0.041833 * t * t * t) * ARCSEC;
  const precession = mul(rz(-z), mul(ry(theta), rz(-zeta)));

  const lp = (357.52772 + 35999.05034 * t) * DEG;
  const f = (93.27191 + 483202.017538 * t) * DEG;
  const d = (297.85036 + 445267.11148 * t) * DEG;
  const om = (125.04452 - 1934.136261 * t) * DEG;
  const unit = 1e-4 * ARCSEC;
  const dpsi = ((-171996 - 174.2 * t) * Math.sin(om) +
    (-13187 - 1.6 * t) * Math.sin(2 * f - 2 * d + 2 * om) +
    (-2274 - 0.2 * t) * Math.sin(2 * f + 2 * om) +
    (2062 + 0.2 * t) * Math.sin(2 * om) +
    (1426 - 3.4 * t) * Math.sin(lp)) * unit;
  const deps = ((92025 + 8.9 * t) * Math.cos(om) +
    (5736 - 3.1 * t) * Math.cos(2 * f - 2 * d + 2 * om) +
    (977 - 0.5 * t) * Math.cos(2 * f + 2 * om) +
    (-895 + 0.5 * t) * Math.cos(2 * om) +
    (54 - 0.1 * t) * Math.cos(lp)) * unit;
  const eps = (84381.448 - 46.815 * t - 0.00059 * t * t + 0.001813 * t * t * t) * ARCSEC;
  const nutation = mul(rx(-(eps + deps)), mul(rz(-dpsi), rx(eps)));
  return mul(nutation, precession);
}

/**
 * Geodetic altitude (km) above an oblate body, from a position in axes whose z axis is the
 * body's rotation axis (Vallado's iteration, converged to 1e-7 rad in latitude as GMAT does).
 *
 * @param x Position component, km.
 * @param y Position component, km.
 * @param z Position component along the rotation axis, km.
 * @param radius Equatorial radius, km.
 * @param flattening Flattening.
 * @returns Altitude, km, and geodetic latitude, degrees.
 */
export function geodeticAltitude(
  x: number,
  y: number,
  z: number,
  radius: number,
  flattening: number,
): { altitude: number; latitude: number } {
  const rxy = Math.hypot(x, y);
  const e2 = 2 * flattening - flattening * flattening;
  let lat = Math.atan2(z, rxy);
  let c = radius;
  for (let i = 0; i < 50; i++) {
    const s = Math.sin(lat);
    c = radius / Math.sqrt(1 - e2 * s * s);
    const next = Math.atan2(z + c * e2 * s, rxy);
    const done = Math.abs(next - lat) <= 1e-7;
    lat = next;
    if (done) break;
  }
  const s = Math.sin(lat);
  c = radius / Math.sqrt(1 - e2 * s * s);
  const altitude = Math.abs(Math.cos(lat)) > 1e-9
    ? rxy / Math.cos(lat) - c
    : Math.abs(z) / Math.abs(s) - c * (1 - e2);
  return { altitude, latitude: lat / DEG };
}
