/**
 * Checking one line of JSON without building it: the manifest index needs only a few top-level
 * members of each entry (run id, status, attempt, duration, whether a context is recorded), and
 * building every entry as objects with `JSON.parse` is what made reading a large manifest cost
 * seconds of CPU and hundreds of megabytes of heap. {@link scanObjectMembers} walks the text once,
 * checks the whole JSON grammar (RFC 8259, as `JSON.parse` accepts it) and the nesting limit, and
 * returns just the members asked for.
 *
 * It is a fast path: on anything it does not accept it returns undefined, and the caller takes the
 * exact path (`JSON.parse` and the full schema), which produces the error message.
 *
 * @module
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_U = 0x75;

/** A JSON number. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** Control characters: not allowed raw in strings; such rare lines take the exact path. */
// deno-lint-ignore no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f]/;

/** Stand-ins for member values that are objects or arrays (their content is not built). */
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({});
const FILLED_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({ "": null });
const AN_ARRAY: readonly unknown[] = Object.freeze([]);

/** Thrown inside the scanner to abandon it (never escapes). */
class Reject {}
const REJECT = new Reject();

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

class Scanner {
  i = 0;
  /** Position of the next backslash at or after {@link i} (-1: none left), found lazily. */
  #backslash = -2;

  constructor(readonly text: string, readonly maxDepth: number) {}

  ws(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /**
   * Skips a string (at its opening quote); returns whether it had escapes. The text has no raw
   * control characters (checked once per line), so the string ends at the first quote that is
   * not escaped.
   */
  string(): boolean {
    const t = this.text;
    let i = this.i + 1;
    let escaped = false;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q === -1) throw REJECT;
      if (this.#backslash !== -1 && this.#backslash < i) this.#backslash = t.indexOf("\\", i);
      const b = this.#backslash;
      if (b === -1 || b > q) {
        i = q;
        break;
      }
      escaped = true;
      const e = t.charCodeAt(b + 1);
      if (e === LOWER_U) {
        for (let k = 2; k < 6; k++) if (!isHex(t.charCodeAt(b + k))) throw REJECT;
        i = b + 6;
      } else if (
        // " \ / b f n r t
        e === QUOTE || e === BACKSLASH || e === SLASH || e === 0x62 || e === 0x66 ||
        e === 0x6e || e === 0x72 || e === 0x74
      ) {
        i = b + 2;
      } else {
        throw REJECT;
      }
    }
    this.i = i + 1;
    return escaped;
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(this.text)) throw REJECT;
    this.i = NUMBER.lastIndex;
  }

  literal(word: string): void {
    if (!this.text.startsWith(word, this.i)) throw REJECT;
    this.i += word.length;
  }

  /** Skips any value; returns what the caller keeps of it when it is wanted. */
  value(depth: number, keep: boolean): unknown {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (c === QUOTE) {
      const start = this.i;
      const escaped = this.string();
      if (!keep) return undefined;
      return escaped ? JSON.parse(t.slice(start, this.i)) : t.slice(start + 1, this.i - 1);
    }
    if (c === OPEN_BRACE) return this.object(depth + 1) ? FILLED_OBJECT : EMPTY_OBJECT;
    if (c === OPEN_BRACKET) {
      this.array(depth + 1);
      return AN_ARRAY;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const start = this.i;
      this.number();
      return keep ? Number(t.slice(start, this.i)) : undefined;
    }
    if (c === 0x74) {
      this.literal("true");
      return true;
    }
    if (c === 0x66) {
      this.literal("false");
      return false;
    }
    if (c === 0x6e) {
      this.literal("null");
      return null;
    }
    throw REJECT;
  }

  /** Skips an object (at its brace); returns whether it has members. */
  object(depth: number, wanted?: ReadonlySet<string>, out?: Record<string, unknown>): boolean {
    if (depth > this.maxDepth) throw REJECT;
    const t = this.text;
    this.i++;
    this.ws();
    if (t.charCodeAt(this.i) === CLOSE_BRACE) {
      this.i++;
      return false;
    }
    for (;;) {
      if (t.charCodeAt(this.i) !== QUOTE) throw REJECT;
      const start = this.i;
      const escaped = this.string();
      let keep = false;
      let key = "";
      if (wanted !== undefined) {
        if (escaped) key = JSON.parse(t.slice(start, this.i));
        else {
          // Compare in place: most keys are not wanted, and slicing each would allocate.
          const length = this.i - start - 2;
          for (const w of wanted) {
            if (w.length === length && t.startsWith(w, start + 1)) {
              key = w;
              break;
            }
          }
        }
        keep = wanted.has(key);
      }
      this.ws();
      if (t.charCodeAt(this.i) !== COLON) throw REJECT;
      this.i++;
      this.ws();
      const v = this.value(depth, keep);
      // Duplicate keys: the last one wins, as in JSON.parse.
      if (keep) out![key] = v;
      this.ws();
      const c = t.charCodeAt(this.i);
      this.i++;
      if (c === CLOSE_BRACE) return true;
      if (c !== COMMA) throw REJECT;
      this.ws();
    }
  }

  array(depth: number): void {
    if (depth > this.maxDepth) throw REJECT;
    const t = this.text;
    this.i++;
    this.ws();
    if (t.charCodeAt(this.i) === CLOSE_BRACKET) {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth, false);
      this.ws();
      const c = t.charCodeAt(this.i);
      this.i++;
      if (c === CLOSE_BRACKET) return;
      if (c !== COMMA) throw REJECT;
      this.ws();
    }
  }
}

/**
 * Check that `text` is one JSON object nested at most `maxDepth` levels, and return the values of
 * the top-level members named in `wanted` (numbers, strings, booleans and null as such; an object
 * as `{}` when empty or a one-member stand-in otherwise; an array as `[]`).
 *
 * @param text One line of JSON.
 * @param wanted The top-level member names to return.
 * @param maxDepth The deepest nesting allowed (the top-level object is level 1).
 * @returns The wanted members present, or undefined when the text is not such an object (take the
 *   exact path then: `JSON.parse` says what is wrong).
 *
 * @example
 * ```ts
 * import { scanObjectMembers } from "./_scan_json.ts";
 * const line = '{"run_id": 3, "status": "ok", "context": {}, "overrides": {"a": [1, 2]}}';
 * console.log(scanObjectMembers(line, new Set(["run_id", "status", "context"]), 64));
 * // { run_id: 3, status: "ok", context: {} }
 * console.log(scanObjectMembers('{"run_id": 3,}', new Set(["run_id"]), 64)); // undefined
 * ```
 */
export function scanObjectMembers(
  text: string,
  wanted: ReadonlySet<string>,
  maxDepth: number,
): Record<string, unknown> | undefined {
  if (CONTROL.test(text)) return undefined;
  const s = new Scanner(text, maxDepth);
  const out: Record<string, unknown> = {};
  try {
    s.ws();
    if (text.charCodeAt(s.i) !== OPEN_BRACE) return undefined;
    s.object(1, wanted, out);
    s.ws();
    if (s.i !== text.length) return undefined;
  } catch (e) {
    if (e === REJECT) return undefined;
    throw e;
  }
  return out;
}
