/**
 * Editing one member of a JSON object line without re-encoding the others: the archive rewrites
 * only the path fields of a manifest line, and `extend` only the header's `run_count`, so every
 * other field keeps its exact bytes (a Python manifest's `7000.0` stays `7000.0`, which a parse and
 * re-encode would turn into `7000`).
 *
 * The scanner expects text that is already known to be a valid JSON object (the manifest reader
 * has validated it); on anything else it throws a `SyntaxError`.
 *
 * @module
 */

import { sortedJsonStringify } from "./sorted_json.ts";

/** Where one top-level member of an object sits in its text. */
export interface MemberSpan {
  /** The decoded key. */
  readonly key: string;
  /** Index of the key's opening quote. */
  readonly keyStart: number;
  /** Index of the value's first character. */
  readonly valueStart: number;
  /** Index just past the value's last character. */
  readonly valueEnd: number;
}

/** The object's members, in text order, and where its closing brace is. */
export interface ObjectSpans {
  readonly members: MemberSpan[];
  /** Index of the closing `}`. */
  readonly close: number;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.has(text[i])) i++;
  return i;
}

function expect(text: string, i: number, ch: string): void {
  if (text[i] !== ch) {
    throw new SyntaxError(`expected '${ch}' at offset ${i} of a JSON object line`);
  }
}

/** Index just past the string starting at `i` (its opening quote). */
function skipString(text: string, i: number): number {
  expect(text, i, '"');
  for (i++; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new SyntaxError("unterminated string in a JSON object line");
}

/** Index just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return skipString(text, i);
  if (ch === "{" || ch === "[") {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = skipString(text, i);
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new SyntaxError("unterminated object or array in a JSON object line");
  }
  // A number or a literal: up to the next delimiter.
  const start = i;
  while (i < text.length && !WHITESPACE.has(text[i]) && !",}]".includes(text[i])) i++;
  if (i === start) throw new SyntaxError(`expected a value at offset ${start}`);
  return i;
}

/**
 * Locate the top-level members of the JSON object in `text`.
 *
 * @param text One JSON object (surrounding whitespace allowed).
 * @returns The members in text order and the index of the closing brace.
 * @throws {SyntaxError} If the text is not a JSON object.
 *
 * @example
 * ```ts
 * import { scanObject } from "./json_members.ts";
 * const { members } = scanObject('{"a": 7000.0, "b": {"c": [1]}}');
 * console.log(members.map((m) => m.key).join(",")); // a,b
 * ```
 */
export function scanObject(text: string): ObjectSpans {
  let i = skipWhitespace(text, 0);
  expect(text, i, "{");
  i = skipWhitespace(text, i + 1);
  const members: MemberSpan[] = [];
  if (text[i] === "}") return { members, close: i };
  while (true) {
    const keyStart = i;
    i = skipString(text, i);
    const key = JSON.parse(text.slice(keyStart, i)) as string;
    i = skipWhitespace(text, i);
    expect(text, i, ":");
    const valueStart = skipWhitespace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key, keyStart, valueStart, valueEnd });
    i = skipWhitespace(text, valueEnd);
    if (text[i] === ",") {
      i = skipWhitespace(text, i + 1);
      continue;
    }
    expect(text, i, "}");
    return { members, close: i };
  }
}

/** One edit: the new JSON text of a member's value, or of a member to add (`insert`). */
export interface MemberEdit {
  readonly key: string;
  /** The replacement value, already encoded as JSON text. */
  readonly valueText: string;
}

/**
 * Replace the values of existing members; a key that is missing is inserted before the first
 * member whose key sorts after it (code point order, as sorted-key writers place it) with the
 * `", "` and `": "` separators of the manifest encoding.
 *
 * @param text The JSON object text.
 * @param edits The new values by key.
 * @param compare The key order used to place inserted members.
 * @returns The text with only those values changed.
 *
 * @example
 * ```ts
 * import { editMembers } from "./json_members.ts";
 * const out = editMembers('{"a": 1.0, "c": "x"}', [{ key: "b", valueText: '"y"' }],
 *   (x, y) => (x < y ? -1 : x > y ? 1 : 0));
 * console.log(out); // {"a": 1.0, "b": "y", "c": "x"}
 * ```
 */
export function editMembers(
  text: string,
  edits: readonly MemberEdit[],
  compare: (a: string, b: string) => number,
): string {
  const { members, close } = scanObject(text);
  // Splices as [start, end, replacement], applied from the end so indices stay valid.
  const splices: [number, number, string][] = [];
  for (const edit of edits) {
    const found = members.find((m) => m.key === edit.key);
    if (found !== undefined) {
      splices.push([found.valueStart, found.valueEnd, edit.valueText]);
      continue;
    }
    const member = `${sortedJsonStringify(edit.key)}: ${edit.valueText}`;
    const after = members.find((m) => compare(m.key, edit.key) > 0);
    if (after !== undefined) splices.push([after.keyStart, after.keyStart, `${member}, `]);
    else if (members.length === 0) splices.push([close, close, member]);
    else {
      const last = members[members.length - 1].valueEnd;
      splices.push([last, last, `, ${member}`]);
    }
  }
  splices.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end, replacement] of splices) {
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}
