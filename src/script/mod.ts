/**
 * The GMAT script language front end: read script text (and what it includes) into a syntax
 * tree, hash it canonically, and insert overrides. It knows GMAT's grammar, not what types,
 * fields or commands mean: that belongs to the engines.
 *
 * @module
 */

export type * from "./ast.ts";
export { ScriptError, type ScriptErrorCode, type ScriptErrorDetails } from "./errors.ts";
export {
  BLOCK_ENDS,
  fileIncludeReader,
  type IncludeReader,
  type ParseOptions,
  parseScript,
  parseScriptFile,
} from "./parser.ts";
export { exprText } from "./expression.ts";
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
