/**
 * The Array resource (`Create Array A[3,1]`): a matrix of reals, zero at creation, set whole or
 * element by element before the mission (`A(1, 1) = 5`) or by mission assignments.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { Matrix } from "../math/matrix.ts";
import { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** The most elements one Array may hold (8 MB of reals): a script cannot exhaust memory. */
export const MAX_ARRAY_ELEMENTS = 1_000_000;

/** An Array resource. */
export class ArrayResource extends Resource {
  readonly typeName = "Array";
  /** The current value. */
  value: Matrix;

  constructor(
    name: string,
    pos: SourcePos,
    diag: ConstructorParameters<typeof Resource>[2],
    dims: readonly number[] | undefined,
  ) {
    super(name, pos, diag);
    if (!dims || dims.some((d) => !(Number.isInteger(d) && d >= 1))) {
      diag.fail("SCRIPT_BAD_VALUE", pos, `Array ${name} needs its dimensions`, {
        construct: "Create Array",
        hint: `write 'Create Array ${name}[rows, columns]', e.g. ${name}[3, 1]`,
      });
    }
    const rows = dims[0], cols = dims[1] ?? 1;
    if (rows * cols > MAX_ARRAY_ELEMENTS) {
      diag.fail("SCRIPT_BAD_VALUE", pos, `Array ${name} is ${rows}x${cols}: too large`, {
        construct: "Create Array",
        hint: `the engine holds at most ${MAX_ARRAY_ELEMENTS} elements in one Array; ` +
          `make ${name} smaller`,
      });
    }
    this.value = Matrix.zeros(rows, cols);
  }

  knownFields(): readonly string[] {
    return [];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length > 0) return this.otherField(path, pos);
    const value = v.value;
    if (value.kind !== "array") {
      v.diag.fail("SCRIPT_BAD_VALUE", value.pos, `${this.name} expects a matrix such as [1 2 3]`, {
        construct: "Array",
        hint: `write ${this.name} = [..] with ${this.value.shape} elements, or set elements`,
      });
    }
    const rows = value.rows.map((r) => r.map((x) => new FieldValue(v.diag, v.field, x).number()));
    if (rows.length !== this.value.rows || rows.some((r) => r.length !== this.value.cols)) {
      v.diag.fail("SCRIPT_BAD_VALUE", value.pos, `${this.name} is ${this.value.shape}`, {
        construct: "Array",
        hint: `give ${this.value.rows} rows of ${this.value.cols} numbers`,
      });
    }
    this.value = new Matrix(this.value.rows, this.value.cols, Float64Array.from(rows.flat()));
    this.mark([], pos);
  }

  /** Set element (i, j), 1-based, as `A(i, j) = x`. */
  setElement(i: number, j: number, x: number, pos: SourcePos): void {
    if (
      !Number.isInteger(i) || !Number.isInteger(j) || i < 1 || j < 1 || i > this.value.rows ||
      j > this.value.cols
    ) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        pos,
        `${this.name}(${i}, ${j}) is outside ${this.value.shape}`,
        {
          construct: "Array element",
          hint: `indices run 1..${this.value.rows} and 1..${this.value.cols}`,
        },
      );
    }
    this.value.data[(i - 1) * this.value.cols + (j - 1)] = x;
  }
}
