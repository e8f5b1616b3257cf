/**
 * Shared helpers for the run-set tests: fixture paths, the seed vectors, bit-exact comparisons
 * and the Python (numpy + scipy) reference.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { bitsHexToDouble, doubleToBitsHex } from "../../src/numeric/float_bits.ts";

/** The repository root. */
export const ROOT: string = new URL("../../", import.meta.url).pathname;

/** A path under fixtures/runset. */
export function fixture(name: string): string {
  return join(ROOT, "fixtures", "runset", name);
}

/** The shared design folder (../shared/design beside the repository), which may be absent. */
export const SHARED_DESIGN: string = join(ROOT, "..", "shared", "design");

/** A float as the vectors store it. */
export interface VFloat {
  repr: string;
  hex: string;
  bits: string;
}

/** The double a vector float stands for (from its bit pattern). */
export function vf(v: VFloat): number {
  return bitsHexToDouble(v.bits);
}

/** Assert two doubles are the same bits (NaN payloads and -0 included). */
export function assertSameBits(actual: number, expected: number, what: string): void {
  assert.equal(
    doubleToBitsHex(actual),
    doubleToBitsHex(expected),
    `${what}: got ${actual} (${doubleToBitsHex(actual)}), expected ${expected} (${
      doubleToBitsHex(expected)
    })`,
  );
}

/** Distance in units in the last place between two finite doubles of the same sign. */
export function ulpDistance(a: number, b: number): number {
  return Math.abs(Number(BigInt(`0x${doubleToBitsHex(a)}`) - BigInt(`0x${doubleToBitsHex(b)}`)));
}

/** Whether a file exists. */
export function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The system Python with numpy and scipy (Debian's), not whatever python3 is first on PATH. */
export const PYTHON = "/usr/bin/python3";

/** Whether `/usr/bin/python3` can import numpy and scipy. */
export const HAVE_NUMPY_SCIPY: boolean = (() => {
  try {
    const r = new Deno.Command(PYTHON, {
      args: ["-c", "import numpy, scipy"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return r.success;
  } catch {
    return false;
  }
})();

/**
 * Run a Python script file from tests/runset/python with a JSON request on stdin; parse stdout.
 *
 * @param script File name under tests/runset/python.
 * @param request JSON-able input.
 * @returns The parsed JSON output.
 */
export async function runPython<T>(script: string, request: unknown): Promise<T> {
  const path = join(ROOT, "tests", "runset", "python", script);
  const child = new Deno.Command(PYTHON, {
    args: [path],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { PYTHONHASHSEED: "0" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(request)));
  await writer.close();
  const out = await child.output();
  const stderr = new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`${script} failed (${out.code}):\n${stderr}`);
  return JSON.parse(new TextDecoder().decode(out.stdout)) as T;
}

/** Python's `float.hex` for a double (for readable failure messages). */
export function hex(x: number): string {
  return `0x${doubleToBitsHex(x)}`;
}
