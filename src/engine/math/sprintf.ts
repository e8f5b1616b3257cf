/**
 * C's `sprintf` as GMAT's `sprintf` function applies it: `%d %i %u %f %F %e %E %g %G %s %c %%` with
 * the `-`, `+`, space, `0` and `#` flags, a width and a precision (`*` is not supported). Numbers
 * round as glibc does (shared with the ReportFile writer's formatters).
 *
 * @module
 */

import { formatE, formatG } from "../../formats/mod.ts";

/** A conversion `sprintf` cannot do with the arguments given. */
export class SprintfError extends Error {
  override readonly name = "SprintfError";
}

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diufFeEgGsc%])/g;

function pad(body: string, width: number, left: boolean, zero: boolean): string {
  if (body.length >= width) return body;
  if (left) return body + " ".repeat(width - body.length);
  if (zero) {
    const sign = /^[-+ ]/.test(body) ? body[0] : "";
    const rest = sign ? body.slice(1) : body;
    return sign + "0".repeat(width - body.length) + rest;
  }
  return " ".repeat(width - body.length) + body;
}

function signed(text: string, x: number, plus: boolean, space: boolean): string {
  if (x < 0 || Object.is(x, -0) || text.startsWith("-")) return text;
  return (plus ? "+" : space ? " " : "") + text;
}

/**
 * Format `args` with a C format string.
 *
 * @throws {SprintfError} For too few arguments or a number where a string is wanted (and back).
 */
export function sprintf(format: string, args: readonly (number | string)[]): string {
  let k = 0;
  return format.replace(SPEC, (_all, flags: string, w?: string, p?: string, conv?: string) => {
    if (conv === "%") return "%";
    if (k >= args.length) {
      throw new SprintfError(
        `sprintf: the format needs more arguments than the ${args.length} given`,
      );
    }
    const arg = args[k++];
    const left = flags.includes("-");
    const zero = flags.includes("0") && !left;
    const plus = flags.includes("+");
    const space = flags.includes(" ");
    const width = w ? Number(w) : 0;
    const prec = p === undefined ? undefined : Number(p);
    if (conv === "s" || conv === "c") {
      const text = typeof arg === "string" ? arg : formatG(arg, 16);
      const body = conv === "c"
        ? text.slice(0, 1)
        : prec === undefined
        ? text
        : text.slice(0, prec);
      return pad(body, width, left, false);
    }
    if (typeof arg !== "number") {
      throw new SprintfError(`sprintf: %${conv} needs a number, got the string '${arg}'`);
    }
    let body: string;
    switch (conv) {
      case "d":
      case "i":
      case "u":
        body = signed(String(Math.trunc(arg)), arg, plus, space);
        break;
      case "f":
      case "F":
        body = Number.isFinite(arg) ? arg.toFixed(prec ?? 6) : String(arg).toLowerCase();
        if (flags.includes("#") && !body.includes(".")) body += ".";
        body = signed(body, arg, plus, space);
        break;
      case "e":
      case "E":
        body = formatE(arg, prec ?? 6, { plus, space });
        if (conv === "E") body = body.toUpperCase();
        break;
      default: {
        body = signed(
          formatG(arg, prec ?? 6, { showPoint: flags.includes("#") }),
          arg,
          plus,
          space,
        );
        if (conv === "G") body = body.toUpperCase();
      }
    }
    return pad(body, width, left, zero);
  });
}
