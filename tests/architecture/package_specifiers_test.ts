/**
 * The library's own modules name every npm package by an explicit `npm:name@version` specifier
 * (no bare specifier that only the repository's import map resolves, so the library imports
 * from any project), at the one version deno.json's import map pins for the tests and scripts.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../_support/engine.ts";

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"]+)"/g;

async function libraryModules(): Promise<string[]> {
  const out = ["mod.ts", "hook.ts", "cli.ts"].map((f) => join(ROOT, f));
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const path = join(dir, e.name);
      if (e.isDirectory) await walk(path);
      else if (e.name.endsWith(".ts")) out.push(path);
    }
  };
  await walk(join(ROOT, "src"));
  return out;
}

Deno.test("library modules use explicit npm: specifiers at deno.json's versions", async () => {
  const pins = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json"))).imports as Record<
    string,
    string
  >;
  const bare: string[] = [];
  const drift: string[] = [];
  let npm = 0;
  for (const file of await libraryModules()) {
    const code = (await Deno.readTextFile(file)).replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/(?!\s*@ts-types).*$/gm, "");
    for (const [, spec] of code.matchAll(SPECIFIER)) {
      // Text that only looks like an import (a README template's "<gmat-sweep>/mod.ts").
      if (/^(\.|node:|https?:|jsr:)/.test(spec) || /[<\s]/.test(spec)) continue;
      if (!spec.startsWith("npm:")) {
        bare.push(`${file.slice(ROOT.length)}: "${spec}"`);
        continue;
      }
      npm++;
      const m = /^npm:((?:@[^/]+\/)?[^@/]+)@([^/]+)/.exec(spec);
      // The pin of the package, whichever import-map key (a subpath such as csv-parse/sync) has it.
      const pinned = m
        ? Object.values(pins).map((v) => /^npm:((?:@[^/]+\/)?[^@/]+@[^/]+)/.exec(v)?.[1])
          .find((v) => v?.startsWith(`${m[1]}@`))
        : undefined;
      if (!m || pinned !== `${m[1]}@${m[2]}`) {
        drift.push(`${file.slice(ROOT.length)}: ${spec} (deno.json: ${pinned})`);
      }
    }
  }
  assert.ok(npm > 50, `found the npm imports (${npm})`);
  assert.deepEqual(bare, [], "bare specifiers resolve only under the repository's import map");
  assert.deepEqual(drift, [], "npm specifiers at another version than deno.json pins");
});
