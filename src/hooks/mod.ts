/**
 * Postprocess hooks: naming a hook by import specifier, planning and probing its sandbox before
 * any run, and running it after each ok run in a Deno Web Worker whose permissions reach only
 * that run's directory (plus the npm packages the hook loads and extras the user grants).
 *
 * @module
 */

export { HookError, type HookErrorCode } from "./hook_error.ts";
export {
  type HookSpecifier,
  HookSpecifierSchema,
  parseHookSpecifier,
  type ParseHookSpecifierOptions,
} from "./hook_specifier.ts";
export {
  checkHookPermissions,
  formatHookPermissions,
  HOOK_PERMISSION_KINDS,
  type HookPermissionGrant,
  type HookPermissionKind,
  type HookPermissions,
  HookPermissionsSchema,
  parseHookPermissions,
} from "./hook_permissions.ts";
export { type HookPlan, planHook } from "./hook_plan.ts";
export {
  DEFAULT_HOOK_MAX_OUTPUT_BYTES,
  DEFAULT_HOOK_MEMORY_MB,
  HOOK_LOG_NAME,
  type HookIsolation,
  type HookOutcome,
  HookRunner,
  type HookRunnerOptions,
} from "./hook_runner.ts";
export { type CheckedOutputs, checkHookOutputs } from "./hook_outputs.ts";
export type { HookRunSpec } from "./host_protocol.ts";
export { type ResolvedHook, resolveHook, startHook } from "./resolve_hook.ts";
