/**
 * Hook specifiers: the text that names a postprocess hook (`./pipeline.ts#deriveOrbitMetrics`),
 * parsed into an absolute module specifier and an export name, with a canonical form for the
 * manifest.
 *
 * @module
 */

import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "npm:zod@4.6.7";
import type { Assert, SameType } from "../runs/_type_check.ts";
import { HookError } from "./hook_error.ts";

/** Schema of a parsed hook specifier (it crosses into worker processes and the manifest). */
export const HookSpecifierSchema = z.object({
  /** An absolute module URL (`file:`, `http:`, `https:`) or an `npm:` / `jsr:` specifier. */
  module: z.string().min(1),
  /** The export to call; `default` for the default export. */
  exportName: z.string().min(1),
  /** Canonical form, `<module>#<exportName>`, as recorded in the manifest. */
  text: z.string().min(1),
});

/** A parsed hook specifier. */
export type HookSpecifier = {
  /** An absolute module URL (`file:`, `http:`, `https:`) or an `npm:` / `jsr:` specifier. */
  module: string;
  /** The export to call; `default` for the default export. */
  exportName: string;
  /** Canonical form, `<module>#<exportName>`, as recorded in the manifest. */
  text: string;
};
type _HookSpecifierMatchesSchema = Assert<
  SameType<HookSpecifier, z.infer<typeof HookSpecifierSchema>>
>;

/** Options of {@linkcode parseHookSpecifier}. */
export interface ParseHookSpecifierOptions {
  /** Directory that relative paths resolve against. */
  readonly cwd: string;
}

/** A JavaScript identifier (the names a module can export and a caller can name after `#`). */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/** A URL scheme prefix such as `https:` or `npm:` (two letters at least, so `C:` is a path). */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;

function specError(text: string, problem: string, fix: string): HookError {
  return new HookError(
    "HOOK_SPEC",
    `Cannot parse hook specifier ${JSON.stringify(text)}: ${problem}; ${fix}`,
  );
}

const FORMS = "write it as MODULE#EXPORT, e.g. ./pipeline.ts#deriveOrbitMetrics, " +
  "file:///abs/pipeline.ts#f, https://example.org/p.ts#f or npm:pkg@1#f (no #EXPORT means " +
  "the default export)";

function moduleOf(text: string, part: string, cwd: string): string {
  const scheme = SCHEME.exec(part)?.[1]?.toLowerCase();
  if (scheme === undefined || isAbsolute(part)) {
    // A path: relative ones resolve against cwd.
    return pathToFileURL(resolve(cwd, part)).href;
  }
  switch (scheme) {
    case "file": {
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        throw specError(text, `${JSON.stringify(part)} is not a valid file URL`, FORMS);
      }
      if (url.host !== "" && url.host !== "localhost") {
        throw specError(text, `file URL host ${JSON.stringify(url.host)} is not local`, FORMS);
      }
      return url.href;
    }
    case "http":
    case "https": {
      try {
        return new URL(part).href;
      } catch {
        throw specError(text, `${JSON.stringify(part)} is not a valid URL`, FORMS);
      }
    }
    case "npm":
    case "jsr":
      if (part.length === scheme.length + 1) {
        throw specError(text, `the ${scheme}: specifier names no package`, FORMS);
      }
      return part;
    default:
      throw specError(
        text,
        `modules cannot be loaded from ${scheme}: specifiers`,
        "use a path, a file:, http: or https: URL, or an npm: or jsr: specifier",
      );
  }
}

/**
 * Parses a hook specifier: a module and, after the last `#`, the name of the export to call.
 *
 * Paths (relative ones resolve against `cwd`) become absolute `file:` URLs; `http:`/`https:` URLs
 * are normalised; `npm:` and `jsr:` specifiers are kept as written. Without `#` the hook is the
 * module's default export. A path containing `#` must be written as a `file:` URL with `%23`.
 *
 * @param spec The specifier text, e.g. `./pipeline.ts#deriveOrbitMetrics`.
 * @param options `cwd`, the directory relative paths resolve against.
 * @returns The module, the export name and the canonical text `<module>#<exportName>`.
 * @throws {HookError} `HOOK_SPEC` when the text is empty, the export name is not an identifier,
 *   or the module's scheme cannot be loaded.
 *
 * @example Usage
 * ```ts
 * import { parseHookSpecifier } from "./hook_specifier.ts";
 * import assert from "node:assert/strict";
 *
 * const hook = parseHookSpecifier("./pipeline.ts#deriveOrbitMetrics", { cwd: "/study" });
 * assert.equal(hook.module, "file:///study/pipeline.ts");
 * assert.equal(hook.exportName, "deriveOrbitMetrics");
 * assert.equal(hook.text, "file:///study/pipeline.ts#deriveOrbitMetrics");
 * assert.equal(parseHookSpecifier("npm:pkg@1", { cwd: "/" }).exportName, "default");
 * ```
 */
export function parseHookSpecifier(
  spec: string,
  options: ParseHookSpecifierOptions,
): HookSpecifier {
  const text = spec.trim();
  if (text === "") throw specError(spec, "it is empty", FORMS);
  const hash = text.lastIndexOf("#");
  const part = hash < 0 ? text : text.slice(0, hash);
  const exportName = hash < 0 ? "default" : text.slice(hash + 1);
  if (part === "") throw specError(spec, "it names no module before '#'", FORMS);
  if (exportName === "") {
    throw specError(spec, "the export name after '#' is empty", `${FORMS}`);
  }
  if (!IDENTIFIER.test(exportName)) {
    throw specError(
      spec,
      `export name ${JSON.stringify(exportName)} is not a JavaScript identifier`,
      "name an exported function after the last '#' (a path containing '#' must be written as " +
        "a file: URL with %23)",
    );
  }
  const module = moduleOf(spec, part, options.cwd);
  return { module, exportName, text: `${module}#${exportName}` };
}
