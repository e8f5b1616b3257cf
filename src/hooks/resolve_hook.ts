/**
 * Resolving a sweep's hook once, before any run: parse the specifier, plan its sandbox, load it
 * there and check its export. What comes back is plain data (recordable in the manifest header);
 * {@link startHook} turns it into a running {@link HookRunner} for the duration of a sweep.
 *
 * @module
 */

import { type HookPermissions, parseHookPermissions } from "./hook_permissions.ts";
import { planHook } from "./hook_plan.ts";
import { type HookIsolation, HookRunner } from "./hook_runner.ts";
import { type HookSpecifier, parseHookSpecifier } from "./hook_specifier.ts";
import { formatHookPermissions } from "./hook_permissions.ts";

/** A hook that loaded in its sandbox and exports a function. */
export interface ResolvedHook {
  /** The parsed specifier: module, export name and canonical text. */
  readonly specifier: HookSpecifier;
  /** Permissions granted beyond the run directory, as the sandbox plan normalised them. */
  readonly permissions: HookPermissions;
  /** Time one call may take. */
  readonly timeoutMs: number;
  /** The header's `postprocess_permissions` form of {@link permissions}. */
  readonly permissionList: string[];
  /** `run` (a fresh worker per run, the default) or `sweep` (one long-lived worker per slot). */
  readonly isolation?: HookIsolation;
  /** Heap limit of each hook, in MB. */
  readonly memoryMb?: number;
  /** Most bytes a hook may register as outputs for one run. */
  readonly maxOutputBytes?: number;
}

/**
 * Parse, plan and probe a hook.
 *
 * @param spec The specifier text (relative paths resolve against `cwd`) or a parsed one.
 * @param options Granted permissions (object or the CLI's `KIND=VALUE` list), timeout, cwd.
 * @throws {HookError} any `HOOK_*` code: the hook cannot be used.
 */
export async function resolveHook(
  spec: string | HookSpecifier,
  options: {
    readonly cwd?: string;
    readonly permissions?: HookPermissions | readonly string[];
    readonly timeoutMs?: number;
    readonly isolation?: HookIsolation;
    readonly memoryMb?: number;
    readonly maxOutputBytes?: number;
  } = {},
): Promise<ResolvedHook> {
  const cwd = options.cwd ?? Deno.cwd();
  const specifier = typeof spec === "string" ? parseHookSpecifier(spec, { cwd }) : spec;
  const raw = options.permissions ?? {};
  const permissions = Array.isArray(raw)
    ? parseHookPermissions(raw as readonly string[], { cwd })
    : raw as HookPermissions;
  await using plan = await planHook(specifier, { permissions });
  await using runner = HookRunner.start(plan, { runTree: null });
  await runner.probe();
  return {
    specifier,
    permissions: plan.permissions,
    timeoutMs: options.timeoutMs ?? 300_000,
    permissionList: formatHookPermissions(plan.permissions),
    isolation: options.isolation,
    memoryMb: options.memoryMb,
    maxOutputBytes: options.maxOutputBytes,
  };
}

/**
 * A runner for a resolved hook over one run tree; closing it also removes its plan.
 *
 * @param hook The resolved hook.
 * @param runTree The directory of the run directories.
 * @param slots Hooks that may run at the same time (one sandbox host each).
 */
export async function startHook(
  hook: ResolvedHook,
  runTree: string,
  slots = 1,
): Promise<HookRunner> {
  const plan = await planHook(hook.specifier, { permissions: hook.permissions });
  return HookRunner.start(plan, {
    runTree,
    timeoutMs: hook.timeoutMs,
    ownsPlan: true,
    isolation: hook.isolation,
    memoryMb: hook.memoryMb,
    maxOutputBytes: hook.maxOutputBytes,
    slots,
  });
}
