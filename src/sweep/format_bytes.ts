/**
 * Byte counts for people: SI units, three significant digits.
 *
 * @module
 */

/**
 * Bytes in SI units with three significant digits (`85.2 kB`, `1.23 TB`).
 *
 * @param bytes A byte count.
 * @returns The text.
 *
 * @example
 * ```ts
 * import { formatBytes } from "./format_bytes.ts";
 * console.log(formatBytes(85_200), formatBytes(1.234e12)); // 85.2 kB 1.23 TB
 * ```
 */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toPrecision(3)} ${units[u]}`;
}
