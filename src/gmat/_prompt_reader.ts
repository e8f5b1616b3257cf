/**
 * Reading an interactive GmatConsole's standard output: complete lines go to a callback as they
 * come, and the prompt, which GmatConsole prints without a newline, is recognised at the end of
 * the pending text and signalled on its own.
 *
 * @module
 */

import { CONSOLE_PROMPT } from "./console_protocol.ts";
import { readTextStream, type TextStreamReader } from "./_text_stream.ts";

/** What the reader reports. */
export interface PromptReaderEvents {
  /** A complete line of output (without its ending). */
  readonly line: (line: string) => void;
  /** The prompt was printed: the console waits for the next script. */
  readonly prompt: () => void;
}

/** A running reader: `done` resolves when the console exited or the reader was cancelled. */
export type PromptReader = TextStreamReader;

/** Longest pending partial line kept (a runaway line without a newline must not grow forever). */
const MAX_PARTIAL = 1 << 16;

/**
 * Read a console's stdout until it ends.
 *
 * @param stream GmatConsole's standard output.
 * @param events Line and prompt callbacks.
 * @returns The reader.
 */
export function readConsoleOutput(
  stream: ReadableStream<Uint8Array>,
  events: PromptReaderEvents,
): PromptReader {
  let partial = "";
  const take = (text: string) => {
    const parts = (partial + text).split(/\r?\n/);
    partial = parts.pop() ?? "";
    for (const line of parts) events.line(line);
    if (partial.endsWith(CONSOLE_PROMPT)) {
      const before = partial.slice(0, -CONSOLE_PROMPT.length);
      partial = "";
      if (before !== "") events.line(before);
      events.prompt();
    } else if (partial.length > MAX_PARTIAL) {
      partial = partial.slice(-MAX_PARTIAL);
    }
  };
  return readTextStream(stream, take, () => {
    if (partial !== "") events.line(partial);
  });
}
