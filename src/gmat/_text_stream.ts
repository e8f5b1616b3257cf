/**
 * Reading a child's byte stream as UTF-8 text chunks to its end (or until cancelled), the one
 * loop the console's prompt reader and the output drain share: each hands every decoded chunk
 * to its own line logic, and is told once when the stream is over.
 *
 * @module
 */

/** A stream being read. */
export interface TextStreamReader {
  /** Resolves when the stream ended or was cancelled, after `onEnd` ran. */
  readonly done: Promise<void>;
  /** Stop reading (a broken pipe or a leftover process holding it open). */
  cancel(): void;
}

/**
 * Read a byte stream as text.
 *
 * @param stream The stream (stdout or stderr of a child).
 * @param onText Called with each decoded chunk, in order.
 * @param onEnd Called once at the end, after the last chunk.
 * @returns The reader.
 */
export function readTextStream(
  stream: ReadableStream<Uint8Array>,
  onText: (text: string) => void,
  onEnd: () => void,
): TextStreamReader {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        onText(decoder.decode(value, { stream: true }));
      }
    } catch {
      // cancelled or broken pipe: keep what was read
    } finally {
      reader.releaseLock();
    }
    onText(decoder.decode());
    onEnd();
  })();
  return { done, cancel: () => void reader.cancel().catch(() => {}) };
}
