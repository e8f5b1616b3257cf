/**
 * Reading whole files into one reused buffer: the stitcher reads a thousand small files one after
 * another and copies each out before reading the next, so a fresh allocation per file (what
 * `Deno.readFile` does) is pure overhead.
 *
 * @module
 */

/** Reads files into a buffer that grows to the largest file and is reused. */
export class FileReader {
  #buffer = new Uint8Array(1 << 16);

  /**
   * Reads a whole file.
   *
   * @param path The file.
   * @param size Its size in bytes, when known (saves a stat).
   * @returns A view of the reused buffer, valid until the next call.
   * @throws {Deno.errors.NotFound} When the file does not exist.
   * @throws {RangeError} When the file is shorter than `size`.
   */
  read(path: string, size?: number): Uint8Array {
    using file = Deno.openSync(path);
    const length = size ?? file.statSync().size;
    if (this.#buffer.length < length) {
      this.#buffer = new Uint8Array(Math.max(length, 2 * this.#buffer.length));
    }
    const view = this.#buffer.subarray(0, length);
    let filled = 0;
    while (filled < length) {
      const n = file.readSync(view.subarray(filled));
      if (n === null || n === 0) throw new RangeError(`${path} is shorter than ${length} bytes`);
      filled += n;
    }
    return view;
  }
}
