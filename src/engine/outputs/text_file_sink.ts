/**
 * Plain text output files written as the mission runs (the DifferentialCorrector report file):
 * a file is created (or emptied) the first time its writer truncates it, written through
 * synchronously so a failed run leaves what was written, and closed when the run ends.
 *
 * @module
 */

import { dirname } from "node:path";
import type { TextSink } from "../../solvers/mod.ts";

/** A {@linkcode TextSink} on a file; nothing is created until the first `truncate` or `write`. */
export class TextFileSink implements TextSink {
  #file: Deno.FsFile | undefined;
  readonly #encoder = new TextEncoder();

  /** @param path Absolute path of the file. */
  constructor(readonly path: string) {}

  /** Creates or empties the file. */
  truncate(): void {
    this.#file?.close();
    Deno.mkdirSync(dirname(this.path), { recursive: true });
    this.#file = Deno.openSync(this.path, { write: true, create: true, truncate: true });
  }

  /** Appends text (creating the file when it does not exist yet). */
  write(text: string): void {
    if (!this.#file) {
      Deno.mkdirSync(dirname(this.path), { recursive: true });
      this.#file = Deno.openSync(this.path, { write: true, create: true, append: true });
    }
    const bytes = this.#encoder.encode(text);
    for (let done = 0; done < bytes.length;) done += this.#file.writeSync(bytes.subarray(done));
  }

  /** Closes the file, if it was opened. */
  close(): void {
    this.#file?.close();
    this.#file = undefined;
  }
}
