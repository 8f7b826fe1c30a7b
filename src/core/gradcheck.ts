/**
 * Central finite-difference gradient check (MATH.md §8), the CS224n `gradcheck_naive` in float64.
 */

/** A scalar objective with its analytic gradient, as the losses of the teaching API return. */
export type Objective = (x: Float64Array) => { loss: number; grad: ArrayLike<number> };

/** Settings of {@link gradcheck}. */
export interface GradcheckOptions {
  /** Step h of the central difference; default 1e-4. */
  h?: number;
  /** `passed` requires maxRelError below this; default 1e-5 (CS224n). */
  threshold?: number;
  /**
   * Called before every evaluation of f. Use it to restore an RNG state when f samples (e.g.
   * negatives), so that every evaluation sees the same draws, as CS224n's check does.
   */
  reset?: () => void;
}

/** Outcome of {@link gradcheck}. */
export interface GradcheckResult {
  /** max_i |g̃_i − g_i| / max(1, |g̃_i|, |g_i|); NaN when any entry is NaN. */
  maxRelError: number;
  /** The index where the error is largest (the first NaN if any); −1 for an empty x. */
  worstIndex: number;
  /** g̃, the central differences, same length as x. */
  numeric: Float64Array;
  /** g, a copy of f's gradient at x, same length as x. */
  analytic: Float64Array;
  /** maxRelError < threshold (false whenever a NaN appeared). */
  passed: boolean;
}

/**
 * Compares f's analytic gradient at x with central differences:
 *
 *   g̃_i = (J(x + h e_i) − J(x − h e_i)) / 2h,   error_i = |g̃_i − g_i| / max(1, |g̃_i|, |g_i|)
 *
 * x is perturbed IN PLACE one entry at a time and each entry is put back to its saved value, so x
 * is bit-for-bit unchanged on return (even if f throws). Costs 2n + 1 evaluations of f.
 *
 * @param f - x → { loss, grad } with grad of the same length as x
 * @param x - the point, length n
 * @param options - h (1e-4), threshold (1e-5), reset hook
 */
export function gradcheck(
  f: Objective,
  x: Float64Array,
  options: GradcheckOptions = {},
): GradcheckResult {
  const { h = 1e-4, threshold = 1e-5, reset } = options;
  reset?.();
  const analytic = Float64Array.from(f(x).grad);
  if (analytic.length !== x.length) {
    throw new RangeError(`gradient has length ${analytic.length}, x has ${x.length}`);
  }
  const numeric = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const saved = x[i]!;
    try {
      numeric[i] =
        (lossAt(f, x, i, saved + h, reset) - lossAt(f, x, i, saved - h, reset)) / (2 * h);
    } finally {
      x[i] = saved;
    }
  }
  const { maxRelError, worstIndex } = worstRelativeError(numeric, analytic);
  return { maxRelError, worstIndex, numeric, analytic, passed: maxRelError < threshold };
}

/** J with x_i set to `value` (the caller restores x_i). */
function lossAt(f: Objective, x: Float64Array, i: number, value: number, reset?: () => void) {
  x[i] = value;
  reset?.();
  return f(x).loss;
}

/** Largest relative error and its index; a NaN error wins and is reported as NaN. */
function worstRelativeError(numeric: Float64Array, analytic: Float64Array) {
  let maxRelError = 0;
  let worstIndex = numeric.length > 0 ? 0 : -1;
  for (let i = 0; i < numeric.length; i++) {
    const a = numeric[i]!;
    const b = analytic[i]!;
    const err = Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
    if (Number.isNaN(err)) return { maxRelError: NaN, worstIndex: i };
    if (err > maxRelError) {
      maxRelError = err;
      worstIndex = i;
    }
  }
  return { maxRelError, worstIndex };
}
