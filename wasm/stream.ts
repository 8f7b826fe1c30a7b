/**
 * Stream mode (word2vec.c's schedule), as src/core/streamKernel.ts: skip-gram makes one SGD step
 * per (centre, context) pair, CBOW one per window; the generator is called in the same order as
 * there (radius, then each pair's K noise draws). Plus the explicit example of the derivation
 * panels (`Kernel.exampleStep`) and the minibatch window gradient (`Kernel.windowGradient`).
 */
import {
  gradCentreShift,
  gradOutShift,
  hPtr,
  isCbow,
  isPipelined,
  loss,
  neuPtr,
  rowBytes,
  zeroPtr,
} from './layout';
import {
  addTarget,
  centreRow,
  decayedAlpha,
  drawTargets,
  firstTarget,
  LOSS_NS,
  meanOfRows,
  pairRows,
  scorePair,
  spreadToContext,
} from './pairs';
import { pairCount, skipgramNsSpan } from './pipelined';
import { nextInt } from './rng';
import { axpy } from './rows';
import { updateRows, updateRowsInto } from './updates';

/** The io block's slots (kernelState.ts: IO_…). */
const ALPHA0 = 0;
const INV_DENOM = 8;
const T_BASE = 16;
const WINDOW = 24;
const NEGATIVES = 32;
const LOSS = 40;
const PAIRS = 48;

function at(ids: usize, q: i32): i32 {
  return load<i32>(ids + ((<usize>q) << 2));
}

/** Adds the losses and pair count of a call to io. */
function report(io: usize, J: f64, pairs: i32): void {
  store<f64>(io, load<f64>(io, LOSS) + J, LOSS);
  store<f64>(io, load<f64>(io, PAIRS) + <f64>pairs, PAIRS);
}

/** One SGD step of a pair whose NS targets (n) are drawn: scores, then the rows in place. */
function stepPair(h: usize, target: i32, n: i32, alpha: f64, src: usize, dst: usize): f64 {
  const J = scorePair(h, target, n, alpha);
  updateRows(h, pairRows(target, n), src, dst, neuPtr);
  return J;
}

/**
 * Skip-gram: for centre c at p and each o within the drawn radius, in turn,
 *   J(v_c, o) and its output step;  v_c += e        (SGD one pair at a time)
 */
function skipgramSpan(sen: usize, senT: usize, len: i32, from: i32, to: i32, io: usize): void {
  const alpha0 = load<f64>(io, ALPHA0);
  const window = <i32>load<f64>(io, WINDOW);
  const K = <i32>load<f64>(io, NEGATIVES);
  if (loss == LOSS_NS && isPipelined) {
    const invDenom = load<f64>(io, INV_DENOM);
    const J = skipgramNsSpan(
      sen,
      senT,
      len,
      from,
      to,
      alpha0,
      invDenom,
      load<f64>(io, T_BASE),
      window,
      K,
    );
    report(io, J, pairCount);
    return;
  }
  let J: f64 = 0;
  let pairs = 0;
  for (let p = from; p < to; p++) {
    const t = load<f64>(io, T_BASE) + <f64>at(senT, p);
    const alpha = decayedAlpha(alpha0, t, load<f64>(io, INV_DENOM));
    const radius = window - nextInt(window);
    const c = centreRow(at(sen, p));
    const lo = max(0, p - radius);
    const hi = min(len, p + radius + 1);
    for (let q = lo; q < hi; q++) {
      if (q == p) continue;
      const o = at(sen, q);
      const n = loss == LOSS_NS ? drawTargets(o, K) : 1;
      J += stepPair(c, o, n, alpha, c, c);
      pairs++;
    }
  }
  report(io, J, pairs);
}

/**
 * CBOW: for centre c at p with context C within the drawn radius,
 *   h = (1/|C|) Σ_{w∈C} v_w;  J(h, c) and its output step;  v_w += e/|C| or e for w in C
 */
function cbowSpan(sen: usize, senT: usize, len: i32, from: i32, to: i32, io: usize): void {
  const alpha0 = load<f64>(io, ALPHA0);
  const window = <i32>load<f64>(io, WINDOW);
  const K = <i32>load<f64>(io, NEGATIVES);
  let J: f64 = 0;
  let pairs = 0;
  for (let p = from; p < to; p++) {
    const t = load<f64>(io, T_BASE) + <f64>at(senT, p);
    const alpha = decayedAlpha(alpha0, t, load<f64>(io, INV_DENOM));
    const radius = window - nextInt(window);
    const lo = max(0, p - radius);
    const hi = min(len, p + radius + 1);
    if (hi - lo <= 1) continue;
    meanOfRows(sen, lo, hi, p);
    const c = at(sen, p);
    const n = loss == LOSS_NS ? drawTargets(c, K) : 1;
    // e lands in neu1e (chained from the zero row), then goes to the context rows.
    J += stepPair(hPtr, c, n, alpha, zeroPtr, neuPtr);
    spreadToContext(sen, lo, hi, p, 0);
    pairs++;
  }
  report(io, J, pairs);
}

