/**
 * Permissions a user grants a postprocess hook on top of its sandbox (which reads and writes only
 * its run's directory and has nothing else), as an object or as the CLI's string list
 * (`--postprocess-allow net=example.org --postprocess-allow env=HOME`).
 *
 * @module
 */

import { isAbsolute, resolve } from "node:path";
import { z } from "npm:zod@4.6.7";
import type { Assert, SameType } from "../runs/_type_check.ts";
import { HookError } from "./hook_error.ts";

/** The kinds of permission a hook can be granted, as Deno names them (`--allow-<kind>`). */
export const HOOK_PERMISSION_KINDS = ["read", "write", "net", "env", "run", "sys", "ffi"] as const;

/** A kind of permission a hook can be granted. */
export type HookPermissionKind = typeof HOOK_PERMISSION_KINDS[number];

const grant = z.union([z.literal(true), z.array(z.string().min(1)).min(1)]);

/**
 * Schema of the permissions granted to a hook, each `true` (everything of that kind) or a list:
 * paths for `read`, `write` and `ffi` (absolute), hosts (`example.org`, `127.0.0.1:8080`) for
 * `net`, variable names for `env` (a trailing `*` matches a prefix), program names or paths for
 * `run`, API names (`hostname`, `osRelease`) for `sys`. An absent kind is not granted.
 */
export const HookPermissionsSchema = z.object({
  read: grant.optional(),
  write: grant.optional(),
  net: grant.optional(),
  env: grant.optional(),
  run: grant.optional(),
  sys: grant.optional(),
  ffi: grant.optional(),
}).strict();

/**
 * One kind of permission granted to a hook: `true` (everything of that kind) or a non-empty list
 * of the paths, hosts, variable names, programs or API names granted.
 */
export type HookPermissionGrant = true | string[];

/**
 * Permissions granted to a hook on top of its sandbox (see `HookPermissionsSchema`); an
 * absent kind is not granted.
 */
export type HookPermissions = {
  /** Absolute paths the hook may read (beyond its run directory), or `true` for all. */
  read?: HookPermissionGrant;
  /** Absolute paths the hook may write (beyond its run directory), or `true` for all. */
  write?: HookPermissionGrant;
  /** Hosts (`example.org`, `127.0.0.1:8080`) the hook may reach, or `true` for all. */
  net?: HookPermissionGrant;
  /** Environment variable names (a trailing `*` matches a prefix), or `true` for all. */
  env?: HookPermissionGrant;
  /** Program names or paths the hook may run, or `true` for all. */
  run?: HookPermissionGrant;
  /** System API names (`hostname`, `osRelease`), or `true` for all. */
  sys?: HookPermissionGrant;
  /** Absolute paths of libraries the hook may load by FFI, or `true` for all. */
  ffi?: HookPermissionGrant;
};
type _HookPermissionsMatchesSchema = Assert<
  SameType<HookPermissions, z.infer<typeof HookPermissionsSchema>>
>;

const PATH_KINDS: ReadonlySet<HookPermissionKind> = new Set(["read", "write", "ffi"]);

function permissionError(problem: string, fix: string): HookError {
  return new HookError("HOOK_PERMISSION", `Cannot grant the postprocess hook ${problem}; ${fix}`);
}

function isKind(kind: string): kind is HookPermissionKind {
  return (HOOK_PERMISSION_KINDS as readonly string[]).includes(kind);
}

/**
 * Checks granted permissions and returns them normalised (duplicates dropped, a kind granted both
 * wholly and by a list is granted wholly).
 *
 * @param permissions The grants, e.g. `{ env: ["HOME"], net: ["example.org"] }`.
 * @returns The same grants, normalised.
 * @throws {HookError} `HOOK_PERMISSION` for an unknown kind, a relative path, or a value with a
 *   comma (Deno's permission flags separate values by commas and cannot escape one).
 *
 * @example Usage
 * ```ts
 * import { checkHookPermissions } from "./hook_permissions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(checkHookPermissions({ env: ["HOME", "HOME"] }), { env: ["HOME"] });
 * ```
 */
