/**
 * How GMAT writes a real in Write's text and in generating strings (`RealVar::ToString`, a C++
 * stream with precision 16): the one formatting rule the Write command and the object script
 * texts share.
 *
 * @module
 */

import { formatE, formatG } from "../../formats/mod.ts";

/**
 * A real as GMAT's `RealVar::ToString` and Array element output write it: a C++ stream with
 * precision 16 (`%.16g`; `nan`, `-nan`, `inf` as glibc prints them).
 *
 * @param x The value.
 * @returns The text.
 */
export function realText(x: number): string {
  return Number.isNaN(x) ? formatE(x, 0) : formatG(x, 16);
}
