/**
 * Tests that need a component the machine may lack (python3, the ../shared reference tree).
 *
 * Locally such a test is skipped with a visible "ignored" mark; in CI (CI=true) it is never
 * skipped: it runs and fails loudly, naming what is missing, because .ci/run must install it.
 *
 * @module
 */

/** Whether we run in CI. */
export const IN_CI: boolean = Deno.env.get("CI") === "true";

/**
 * The `ignore` flag for a test needing a component: skip locally when it is missing, never in CI.
 *
 * @param available Whether the component is present.
 */
export function ignoreUnless(available: boolean): boolean {
  return !available && !IN_CI;
}

/** Throw a clear error when a required component is missing (reached only in CI). */
export function requireComponent(available: boolean, what: string): void {
  if (!available) {
    throw new Error(`required test component missing: ${what} (CI must install it in .ci/run)`);
  }
}
