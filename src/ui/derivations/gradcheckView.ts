/**
 * What the gradient check panel shows, as pure functions of the check: the verdict in words, the
 * first entries of every checked row, and the plot's domain.
 */
import type { BreakMode, CheckedRow, ExampleGradcheck } from '../../core/index';

/** The deliberate slips, in plain words (see gradcheckExample.ts). */
export const BREAK_MODES: readonly { id: BreakMode; label: string; explain: string }[] = [
  { id: 'none', label: 'none', explain: 'The analytic gradient is the correct one.' },
  {
    id: 'dropSign',
    label: 'drop a sign',
    explain:
      'The true word’s term gets the wrong sign: negative sampling uses 1 − σ(u_o·h) where σ(u_o·h) − 1 belongs, the naive softmax 1 − ŷ_o where ŷ_o − 1 belongs, and hierarchical softmax climbs the loss instead of descending it.',
  },
  {
    id: 'dropFactor',
    label: 'drop a factor',
    explain:
      'A factor goes missing. CBOW with several context words leaves the 1/|C| of the average out of each context row’s gradient; otherwise the sigmoid is left out, so the raw score f stands where σ(f) belongs (for the naive softmax, exp(f_w) is not divided by the sum).',
  },
];

/** Entries shown per checked row in the table. */
export const ENTRIES_PER_ROW = 3;

/** One line of the table. */
export interface GradcheckLine {
  key: string;
  matrix: string;
  row: string;
  /** The entry's index i within the row (0-based). */
  entry: number;
  analytic: number;
  numeric: number;
  relError: number;
}

const MATRIX_NAMES: Record<CheckedRow['matrix'], string> = {
  center: 'v (centre)',
  outside: 'u (outside)',
  node: 'θ (node)',
};

/** d: the entries per checked row. */
export function rowLength(check: ExampleGradcheck): number {
  return check.rows.length > 0 ? check.analytic.length / check.rows.length : 0;
}

/** The first `perRow` entries of every checked row, with the row's word (or node number). */
export function gradcheckLines(
  check: ExampleGradcheck,
  words: readonly string[],
  perRow = ENTRIES_PER_ROW,
): GradcheckLine[] {
  const count = Math.min(perRow, rowLength(check));
  return check.rows.flatMap((r) =>
    Array.from({ length: count }, (_, entry) => {
      const i = r.offset + entry;
      return {
        key: `${r.matrix}-${r.row}-${entry}`,
        matrix: MATRIX_NAMES[r.matrix],
        row: r.matrix === 'node' ? `node ${r.row}` : (words[r.row] ?? `#${r.row}`),
        entry,
        analytic: check.analytic[i]!,
        numeric: check.numeric[i]!,
        relError: check.relErrors[i]!,
      };
    }),
  );
}

/** A small or large number in short scientific notation, else 3 significant digits. */
export function formatError(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  // "1e-5" rather than "1.0e-5".
  return a < 1e-3 || a >= 1e4 ? x.toExponential(1).replace('.0e', 'e') : x.toPrecision(3);
}

/** "Passed: …" or "Failed: …", with the numbers, so the verdict never rests on colour. */
export function verdictText(check: ExampleGradcheck): string {
  const error = formatError(check.maxRelError);
  const threshold = formatError(check.threshold);
  return check.passed
    ? `Passed: the largest relative error, ${error}, is below the threshold ${threshold}.`
    : `Failed: the largest relative error, ${error}, is not below the threshold ${threshold}.`;
}

/** A square domain holding every analytic and numeric value (a little padded; never empty). */
export function plotDomain(check: ExampleGradcheck): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [check.analytic, check.numeric]) {
    for (const x of values) {
      if (!Number.isFinite(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}
