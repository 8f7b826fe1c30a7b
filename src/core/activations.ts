/**
 * Scalar and vector activations of the teaching API, in float64 (MATH.md §1–§2).
 *
 * Every function here is stable for large |x|: nothing overflows to Infinity or turns into NaN
 * because an intermediate `exp` blew up. A NaN input, however, always comes out as NaN so that a
 * diverging run is seen rather than hidden.
 */

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^{−x}).
 *
 * Stable: for x < 0 it evaluates e^{x} / (1 + e^{x}) so that `exp` never overflows. σ(±700) is
 * 1 and ≈ e^{−700}; below about −745 the result underflows to 0. NaN → NaN.
 *
 * @param x - any number
 * @returns σ(x) in [0, 1]
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  // x < 0 or NaN: e^{x} ≤ 1, so neither exp nor the division can overflow.
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * log σ(x), the quantity both sigmoid losses are made of (MATH.md §2–§3).
 *
 * log σ(x) = −log1p(e^{−x}) for x ≥ 0 and x − log1p(e^{x}) for x < 0. Finite for every finite x
 * (log σ(−700) = −700, log σ(700) ≈ −e^{−700}); its derivative is 1 − σ(x). NaN → NaN.
 *
 * @param x - any number
 * @returns log σ(x) ≤ 0
 */
export function logSigmoid(x: number): number {
  if (x >= 0) return -Math.log1p(Math.exp(-x));
  return x - Math.log1p(Math.exp(x));
}

/**
 * log Σ_i e^{x_i}, computed as m + log Σ_i e^{x_i − m} with m = max_i x_i, so scores of ±700 (or
 * ±1e300) neither overflow nor underflow to log 0.
 *
 * Empty input gives −Infinity (the log of an empty sum); all entries −Infinity give −Infinity; any
 * +Infinity gives +Infinity; any NaN gives NaN.
 *
 * @param x - the scores, length n
 */
export function logSumExp(x: ArrayLike<number>): number {
  const m = maxOf(x);
  if (m === Infinity || m === -Infinity) return hasNaN(x) ? NaN : m;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.exp(x[i]! - m);
  // A NaN entry makes `sum` NaN, so it propagates to the result.
  return m + Math.log(sum);
}

/**
 * softmax, in place: x_i ← e^{x_i − m} / Σ_j e^{x_j − m} with m = max_j x_j (MATH.md §1).
 *
 * Subtracting the maximum changes nothing mathematically and keeps every exponent ≤ 0, so the
 * largest term is exactly 1 and the sum lies in [1, n]. The result is strictly positive up to
 * underflow and sums to 1. Any NaN entry turns the whole vector into NaN. An entry of +Infinity,
 * or all entries −Infinity, is not a score vector softmax can handle (∞ − ∞) and gives NaN too.
 *
 * @param x - the scores, length n; overwritten by the probabilities
 * @returns x itself
 */
export function softmaxInPlace(x: Float64Array): Float64Array {
  if (x.length === 0) return x;
  const m = maxOf(x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const e = Math.exp(x[i]! - m);
    x[i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = 0; i < x.length; i++) x[i]! *= inv;
  return x;
}

/**
 * softmax into a new array: ŷ_i = e^{x_i} / Σ_j e^{x_j}, computed as in {@link softmaxInPlace}.
 *
 * @param x - the scores, length n (left unchanged)
 * @returns a new Float64Array of length n that sums to 1
 */
export function softmax(x: ArrayLike<number>): Float64Array {
  return softmaxInPlace(Float64Array.from(x));
}

/**
 * Leaky ReLU f(x) = max(αx, x) for 0 ≤ α < 1 (the handout's question, MATH.md §2), written as
 * f(x) = x for x > 0 and αx otherwise, which is the same thing for those α. NaN → NaN.
 *
 * @param x - any number
 * @param alpha - the slope α for negative inputs, usually small (0.01)
 */
export function leakyRelu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * x;
}

/**
 * Derivative of {@link leakyRelu}: f'(x) = 1 for x > 0 and α for x < 0.
 *
 * At x = 0 the function has a kink and no derivative; like most frameworks this returns α there
 * (a valid subgradient). NaN → NaN rather than a silent α.
 *
 * @param x - any number
 * @param alpha - the slope α for negative inputs
 */
export function leakyReluGrad(x: number, alpha: number): number {
  if (x > 0) return 1;
  return x <= 0 ? alpha : NaN;
}

/** Largest entry, skipping NaN (callers let NaN propagate through the arithmetic); −∞ if empty. */
function maxOf(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > m) m = x[i]!;
  return m;
}

function hasNaN(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) return true;
  return false;
}
