/**
 * The Jupyter display protocol of the Deno kernel: an object with a method under
 * `Symbol.for("Jupyter.display")` returning a MIME bundle (or a promise of one) is shown by its
 * richest MIME type. {@link attachDisplay} adds such a method to an object it does not own (an
 * apache-arrow Table, a manifest record) without changing its enumerable shape.
 *
 * @module
 */

/** The key the Deno kernel looks for. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** MIME type to content, e.g. `text/html` to a string. */
export type MimeBundle = Record<string, unknown>;

/** Something the Deno kernel can display. */
export interface Displayable {
  /** Returns the MIME bundle the kernel shows (it picks the richest type it supports). */
  [JUPYTER_DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

/**
 * Give `target` a (non-enumerable) display method and return it.
 *
 * @param target The object.
 * @param bundle Builds the bundle when the kernel displays it.
 */
export function attachDisplay<T extends object>(
  target: T,
  bundle: () => MimeBundle | Promise<MimeBundle>,
): T & Displayable {
  Object.defineProperty(target, JUPYTER_DISPLAY, {
    value: bundle,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return target as T & Displayable;
}
