/**
 * One (input vector h, target word) pair traced in float64 for the panels (MATH.md §1, §3, §6):
 * the scores f_j = row_j·h of every output row the pair touches, the loss, and the coefficients
 * ∂J/∂f_j from which every gradient follows:
 *
 *   ∂J/∂h = Σ_j (∂J/∂f_j) row_j,   ∂J/∂row_j = (∂J/∂f_j) h   (summed over repeats of a row).
 */
import { logSigmoid, logSumExp, sigmoid } from '../activations';
import type { HuffmanTree, LossId } from '../types';

/** A length-d row, read only (often a view into a weight matrix). */
export type Row = Float32Array | Float64Array;

/** Row r of the output matrix (u_r or θ_r), read only. */
export type RowOf = (r: number) => Row;

/** Negative sampling: term 0 is the true word o, terms 1…K the negatives w_s. */
export interface NsScoring {
  readonly kind: 'ns';
  /** w_1 … w_K as scored (skipped draws left out). */
  readonly negatives: Int32Array;
  /** [u_o·h, u_{w_1}·h, …, u_{w_K}·h]. */
  readonly scores: Float64Array;
  /** σ of each score: σ(u_o·h) (want → 1) and σ(u_{w_s}·h) (want → 0). */
  readonly sigmas: Float64Array;
  /** The reused quantity σ(U_{o,W}ᵀh) − 1 = [σ(u_o·h) − 1, σ(−u_{w_s}·h) − 1 …]. */
  readonly shared: Float64Array;
}

/** Hierarchical softmax along the target's Huffman path, root first. */
export interface HsScoring {
  readonly kind: 'hs';
  /** Inner nodes n(w,1) … n(w,L). */
  readonly nodes: Int32Array;
  /** Codes d_1 … d_L. */
  readonly codes: Uint8Array;
  /** θ_{n(w,j)}·h. */
  readonly scores: Float64Array;
  /** Path factors σ((1 − 2d_j) θ_{n(w,j)}·h). */
  readonly factors: Float64Array;
  /** p(w | h) = Π_j factors_j. */
  readonly pathProb: number;
  /** g_j = 1 − d_j − σ(θ_{n(w,j)}·h) (the shared quantity; ∂J/∂f_j = −g_j). */
  readonly g: Float64Array;
}

/** One entry of the softmax's top list. */
export interface RankedWord {
  readonly word: number;
  readonly prob: number;
}

/** Full softmax over all W words. */
export interface SoftmaxScoring {
  readonly kind: 'softmax';
  /** u_w·h for every w (W). */
  readonly scores: Float64Array;
  /** ŷ = softmax(Uᵀh) (W), sums to 1. */
  readonly yHat: Float64Array;
  /** ŷ − y (W), the shared quantity. */
  readonly shared: Float64Array;
  /** The topK most probable words, most probable first. */
  readonly top: readonly RankedWord[];
  /** 1-based rank of the true word in ŷ (ties: lower id first). */
  readonly trueRank: number;
  /** ŷ_o = exp(−J). */
  readonly trueProb: number;
  /** u_o·h, the true word's score (kept when a large vocabulary's per-word arrays are dropped). */
  readonly trueScore: number;
}

export type PairScoring = NsScoring | HsScoring | SoftmaxScoring;

/** A traced pair before the gradients: term rows, their ∂J/∂f and the loss. */
export interface PairCore {
  readonly loss: number;
  readonly scoring: PairScoring;
  /** Output row of each term (repeats possible). */
  readonly rows: Int32Array;
  /** ∂J/∂f_j of each term. */
  readonly coefs: Float64Array;
}

/** What the scorer needs besides h and the target. */
export interface PairContext {
  readonly loss: LossId;
  readonly rowOf: RowOf;
  /** W (softmax: the number of rows scored). */
  readonly words: number;
  /** NS: the pair's draws; entries < 0 (skipped draws) are ignored. */
  readonly negatives: Int32Array;
  readonly tree: HuffmanTree | null;
  /** Length of the softmax top list; default 10; 0 skips the ranking sort. */
  readonly topK?: number;
}

