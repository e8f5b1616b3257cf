/**
 * The source tree's import graph has no circles: neither between two modules (through any chain
 * of relative imports, `import type` included, since a type circle still ties two modules'
 * meaning together) nor between two folders of `src/` (a folder is one concern, and concerns are
 * layered). Imports are read from the source text with comments stripped, so a doc example's
 * import does not count.
 */

import assert from "node:assert/strict";
import { dirname, join, normalize, relative } from "node:path";
import { ROOT } from "../_support/engine.ts";

const SRC = join(ROOT, "src");
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g;

async function sources(dir: string, out: string[] = []): Promise<string[]> {
  for await (const e of Deno.readDir(dir)) {
    const path = join(dir, e.name);
    if (e.isDirectory) await sources(path, out);
    else if (e.name.endsWith(".ts")) out.push(path);
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

Deno.test("no import circles between modules or between folders of src/", async () => {
  const files = await sources(SRC);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = stripComments(await Deno.readTextFile(f));
    graph.set(f, [...text.matchAll(IMPORT)].map((m) => normalize(join(dirname(f), m[1]))));
  }
  assert.ok(graph.size > 300, `read the source tree (${graph.size} modules)`);

  // Module circles: depth-first search for a back edge.
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const circles: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open") {
        circles.push(
          [...stack.slice(stack.indexOf(g)), g].map((p) => relative(SRC, p)).join(" -> "),
        );
      } else if (!state.has(g) && graph.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  assert.deepEqual(circles, [], "module import circles");

  // Folder circles: two folders of src/ that import each other.
  const folder = (p: string) => relative(SRC, p).split("/")[0];
  const edges = new Set<string>();
  for (const [f, targets] of graph) {
    for (const t of targets) {
      if (t.startsWith(SRC) && folder(f) !== folder(t)) edges.add(`${folder(f)} -> ${folder(t)}`);
    }
  }
  const mutual = [...edges].filter((e) => {
    const [a, b] = e.split(" -> ");
    return a < b && edges.has(`${b} -> ${a}`);
  });
  assert.deepEqual(mutual, [], "folders that import each other");
});
