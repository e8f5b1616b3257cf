/**
 * Byte-stable Parquet files: parquet-wasm writes the footer's key-value metadata in the order of
 * a Rust hash map, which differs from map to map, so the same table written twice gave two
 * files. {@link canonicalizeKeyValueOrder} rewrites that list sorted by key, in place (the list
 * keeps its length; nothing else moves), so equal tables give equal bytes.
 *
 * @module
 */

import { Compact } from "./parquet_footer.ts";

const LIST = 9;

function footerBounds(bytes: Uint8Array): { start: number; end: number } {
  const end = bytes.length - 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset + end, 4);
  const length = view.getUint32(0, true);
  return { start: end - length, end };
}

/**
 * Sort the key-value metadata of a Parquet file's footer by key (bytes rewritten in place).
 *
 * @param bytes A complete Parquet file as written.
 * @returns The same array.
 */
export function canonicalizeKeyValueOrder(bytes: Uint8Array): Uint8Array {
  const { start, end } = footerBounds(bytes);
  const footer = bytes.subarray(start, end);
  const c = new Compact(footer);
  const items: { key: string; bytes: Uint8Array }[] = [];
  let listStart = -1;
  c.struct((id, type) => {
    if (id !== 5 || type !== LIST) return false;
    const { size } = c.listHeader();
    listStart = c.pos;
    const decoder = new TextDecoder();
    for (let i = 0; i < size; i++) {
      const from = c.pos;
      let key = "";
      c.struct((kid, ktype) => {
        if (kid !== 1 || ktype !== 8) return false;
        key = decoder.decode(c.binary());
        return true;
      });
      items.push({ key, bytes: footer.slice(from, c.pos) });
    }
    return true;
  });
  if (listStart < 0 || items.length < 2) return bytes;
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let at = listStart;
  for (const item of items) {
    footer.set(item.bytes, at);
    at += item.bytes.length;
  }
  return bytes;
}
