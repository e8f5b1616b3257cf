/**
 * A nesting limit for JSON read from files: schema checks (zod's recursive JSON schemas) and
 * recursive encoders descend once per level, so a line of ten thousand `[` overflows the stack
 * inside them. Text is measured before it is parsed, in one pass over its characters.
 *
 * @module
 */

/** Deepest array/object nesting accepted in a manifest line (far beyond any real context). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text nests arrays and objects deeper than `limit` (brackets inside strings do not
 * count). Works on any text: invalid JSON is left for the parser to refuse.
 *
 * @param text The JSON text.
 * @param limit The deepest nesting allowed.
 * @returns True when some value lies more than `limit` levels deep.
 *
 * @example
 * ```ts
 * import { exceedsJsonDepth } from "./json_depth.ts";
 * console.log(exceedsJsonDepth('{"a": [[1]]}', 3), exceedsJsonDepth('{"a": [[1]]}', 2)); // false true
 * console.log(exceedsJsonDepth('{"a": "[[[["}', 1)); // false
 * ```
 */
export function exceedsJsonDepth(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  // Fast path: fewer opening brackets than the limit cannot nest deeper than it.
  let opening = 0;
  for (let i = text.indexOf("{"); i !== -1 && opening <= limit; i = text.indexOf("{", i + 1)) {
    opening++;
  }
  for (let i = text.indexOf("["); i !== -1 && opening <= limit; i = text.indexOf("[", i + 1)) {
    opening++;
  }
  if (opening <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
