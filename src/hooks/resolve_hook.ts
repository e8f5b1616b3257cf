/**
 * Resolving a sweep's hook once, before any run: parse the specifier, plan its sandbox, load it
 * there and check its export. What comes back is plain data (recordable in the manifest header);
 * {@link startHook} turns it into a running {@link HookRunner} for the duration of a sweep.
 *
 * @module
 */

import { type HookPermissions, parseHookPermissions } from "./hook_permissions.ts";
import { planHook } from "./hook_plan.ts";
import { HookRunner } from "./hook_runner.ts";
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
  };
}

/** A runner for a resolved hook over one run tree; closing it also removes its plan. */
export async function startHook(hook: ResolvedHook, runTree: string): Promise<HookRunner> {
  const plan = await planHook(hook.specifier, { permissions: hook.permissions });
  return HookRunner.start(plan, { runTree, timeoutMs: hook.timeoutMs, ownsPlan: true });
}
