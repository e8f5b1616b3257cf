/**
 * Reading literal script values as the types GMAT fields expect, with errors that name the field.
 *
 * @module
 */

import type { ScriptValue } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";

/** A value as written, shortened for messages. */
function show(v: ScriptValue): string {
  const text = showFull(v);
  return text.length > 80 ? `${text.slice(0, 60)}... (${text.length} characters)` : text;
}

function showFull(v: ScriptValue): string {
  switch (v.kind) {
    case "number":
      return v.text;
    case "string":
      return `'${v.value}'`;
    case "word":
      return v.value;
    case "list":
      return `{${v.items.map(showFull).join(", ")}}`;
    case "array":
      return `[${v.rows.map((r) => r.map(showFull).join(" ")).join("; ")}]`;
    case "empty":
      return "";
    case "expr":
      return v.text;
  }
}

/** Readers for one field's value, bound to diagnostics and the field's display name. */
export class FieldValue {
  constructor(
    readonly diag: Diagnostics,
    /** Display name such as `Prop.Accuracy`. */
    readonly field: string,
    readonly value: ScriptValue,
  ) {}

  #bad(expected: string, hint?: string): never {
    this.diag.fail(
      "SCRIPT_BAD_VALUE",
      this.value.pos,
      `${this.field} expects ${expected}, got ${show(this.value)}`,
      { construct: this.field, hint: hint ?? `set ${this.field} to ${expected}` },
    );
  }

  /** A finite real number. */
  number(): number {
    const v = this.value;
    let x: number | undefined;
    if (v.kind === "number") x = v.value;
    else if (
      (v.kind === "string" || v.kind === "word") &&
      /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.value.trim())
    ) {
      x = Number(v.value);
    }
    if (x === undefined) this.#bad("a number");
    // 1e400 reads as Infinity: no GMAT field takes it (GMAT refuses it as not a real number).
    if (!Number.isFinite(x)) this.#bad("a finite number (within +-1.8e308)");
    return x;
  }

  /** A number within bounds. */
  numberIn(min: number, max: number, inclusiveMin = true): number {
    const x = this.number();
    if (x < min || x > max || (!inclusiveMin && x === min)) {
      this.#bad(
        `a number ${inclusiveMin ? ">=" : ">"} ${min}${max < Infinity ? ` and <= ${max}` : ""}`,
      );
    }
    return x;
  }

  /** An integer. */
  integer(min = -Infinity): number {
    const x = this.number();
    if (!Number.isInteger(x) || x < min) {
      this.#bad(`an integer${min > -Infinity ? ` >= ${min}` : ""}`);
    }
    return x;
  }

  /** `true`/`false` (also `On`/`Off`, as GMAT reads them for booleans). */
  boolean(): boolean {
    const v = this.value;
    const text = v.kind === "word" || v.kind === "string" ? v.value.trim().toLowerCase() : "";
    if (text === "true" || text === "on") return true;
    if (text === "false" || text === "off") return false;
    this.#bad("true or false");
  }

  /** Text, quoted or not. */
  text(): string {
    const v = this.value;
    if (v.kind === "string" || v.kind === "word") return v.value;
    if (v.kind === "number") return v.text;
    this.#bad("a name or a quoted string");
  }

  /** One of a fixed set of words (case-sensitive, as in GMAT). */
  oneOf<T extends string>(allowed: readonly T[], hint?: string): T {
    const v = this.value;
    const text = v.kind === "string" || v.kind === "word" ? v.value.trim() : undefined;
    if (text !== undefined && (allowed as readonly string[]).includes(text)) return text as T;
    this.#bad(`one of ${allowed.join(", ")}`, hint);
  }

  /** A brace list of names (a single word is accepted as a one-item list). */
  names(): string[] {
    const v = this.value;
    if (v.kind === "list") {
      return v.items.map((item) => {
        if (item.kind === "word" || item.kind === "string") return item.value;
        if (item.kind === "number") return item.text;
        this.#bad("a list of names such as {Earth}");
      });
    }
    if (v.kind === "word" || v.kind === "string") return v.value.trim() === "" ? [] : [v.value];
    this.#bad("a list of names such as {Earth}");
  }
}