/** u·h for rows of length d. */
export function dot64(a: Row, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Traces the pair (h, target) under the context's loss. */
export function scorePair64(h: Float64Array, target: number, ctx: PairContext): PairCore {
  if (ctx.loss === 'ns') return nsPair(h, target, ctx);
  if (ctx.loss === 'hs') return hsPair(h, target, ctx);
  return softmaxPair(h, target, ctx);
}

/**
 * J = −log σ(u_o·h) − Σ_s log σ(−u_{w_s}·h);  ∂J/∂f_0 = σ(f_0) − 1,  ∂J/∂f_s = σ(f_s).
 */
function nsPair(h: Float64Array, target: number, ctx: PairContext): PairCore {
  // Negative entries are draws word2vec.c skipped (example.ts SKIPPED): not part of J.
  const negatives = ctx.negatives.filter((w) => w >= 0);
  const n = negatives.length + 1;
  const rows = Int32Array.of(target, ...negatives);
  const scores = new Float64Array(n);
  const sigmas = new Float64Array(n);
  const shared = new Float64Array(n);
  const coefs = new Float64Array(n);
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const f = dot64(ctx.rowOf(rows[j]!), h);
    scores[j] = f;
    sigmas[j] = sigmoid(f);
    loss -= j === 0 ? logSigmoid(f) : logSigmoid(-f);
    shared[j] = (j === 0 ? sigmoid(f) : sigmoid(-f)) - 1;
    coefs[j] = j === 0 ? shared[j]! : sigmoid(f);
  }
  const scoring: NsScoring = { kind: 'ns', negatives, scores, sigmas, shared };
  return { loss, scoring, rows, coefs };
}

/**
 * p(w|h) = Π_j σ((1 − 2d_j) θ_{n(w,j)}·h),  J = −Σ_j log σ((1 − 2d_j) f_j),  ∂J/∂f_j = −g_j.
 */
function hsPair(h: Float64Array, target: number, ctx: PairContext): PairCore {
  const tree = ctx.tree;
  if (!tree) throw new Error('hierarchical softmax needs the Huffman tree');
  const from = tree.offsets[target]!;
  const nodes = tree.points.slice(from, tree.offsets[target + 1]!);
  const codes = tree.codes.slice(from, from + nodes.length);
  const scores = new Float64Array(nodes.length);
  const factors = new Float64Array(nodes.length);
  const g = new Float64Array(nodes.length);
  const coefs = new Float64Array(nodes.length);
  let loss = 0;
  let pathProb = 1;
  for (let j = 0; j < nodes.length; j++) {
    const f = dot64(ctx.rowOf(nodes[j]!), h);
    const signed = codes[j] === 0 ? f : -f;
    scores[j] = f;
    factors[j] = sigmoid(signed);
    pathProb *= factors[j]!;
    loss -= logSigmoid(signed);
    g[j] = 1 - codes[j]! - sigmoid(f);
    coefs[j] = -g[j]!;
  }
  const scoring: HsScoring = { kind: 'hs', nodes, codes, scores, factors, pathProb, g };
  return { loss, scoring, rows: nodes, coefs };
}

/** ŷ = softmax(Uᵀh),  J = log Σ_w e^{f_w} − f_o,  ∂J/∂f_w = ŷ_w − y_w. */
function softmaxPair(h: Float64Array, target: number, ctx: PairContext): PairCore {
  const W = ctx.words;
  const rows = new Int32Array(W);
  const scores = new Float64Array(W);
  for (let w = 0; w < W; w++) {
    rows[w] = w;
    scores[w] = dot64(ctx.rowOf(w), h);
  }
  const logZ = logSumExp(scores);
  const yHat = new Float64Array(W);
  for (let w = 0; w < W; w++) yHat[w] = Math.exp(scores[w]! - logZ);
  const shared = yHat.slice();
  shared[target]! -= 1;
  const top = topWords(yHat, ctx.topK ?? 10);
  const scoring: SoftmaxScoring = {
    kind: 'softmax',
    scores,
    yHat,
    shared,
    top,
    trueRank: rankOf(yHat, target),
    trueProb: yHat[target]!,
    trueScore: scores[target]!,
  };
  return { loss: logZ - scores[target]!, scoring, rows, coefs: shared.slice() };
}

/** 1-based rank of word t by probability, ties broken by the lower id (O(W), no sort). */
function rankOf(p: Float64Array, t: number): number {
  let rank = 1;
  for (let w = 0; w < p.length; w++) if (p[w]! > p[t]! || (p[w] === p[t] && w < t)) rank++;
  return rank;
}

/** The k most probable words, most probable first (ties: lower id first); O(W·k), no full sort. */
function topWords(p: Float64Array, k: number): RankedWord[] {
  const top: RankedWord[] = [];
  for (let w = 0; w < p.length && k > 0; w++) {
    if (top.length === k && p[w]! <= top[k - 1]!.prob) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.prob < p[w]!) at--;
    top.splice(at, 0, { word: w, prob: p[w]! });
    if (top.length > k) top.pop();
  }
  return top;
}
