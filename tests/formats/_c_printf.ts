/**
 * Test helper: formats doubles with the real C library `snprintf` (glibc, through Python's
 * ctypes), so the formatters can be compared with C bit for bit.
 *
 * @module
 */

const SCRIPT = `
import ctypes, struct, sys
libc = ctypes.CDLL(None)
buf = ctypes.create_string_buffer(512)
fmt = sys.argv[1].encode()
out = []
for line in sys.stdin.read().split():
    v = struct.unpack(">d", bytes.fromhex(line))[0]
    libc.snprintf(buf, 512, fmt, ctypes.c_double(v))
    out.append(buf.value.decode())
sys.stdout.write("\\n".join(out))
`;

/** Whether `python3` with ctypes can be run (the comparison tests are skipped otherwise). */
export const hasCPrintf: boolean = (() => {
  try {
    const result = new Deno.Command("python3", { args: ["-c", "import ctypes"] }).outputSync();
    return result.success;
  } catch {
    return false;
  }
})();

/** Big-endian hex of a double's bits. */
function toHex(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  let hex = "";
  for (let i = 0; i < 8; i++) hex += view.getUint8(i).toString(16).padStart(2, "0");
  return hex;
}

/** Formats every value with C `snprintf(format, value)`; `format` takes exactly one double. */
export async function cPrintf(format: string, values: readonly number[]): Promise<string[]> {
  const child = new Deno.Command("python3", {
    args: ["-c", SCRIPT, format],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(values.map(toHex).join("\n")));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  if (!success) {
    throw new Error(`python3 printf helper failed: ${new TextDecoder().decode(stderr)}`);
  }
  const text = new TextDecoder().decode(stdout);
  return values.length === 0 ? [] : text.split("\n");
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
