/**
 * Framing of the driver <-> worker protocol: one JSON message per line, each line starting with a
 * marker so that anything else a worker happens to print (a stray log line) is never mistaken for
 * a message.
 *
 * @module
 */

/** Prefix of every protocol line. */
export const MESSAGE_MARKER = "\u0001gmat-sweep ";

/** Encode one message as a protocol line. */
export function encodeMessage(message: unknown): string {
  return MESSAGE_MARKER + JSON.stringify(message) + "\n";
}

/** Split a byte stream into text lines (the last partial line is dropped at EOF only if empty). */
export async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      yield buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
    }
  }
  buffer += decoder.decode();
  if (buffer !== "") yield buffer;
}

/** The JSON payload of a protocol line, or undefined for any other line. */
export function decodeMessage(line: string): unknown {
  if (!line.startsWith(MESSAGE_MARKER)) return undefined;
  return JSON.parse(line.slice(MESSAGE_MARKER.length));
}
