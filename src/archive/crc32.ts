/**
 * CRC-32 (IEEE 802.3, the polynomial zip uses), table-driven and incremental.
 *
 * @module
 */

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it).
 *
 * @param data The bytes.
 * @param previous The CRC so far. @default {0}
 * @returns The CRC as an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * import { crc32 } from "./crc32.ts";
 * console.log(crc32(new TextEncoder().encode("123456789")).toString(16)); // cbf43926
 * ```
 */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
