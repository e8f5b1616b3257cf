/**
 * Column labels shared with the Python tool: a quantile's statistic label `q<q>` spelled as
 * Python's `f"q{q}"` (so `q0.05`, `q0.5`, `q1e-05`).
 *
 * @module
 */

/**
 * Python's `repr` of a float in (0, 1): JavaScript's shortest round-trip digits, in exponent form
 * below 1e-4 with a two-digit exponent, as Python writes it.
 *
 * @param q A number in (0, 1).
 */
export function pythonFloatRepr(q: number): string {
  if (q >= 1e-4) return String(q);
  const [mantissa, exponent] = q.toExponential().split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const digits = exponent.replace(/^[-+]/, "").padStart(2, "0");
  return `${mantissa}e${sign}${digits}`;
}

/** The statistic label of a quantile: `q` then Python's repr of q. */
export function quantileLabel(q: number): string {
  return `q${pythonFloatRepr(q)}`;
}
