/**
 * Turning one manifest line into a validated header or entry, or a {@link ManifestCorruptError}
 * naming the file, the line and the field.
 *
 * @module
 */

import type { z } from "npm:zod@4.6.7";
import {
  type EntryIndexFields,
  EntryIndexFieldsSchema,
  type ManifestEntry,
  ManifestEntrySchema,
} from "./entry.ts";
import { ManifestCorruptError } from "./errors.ts";
import { exceedsJsonDepth, MAX_JSON_DEPTH } from "./json_depth.ts";
import { scanObjectMembers } from "./_scan_json.ts";
import {
  MANIFEST_SCHEMA_VERSION,
  type ManifestHeader,
  ManifestHeaderSchema,
  migrateHeader,
} from "./header.ts";

const HEADER_FIX = "line 1 must be the header object a gmat-sweep sweep writes; restore the " +
  "manifest from a backup or start the sweep again";

function entryFix(line: number): string {
  return `repair or delete line ${line} (resume re-runs a run whose entry is missing)`;
}

/** Parse JSON text that must be an object, or throw a corrupt-line error. */
function parseObject(
  text: string,
  path: string,
  line: number,
  fix: string,
): Record<string, unknown> {
  // Before parsing: schema checks and encoders recurse once per nesting level.
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw new ManifestCorruptError(
      path,
      line,
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      fix,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ManifestCorruptError(path, line, `invalid JSON (${why})`, fix, { cause });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new ManifestCorruptError(path, line, `expected a JSON object, found ${kind}`, fix);
  }
  return value as Record<string, unknown>;
}

/** Summarise zod issues as `field `a.b`: message` clauses (at most three). */
export function describeIssues(error: z.ZodError, what: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(object)";
    return `field \`${field}\`: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return `invalid ${what}: ${parts.join("; ")}${more}`;
}

/**
 * Parse and validate the header line (line 1).
 *
 * @param text The line without its newline.
 * @param path The manifest path, for messages.
 * @returns The header with defaults filled in, migrated to the current schema version.
 * @throws {ManifestCorruptError} At line 1 for invalid JSON, a non-object, a bad `schema_version`
 * or a field of the wrong type.
 */
export function parseHeaderText(text: string, path: string): ManifestHeader {
  const raw = parseObject(text, path, 1, HEADER_FIX);
  // Only a missing key means 1 (an explicit null is as wrong as "1", as in the Python tool).
  const version = Object.hasOwn(raw, "schema_version") ? raw.schema_version : 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ManifestCorruptError(
      path,
      1,
      `schema_version must be a positive integer, found ${JSON.stringify(version)}`,
      HEADER_FIX,
    );
  }
  if (version > MANIFEST_SCHEMA_VERSION) {
    throw new ManifestCorruptError(
      path,
      1,
      `schema_version ${version} is newer than the ${MANIFEST_SCHEMA_VERSION} this ` +
        `gmat-sweep reads`,
      `upgrade gmat-sweep to a release that reads schema_version ${version} manifests`,
    );
  }
  const migrated = migrateHeader(raw, version, path);
  const result = ManifestHeaderSchema.safeParse(migrated);
  if (!result.success) {
    throw new ManifestCorruptError(path, 1, describeIssues(result.error, "header"), HEADER_FIX, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Parse and validate one complete entry line.
 *
 * @param text The line without its newline.
 * @param path The manifest path, for messages.
 * @param line The 1-based line number.
 * @returns The entry with defaults filled in.
 * @throws {ManifestCorruptError} At `line` for invalid JSON, a non-object or a schema violation.
 */
export function parseEntryText(text: string, path: string, line: number): ManifestEntry {
  const fix = entryFix(line);
  const raw = parseObject(text, path, line, fix);
  const result = ManifestEntrySchema.safeParse(raw);
  if (!result.success) {
    throw new ManifestCorruptError(path, line, describeIssues(result.error, "entry"), fix, {
      cause: result.error,
    });
  }
  return result.data;
}

/** The top-level members an index keeps. */
const INDEX_KEYS: ReadonlySet<string> = new Set(Object.keys(EntryIndexFieldsSchema.shape));

/**
 * Parse one complete entry line for an index: the JSON must be valid (and not nested too deep)
 * and the indexed fields must satisfy the entry schema; the other fields are checked when the
 * entry is read in full ({@link parseEntryText}). The line is checked by a scanner that builds
 * only the indexed members; anything it does not accept takes the exact path (`JSON.parse`),
 * which names what is wrong.
 *
 * @param text The line without its newline.
 * @param path The manifest path, for messages.
 * @param line The 1-based line number.
 * @returns The indexed fields.
 * @throws {ManifestCorruptError} At `line` for invalid JSON, a non-object or a bad indexed field.
 */
export function parseEntryIndexFields(text: string, path: string, line: number): EntryIndexFields {
  const fix = entryFix(line);
  const raw = scanObjectMembers(text, INDEX_KEYS, MAX_JSON_DEPTH) ??
    parseObject(text, path, line, fix);
  const result = EntryIndexFieldsSchema.safeParse(raw);
  if (!result.success) {
    throw new ManifestCorruptError(path, line, describeIssues(result.error, "entry"), fix, {
      cause: result.error,
    });
  }
  return result.data;
}