export function checkHookPermissions(permissions: HookPermissions): HookPermissions {
  const parsed = HookPermissionsSchema.safeParse(permissions);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw permissionError(
      `${JSON.stringify(permissions)}: ${issue.path.join(".") || "value"}: ${issue.message}`,
      `grant kinds ${HOOK_PERMISSION_KINDS.join(", ")}, each true or a non-empty list of strings`,
    );
  }
  const out: HookPermissions = {};
  for (const kind of HOOK_PERMISSION_KINDS) {
    const value = parsed.data[kind];
    if (value === undefined) continue;
    if (value === true) {
      out[kind] = true;
      continue;
    }
    for (const item of value) {
      if (item.includes(",")) {
        throw permissionError(
          `${kind} ${JSON.stringify(item)}: it contains a comma`,
          "Deno's permission flags cannot express a comma; rename the path or host",
        );
      }
      if (PATH_KINDS.has(kind) && !isAbsolute(item)) {
        throw permissionError(
          `${kind} ${JSON.stringify(item)}: the path is relative`,
          "give an absolute path (the hook runs in its run directory, so a relative path would " +
            "mean something else there)",
        );
      }
    }
    out[kind] = [...new Set(value)];
  }
  return out;
}

/**
 * Parses the CLI's string form of hook permissions: each item `KIND` (everything of that kind) or
 * `KIND=VALUE[,VALUE...]`; repeated kinds add up. Paths of `read`, `write` and `ffi` resolve
 * against `cwd`.
 *
 * @param items E.g. `["net=example.org", "env=HOME", "read=./data"]`.
 * @param options `cwd`, the directory relative paths resolve against.
 * @returns The grants, normalised as by {@linkcode checkHookPermissions}.
 * @throws {HookError} `HOOK_PERMISSION` for an unknown kind or an empty value.
 *
 * @example Usage
 * ```ts
 * import { parseHookPermissions } from "./hook_permissions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   parseHookPermissions(["net=example.org", "env=HOME", "env=USER", "read=data"], { cwd: "/s" }),
 *   { read: ["/s/data"], net: ["example.org"], env: ["HOME", "USER"] },
 * );
 * ```
 */
export function parseHookPermissions(
  items: readonly string[],
  options: { readonly cwd: string },
): HookPermissions {
  const grants: Record<string, true | string[]> = {};
  for (const raw of items) {
    const item = raw.trim();
    const eq = item.indexOf("=");
    const kind = (eq < 0 ? item : item.slice(0, eq)).trim();
    if (!isKind(kind)) {
      throw permissionError(
        `${JSON.stringify(raw)}: unknown permission kind ${JSON.stringify(kind)}`,
        `write KIND or KIND=VALUE with KIND one of ${HOOK_PERMISSION_KINDS.join(", ")}, ` +
          "e.g. net=example.org or env=HOME",
      );
    }
    if (eq < 0) {
      grants[kind] = true;
      continue;
    }
    const values = item.slice(eq + 1).split(",").map((v) => v.trim());
    if (values.some((v) => v === "")) {
      throw permissionError(
        `${JSON.stringify(raw)}: a value is empty`,
        `write ${kind}=VALUE[,VALUE...], or ${kind} alone to grant every ${kind} access`,
      );
    }
    const resolved = PATH_KINDS.has(kind) ? values.map((v) => resolve(options.cwd, v)) : values;
    const current = grants[kind];
    if (current !== true) grants[kind] = [...(current ?? []), ...resolved];
  }
  return checkHookPermissions(grants);
}

/**
 * The string form of granted permissions (what {@linkcode parseHookPermissions} reads back).
 *
 * @param permissions The grants.
 * @returns One item per kind, in {@linkcode HOOK_PERMISSION_KINDS} order.
 *
 * @example Usage
 * ```ts
 * import { formatHookPermissions } from "./hook_permissions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(formatHookPermissions({ env: ["HOME", "USER"], sys: true }), [
 *   "env=HOME,USER",
 *   "sys",
 * ]);
 * ```
 */
export function formatHookPermissions(permissions: HookPermissions): string[] {
  const out: string[] = [];
  for (const kind of HOOK_PERMISSION_KINDS) {
    const value = permissions[kind];
    if (value === undefined) continue;
    out.push(value === true ? kind : `${kind}=${value.join(",")}`);
  }
  return out;
}
