/**
 * The Deno command line and environment of the hook sandbox host, and the base permissions of
 * its hook workers, from a {@link HookPlan}. The host may read only what loading the hook needs
 * plus the sweep's run tree, and write only the run tree; each worker is then narrowed to one
 * run's directory. Nothing else (network, environment, subprocesses, FFI, system information)
 * unless granted by name.
 *
 * @module
 */

import type { HookPlan } from "./hook_plan.ts";
import type { HookPermissionKind, HookPermissions } from "./hook_permissions.ts";
import type { WorkerPermissions } from "./host_protocol.ts";

/** Environment variables Deno itself needs to find its cache and stay quiet. */
const DENO_ENV = ["HOME", "DENO_DIR", "XDG_CACHE_HOME", "PATH", "LANG", "TMPDIR"];

function flag(kind: string, base: string[], granted: true | string[] | undefined): string[] {
  if (granted === true) return [`--allow-${kind}`];
  const all = [...base, ...(granted ?? [])];
  return all.length === 0 ? [] : [`--allow-${kind}=${[...new Set(all)].join(",")}`];
}

/**
 * Arguments of `deno` that start the host.
 *
 * @param plan The hook's plan.
 * @param runTree The directory holding every run directory of the sweep (null for a probe).
 * @param memoryMb The V8 heap limit of the host and of each hook worker it starts.
 */
export function hostArgs(plan: HookPlan, runTree: string | null, memoryMb: number): string[] {
  const p = plan.permissions;
  const tree = runTree === null ? [] : [runTree];
  return [
    "run",
    "--no-prompt",
    "--no-lock",
    "--unstable-worker-options",
    `--v8-flags=--max-old-space-size=${Math.max(16, Math.round(memoryMb))}`,
    ...(plan.configPath ? ["--config", plan.configPath] : ["--no-config"]),
    ...flag("read", [...plan.moduleFiles, ...plan.npmDirs, plan.wrapperDir, ...tree], p.read),
    ...flag("write", tree, p.write),
    ...flag("net", [], p.net),
    ...flag("env", [], p.env),
    ...flag("run", [], p.run),
    ...flag("sys", [], p.sys),
    ...flag("ffi", [], p.ffi),
    ...(plan.importHosts.length > 0 ? [`--allow-import=${plan.importHosts.join(",")}`] : []),
    plan.hostMainUrl,
  ];
}

/** The host's environment: what Deno needs, plus the variables an `env` grant names. */
export function hostEnv(permissions: HookPermissions): Record<string, string> {
  const source = Deno.env.toObject();
  const env: Record<string, string> = {
    NO_COLOR: "1",
    DENO_NO_PACKAGE_JSON: "1",
    DENO_NO_UPDATE_CHECK: "1",
  };
  for (const name of DENO_ENV) if (source[name] !== undefined) env[name] = source[name];
  const grant = permissions.env;
  if (grant === true) return { ...source, ...env };
  for (const pattern of grant ?? []) {
    for (const [name, value] of Object.entries(source)) {
      const hit = pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
      if (hit) env[name] = value;
    }
  }
  return env;
}

function workerGrant(
  permissions: HookPermissions,
  kind: HookPermissionKind,
  base: string[] = [],
): string[] | boolean {
  const granted = permissions[kind];
  if (granted === true) return true;
  const all = [...base, ...(granted ?? [])];
  return all.length === 0 ? false : all;
}

/** Permissions of every hook worker before its run directory is added to read and write. */
export function workerBase(plan: HookPlan): WorkerPermissions {
  const p = plan.permissions;
  return {
    read: workerGrant(p, "read", [...plan.npmDirs]),
    write: workerGrant(p, "write"),
    net: workerGrant(p, "net"),
    env: workerGrant(p, "env"),
    run: workerGrant(p, "run"),
    sys: workerGrant(p, "sys"),
    ffi: workerGrant(p, "ffi"),
  };
}
