/**
 * Reading a child's output stream to the end while keeping only a bounded tail and handing each
 * complete line to a callback (so evidence lines are caught however long the output is).
 *
 * @module
 */

import { readTextStream } from "./_text_stream.ts";

/** A stream being drained. */
export interface DrainedStream {
  /** Resolves with the last `maxChars` characters once the stream ends or is cancelled. */
  readonly done: Promise<string>;
  /** Stop reading (e.g. when a leftover process keeps the pipe open). */
  cancel(): void;
}

/**
 * Drain a byte stream as UTF-8 text.
 *
 * @param stream The stream (stdout or stderr of a child).
 * @param maxChars How many trailing characters to keep.
 * @param onLine Called with every complete line (without its line ending), and the last partial one.
 * @returns The drain handle.
 */
export function drainStream(
  stream: ReadableStream<Uint8Array>,
  maxChars: number,
  onLine: (line: string) => void = () => {},
): DrainedStream {
  let tail = "";
  let partial = "";
  const take = (text: string) => {
    tail = (tail + text).slice(-maxChars);
    const parts = (partial + text).split(/\r?\n/);
    partial = parts.pop() ?? "";
    for (const line of parts) onLine(line);
    // A runaway line without a newline must not grow without bound either.
    if (partial.length > maxChars) partial = partial.slice(-maxChars);
  };
  const reader = readTextStream(stream, take, () => {
    if (partial !== "") onLine(partial);
  });
  return { done: reader.done.then(() => tail), cancel: reader.cancel };
}
