/**
 * The ephemeris interface the Sun- and Moon-dependent forces (SRP, shadows, relativistic
 * correction) read body positions through, so they do not depend on a particular ephemeris
 * implementation.
 *
 * GMAT reads DE405 (`CelestialBody::GetState`, `DeFile::GetPosVel`): geometric states, no light
 * time or aberration, relative to Earth, in MJ2000Eq axes, at the A1 epoch converted to TDB
 * inside the reader. A provider must return the same.
 *
 * @module
 */

/**
 * The geometric state of a body relative to Earth, MJ2000Eq axes, at an A1 modified Julian date
 * (GMAT MJD, days since JD 2430000.0): `[x, y, z]` in km, optionally followed by `[vx, vy, vz]`
 * in km/s (required where a force needs the velocity, e.g. the relativistic correction's Sun).
 *
 * The returned array may be a buffer the provider reuses on the next call; callers read it
 * immediately and never keep it.
 */
export type BodyStateProvider = (epochA1: number) => Float64Array;
