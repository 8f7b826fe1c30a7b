/**
 * σ(x) and log σ(x) exactly as src/core/sigmoidTable.ts computes them: linear interpolation in
 * the same table (copied into linear memory by the JavaScript side, so the numbers are the same
 * bits) inside (−16, 16), the stable exact formulas outside. exp, log and log1p are imported
 * from JavaScript's Math, so they round as the TypeScript kernel's do.
 */
import { sigmoidPtr } from './layout';

declare function exp(x: f64): f64;
declare function log(x: f64): f64;
declare function log1p(x: f64): f64;

export function jsExp(x: f64): f64 {
  return exp(x);
}

export function jsLog(x: f64): f64 {
  return log(x);
}

/** σ of the last `logSigmoid` call (a second return value). */
export let sigma: f64 = 0;

/** Returns log σ(x) and leaves σ(x) in `sigma`. NaN gives NaN in both. */
export function logSigmoid(x: f64): f64 {
  if (!(x > -16.0 && x < 16.0)) {
    if (x >= 0) {
      sigma = 1.0 / (1.0 + exp(-x));
      return -log1p(exp(-x));
    }
    const e = exp(x);
    sigma = e / (1.0 + e);
    return x - log1p(exp(x));
  }
  return logSigmoidInTable(x);
}

/**
 * `logSigmoid` for −16 < x < 16 only: small enough to be inlined, so a hot loop that checks the
 * range itself saves the call (minibatch.ts).
 */
export function logSigmoidInTable(x: f64): f64 {
  const t = (x + 16.0) * 256.0;
  const k = <i32>t;
  const frac = t - <f64>k;
  // Entries k and k + 1, each (σ, log σ): 16 bytes apart.
  const p = sigmoidPtr + ((<usize>k) << 4);
  const s0 = load<f64>(p);
  const l0 = load<f64>(p, 8);
  sigma = s0 + frac * (load<f64>(p, 16) - s0);
  return l0 + frac * (load<f64>(p, 24) - l0);
}
