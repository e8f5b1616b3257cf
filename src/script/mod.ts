/**
 * GMAT script text: parse it into a tree, hash it canonically, and insert overrides.
 *
 * @module
 */

export type * from "./ast.ts";
export { ScriptError, type ScriptErrorCode, type ScriptErrorDetails } from "./errors.ts";
export { type ParseOptions, parseScript } from "./parser.ts";
export { canonicalScriptFileSha256, canonicalScriptSha256, canonicalScriptText } from "./hash.ts";
export {
  checkOverrideKey,
  formatOverrideValue,
  insertOverrides,
  type InsertOverridesOptions,
  overrideInserter,
  type OverrideValue,
  renderOverrideLines,
} from "./overrides.ts";