/** Stream mode over the centres sen[from … to) of a sub-sampled sentence of len tokens. */
export function streamSpan(sen: usize, senT: usize, len: i32, from: i32, to: i32, io: usize): void {
  if (isCbow) cbowSpan(sen, senT, len, from, to, io);
  else skipgramSpan(sen, senT, len, from, to, io);
}

/** NS targets from explicit negatives negs[from … from + K); entries < 0 are skipped draws. */
function explicitTargets(target: i32, negs: usize, from: i32, K: i32): i32 {
  let n = firstTarget(target);
  for (let k = from; k < from + K; k++) if (at(negs, k) >= 0) n = addTarget(n, at(negs, k));
  return n;
}

/**
 * One explicit example at the constant rate α = io[ALPHA0] (`Kernel.exampleStep`): skip-gram
 * steps (v_c, o_i) for each o_i = ctx[i] in turn with negatives negs[negFrom + i·K …]; CBOW one
 * step of h = mean of the context rows towards the centre.
 */
export function exampleStep(
  center: i32,
  ctx: usize,
  ctxFrom: i32,
  ctxTo: i32,
  negs: usize,
  negFrom: i32,
  io: usize,
): void {
  const alpha = load<f64>(io, ALPHA0);
  const K = <i32>load<f64>(io, NEGATIVES);
  if (isCbow) {
    if (ctxTo <= ctxFrom) return;
    meanOfRows(ctx, ctxFrom, ctxTo, -1);
    const n = loss == LOSS_NS ? explicitTargets(center, negs, negFrom, K) : 1;
    const J = stepPair(hPtr, center, n, alpha, zeroPtr, neuPtr);
    spreadToContext(ctx, ctxFrom, ctxTo, -1, 0);
    report(io, J, 1);
    return;
  }
  const c = centreRow(center);
  let J: f64 = 0;
  for (let j = ctxFrom; j < ctxTo; j++) {
    const target = at(ctx, j);
    const n = loss == LOSS_NS ? explicitTargets(target, negs, negFrom + (j - ctxFrom) * K, K) : 1;
    J += stepPair(c, target, n, alpha, c, c);
  }
  report(io, J, ctxTo - ctxFrom);
}

/** A minibatch pair: its output step into the accumulators, neu1e += e. */
function gradientPair(h: usize, target: i32, negs: usize, negFrom: i32, K: i32, scale: f64): f64 {
  let n = 1;
  if (loss == LOSS_NS) {
    n = firstTarget(target);
    for (let k = 0; k < K; k++) n = addTarget(n, at(negs, negFrom + k));
  }
  const J = scorePair(h, target, n, scale);
  updateRowsInto(h, pairRows(target, n), neuPtr, gradOutShift);
  return J;
}

/**
 * Minibatch (CS224n): adds −scale · ∇J of one window to the accumulators, every pair at the same
 * weights (scale = io[ALPHA0] = 1/B). Skip-gram: one pair per context word; CBOW: one.
 */
export function windowGradient(
  center: i32,
  ctx: usize,
  ctxFrom: i32,
  ctxTo: i32,
  negs: usize,
  negFrom: i32,
  io: usize,
): void {
  const scale = load<f64>(io, ALPHA0);
  const K = <i32>load<f64>(io, NEGATIVES);
  if (isCbow) {
    meanOfRows(ctx, ctxFrom, ctxTo, -1);
    memory.fill(neuPtr, 0, rowBytes);
    const J = gradientPair(hPtr, center, negs, negFrom, K, scale);
    spreadToContext(ctx, ctxFrom, ctxTo, -1, gradCentreShift);
    report(io, J, 1);
    return;
  }
  const c = centreRow(center);
  memory.fill(neuPtr, 0, rowBytes);
  let J: f64 = 0;
  for (let j = ctxFrom; j < ctxTo; j++)
    J += gradientPair(c, at(ctx, j), negs, negFrom + (j - ctxFrom) * K, K, scale);
  axpy(1, neuPtr, gradCentreShift + c, true);
  report(io, J, ctxTo - ctxFrom);
}
