/**
 * The per-loss part of the derivation panels' view model (see inspectModel.ts): the terms of one
 * pair under negative sampling, hierarchical softmax or the full softmax, and the σ's they use.
 */
import type { HsScoring, NsScoring, SoftmaxScoring } from '../core/index';
import type { InspectContext, InspectFrame } from '../worker/protocol';
import type { PairSummary } from './inspectModel';
import { pairAt, pairSummary, wordOf } from './inspectModel';

/** One entry of the softmax's top list. */
export interface TopWord {
  word: string;
  prob: number;
  isTarget: boolean;
}

export interface SoftmaxSummary extends PairSummary {
  W: number;
  /** u_o·h; NaN when the worker dropped the per-word arrays (large vocabularies). */
  trueScore: number;
  trueProb: number;
  trueRank: number;
  top: TopWord[];
}

export function softmaxSummary(
  frame: InspectFrame,
  context: InspectContext,
  index: number,
): SoftmaxSummary | null {
  const pair = pairAt(frame, index);
  if (pair.scoring.kind !== 'softmax') return null;
  const s: SoftmaxScoring = pair.scoring;
  return {
    ...pairSummary(pair, context),
    W: context.words.length,
    trueScore: s.scores.length > 0 ? s.scores[pair.target]! : NaN,
    trueProb: s.trueProb,
    trueRank: s.trueRank,
    top: s.top.map((t) => ({
      word: wordOf(context, t.word),
      prob: t.prob,
      isTarget: t.word === pair.target,
    })),
  };
}

/** One term of the negative-sampling loss. */
export interface NsTerm {
  role: 'outside' | 'negative';
  word: string;
  /** u·h. */
  score: number;
  /** σ(u·h). */
  sigma: number;
  /** The term's entry of σ(U_{o,W}ᵀh) − 1. */
  shared: number;
  /** ‖∂J/∂u‖ of the term's row, summed over every draw of that word. */
  gradNorm: number;
  /** How often the word is drawn as a negative in this pair (0 for the outside word). */
  repeats: number;
}

export interface NsSummary extends PairSummary {
  terms: NsTerm[];
  /** Negatives scored (a draw equal to o that word2vec.c skips is not one). */
  K: number;
}

export function nsSummary(
  frame: InspectFrame,
  context: InspectContext,
  index: number,
): NsSummary | null {
  const pair = pairAt(frame, index);
  if (pair.scoring.kind !== 'ns') return null;
  const s: NsScoring = pair.scoring;
  const rows = [pair.target, ...s.negatives];
  const gradNorms = new Map(pair.outputGrads.map((g) => [g.row, g.norm]));
  const terms = rows.map((row, j): NsTerm => ({
    role: j === 0 ? 'outside' : 'negative',
    word: wordOf(context, row),
    score: s.scores[j]!,
    sigma: s.sigmas[j]!,
    shared: s.shared[j]!,
    gradNorm: gradNorms.get(row) ?? 0,
    repeats: j === 0 ? 0 : s.negatives.filter((w) => w === row).length,
  }));
  return { ...pairSummary(pair, context), terms, K: s.negatives.length };
}

/** One step of the Huffman path, root first. */
export interface HsStep {
  /** j, from 1. */
  depth: number;
  node: number;
  code: number;
  /** θ·h. */
  score: number;
  /** (1 − 2d_j) θ·h, the argument of the factor's σ. */
  signedScore: number;
  /** σ((1 − 2d_j) θ·h). */
  factor: number;
  g: number;
  /** ‖∂J/∂θ‖ = |g|·‖h‖. */
  gradNorm: number;
}

export interface HsSummary extends PairSummary {
  steps: HsStep[];
  pathProb: number;
}

export function hsSummary(
  frame: InspectFrame,
  context: InspectContext,
  index: number,
): HsSummary | null {
  const pair = pairAt(frame, index);
  if (pair.scoring.kind !== 'hs') return null;
  const s: HsScoring = pair.scoring;
  const gradNorms = new Map(pair.outputGrads.map((g) => [g.row, g.norm]));
  const steps = Array.from(s.nodes, (node, j): HsStep => {
    const code = s.codes[j]!;
    return {
      depth: j + 1,
      node,
      code,
      score: s.scores[j]!,
      signedScore: code === 0 ? s.scores[j]! : -s.scores[j]!,
      factor: s.factors[j]!,
      g: s.g[j]!,
      gradNorm: gradNorms.get(node) ?? 0,
    };
  });
  return { ...pairSummary(pair, context), steps, pathProb: s.pathProb };
}

/** One σ the pair evaluates: x, σ(x), σ(−x) = 1 − σ(x), σ'(x) = σ(x)(1 − σ(x)). */
export interface SigmoidRow {
  label: string;
  x: number;
  sigma: number;
  oneMinus: number;
  slope: number;
}

function sigmoidRow(label: string, x: number, sigma: number): SigmoidRow {
  return { label, x, sigma, oneMinus: 1 - sigma, slope: sigma * (1 - sigma) };
}

/** The σ's of the pair: NS terms (x = u·h) or HS factors (x = (1 − 2d_j)θ·h); null for softmax. */
export function sigmoidRows(
  frame: InspectFrame,
  context: InspectContext,
  index: number,
): SigmoidRow[] | null {
  const ns = nsSummary(frame, context, index);
  if (ns) {
    return ns.terms.map((t) =>
      sigmoidRow(`${t.role === 'outside' ? 'outside' : 'negative'} ${t.word}`, t.score, t.sigma),
    );
  }
  const hs = hsSummary(frame, context, index);
  if (!hs) return null;
  return hs.steps.map((s) => sigmoidRow(`node ${s.node}`, s.signedScore, s.factor));
}
