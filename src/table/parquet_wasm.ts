/**
 * Loading the WASM Parquet codec (parquet-wasm's ES module build) for `parquet_io.ts`: the
 * binding is initialised when this module is evaluated, from a compiled `WebAssembly.Module`
 * someone already holds or provides on request (a hook's sandbox host compiles it once, when a
 * hook worker first asks, and hands it to every worker that asks: {@link SHARED_PARQUET_WASM}),
 * else by compiling the package's own `.wasm` file here. Either way the rest of the table layer imports the codec's functions from
 * this module and never deals with its initialisation.
 *
 * @module
 */

// Explicit npm: specifier (the package deno.json maps): hooks in projects of their own, with
// their own import map, load this module too.
// deno-lint-ignore no-import-prefix
import * as binding from "npm:parquet-wasm@0.8.0/esm";

/**
 * The global under which an isolate may hold parquet-wasm's compiled module before this module
 * is first evaluated, or a function that resolves to it (or to undefined: compile here); the hook
 * worker puts one there that asks its host for the module the host compiled.
 */
export const SHARED_PARQUET_WASM: unique symbol = Symbol.for("gmat-sweep.parquet-wasm.module");

/** The package's `.wasm` file (its path: a host compiles it to share). */
export function parquetWasmFile(): URL {
  return new URL("parquet_wasm_bg.wasm", import.meta.resolve("npm:parquet-wasm@0.8.0/esm"));
}

const held = (globalThis as Record<symbol, unknown>)[SHARED_PARQUET_WASM];
const shared = typeof held === "function" ? await (held as () => Promise<unknown>)() : held;
binding.initSync({
  module: shared instanceof WebAssembly.Module
    ? shared
    : new WebAssembly.Module(Deno.readFileSync(parquetWasmFile())),
});

export {
  Compression,
  EnabledStatistics,
  Encoding,
  readParquet,
  readSchema,
  Table,
  wasmMemory,
  writeParquet,
  type WriterProperties,
  WriterPropertiesBuilder,
} from "npm:parquet-wasm@0.8.0/esm";
