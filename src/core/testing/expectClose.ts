/**
 * Shared numeric assertions for the core tests (test-only code: nothing in the engine imports it).
 *
 * They throw a plain `Error` instead of calling Vitest's `expect`, so this file stays inside the
 * core's import rules; a thrown error fails the test that called it just the same.
 */

/**
 * True when `actual` is within eps of `expected`, using |a − e| ≤ eps · max(1, |e|): an absolute
 * tolerance near 0 and a relative one for large values. NaN matches only NaN and an infinity only
 * the same infinity, so a NaN can never slip through as "close".
 */
export function isClose(actual: number, expected: number, eps: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  return Math.abs(actual - expected) <= eps * Math.max(1, Math.abs(expected));
}

/**
 * Asserts that two scalars are close in the sense of {@link isClose}.
 *
 * @param what - a label for the failure message
 */
export function expectClose(actual: number, expected: number, eps = 1e-12, what = 'value'): void {
  if (!isClose(actual, expected, eps)) {
    throw new Error(`${what}: expected ${expected}, got ${actual} (eps ${eps})`);
  }
}

/**
 * Asserts equal lengths and every entry close in the sense of {@link isClose}. The message names
 * the first offending index and how many entries differ.
 *
 * @param actual - computed values
 * @param expected - reference values, same length
 * @param eps - tolerance (absolute below 1, relative above)
 */
export function expectArraysClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  eps = 1e-12,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`length: expected ${expected.length}, got ${actual.length}`);
  }
  let first = -1;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (isClose(actual[i]!, expected[i]!, eps)) continue;
    if (first < 0) first = i;
    count++;
  }
  if (first >= 0) {
    throw new Error(
      `arrays differ at ${count} of ${actual.length} entries; first at [${first}]: ` +
        `expected ${expected[first]}, got ${actual[first]} (eps ${eps})`,
    );
  }
}
