/**
 * Loading the WASM Parquet codec (parquet-wasm's ES module build) for `parquet_io.ts`: the
 * binding is initialised synchronously when this module is evaluated, from a compiled
 * `WebAssembly.Module` someone already holds (a hook's sandbox host compiles it once and hands
 * it to every hook worker: {@link SHARED_PARQUET_WASM}), else by compiling the package's own
 * `.wasm` file here. Either way the rest of the table layer imports the codec's functions from
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
 * is first evaluated (the hook worker puts the one its host compiled there).
 */
export const SHARED_PARQUET_WASM: unique symbol = Symbol.for("gmat-sweep.parquet-wasm.module");

/** The package's `.wasm` file (its path: a host compiles it to share). */
export function parquetWasmFile(): URL {
  return new URL("parquet_wasm_bg.wasm", import.meta.resolve("npm:parquet-wasm@0.8.0/esm"));
}

const shared = (globalThis as Record<symbol, unknown>)[SHARED_PARQUET_WASM];
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
