/**
 * Pure helpers of the example bar charts: which bars a traced pair gives for each loss, their
 * spoken summary, and the binning of a W-bar softmax chart into pixel columns.
 */
import type { PairScoring } from '../core/inspect/pairTrace';

/** The symbol a bar stands for (its colour class: sym-outside, sym-negative, sym-node, sym-prob). */
export type BarTone = 'outside' | 'negative' | 'node' | 'prob';

export interface BarItem {
  label: string;
  /** A probability in [0, 1]. */
  value: number;
  tone: BarTone;
  /** What the value is (and where training pushes it). */
  note: string;
}

/** A probability in short form: 3 significant digits, exponent notation below 0.001. */
export function formatProb(p: number): string {
  if (!Number.isFinite(p)) return String(p);
  if (p === 0) return '0';
  if (Math.abs(p) < 1e-3) return p.toExponential(1);
  return String(Number(p.toPrecision(3)));
}

/**
 * The bars of one traced pair: NS — σ(u_o·h) of the true word and σ(u_{w_s}·h) of each negative;
 * HS — the path factors σ((1 − 2d_j) θ_{n(w,j)}·h) and their product p(w | h); softmax — the
 * top list of ŷ, plus the true word when it is not in it.
 */
export function barItems(
  scoring: PairScoring,
  target: number,
  wordOf: (w: number) => string,
): BarItem[] {
  if (scoring.kind === 'ns') {
    const items: BarItem[] = [
      {
        label: wordOf(target),
        value: scoring.sigmas[0]!,
        tone: 'outside',
        note: 'σ(u_o·h), pushed up to 1',
      },
    ];
    scoring.negatives.forEach((w, s) => {
      items.push({
        label: wordOf(w),
        value: scoring.sigmas[s + 1]!,
        tone: 'negative',
        note: 'σ(u_w·h), pushed down to 0',
      });
    });
    return items;
  }
  if (scoring.kind === 'hs') {
    const items: BarItem[] = Array.from(scoring.nodes, (n, j) => {
      const code = scoring.codes[j]!;
      return {
        label: `node ${n}, code ${code}`,
        value: scoring.factors[j]!,
        tone: 'node' as const,
        note: code === 0 ? 'σ(θ·h), pushed up to 1' : 'σ(−θ·h), pushed up to 1',
      };
    });
    items.push({
      label: `p(${wordOf(target)})`,
      value: scoring.pathProb,
      tone: 'prob',
      note: 'product of the factors',
    });
    return items;
  }
  const items: BarItem[] = scoring.top.map(({ word, prob }, i) => ({
    label: wordOf(word),
    value: prob,
    tone: word === target ? 'outside' : 'prob',
    note: word === target ? `true word, rank ${i + 1}` : `rank ${i + 1}`,
  }));
  if (!scoring.top.some((entry) => entry.word === target)) {
    items.push({
      label: wordOf(target),
      value: scoring.trueProb,
      tone: 'outside',
      note: `true word, rank ${scoring.trueRank}`,
    });
  }
  return items;
}

/** One sentence stating the bars' numbers, for the chart's accessible name. */
export function describeBars(
  scoring: PairScoring,
  items: readonly BarItem[],
  words: number,
): string {
  const list = (from: readonly BarItem[]) =>
    from.map((b) => `${b.label} ${formatProb(b.value)}`).join(', ');
  if (scoring.kind === 'ns') {
    const [truth, ...negatives] = items;
    const tail = negatives.length > 0 ? `; negatives: ${list(negatives)}` : '; no negatives';
    return `Sigmoid of each score: true word ${list(truth ? [truth] : [])}${tail}`;
  }
  if (scoring.kind === 'hs') {
    const last = items[items.length - 1];
    return `Path factors: ${list(items.slice(0, -1))}; ${last ? list([last]) : ''}`;
  }
  const top = items.slice(0, Math.min(5, scoring.top.length));
  return `Softmax over ${words} words: true word ranked ${scoring.trueRank} with ŷ ${formatProb(scoring.trueProb)}; top: ${list(top)}`;
}

/**
 * Max of `values` over `bins` equal runs of indices (bin b covers ⌊b·n/bins⌋ … ⌊(b+1)·n/bins⌋ − 1),
 * so a W-bar chart narrower than W pixels still shows every spike.
 */
export function binMax(values: ArrayLike<number>, bins: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(Math.max(0, Math.min(bins, n)));
  for (let b = 0; b < out.length; b++) {
    const from = Math.floor((b * n) / out.length);
    const to = Math.floor(((b + 1) * n) / out.length);
    let max = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) max = Math.max(max, values[i]!);
    out[b] = max;
  }
  return out;
}

/** The bin of index i in `binMax(values of length n, bins)`. */
export function binOf(i: number, n: number, bins: number): number {
  const count = Math.min(bins, n);
  // Bin b starts at ⌊b·n/count⌋: the last bin whose start is ≤ i.
  let b = Math.floor(((i + 1) * count) / n);
  while (b > 0 && Math.floor((b * n) / count) > i) b--;
  return Math.min(b, count - 1);
}

/** What the most frequent words hold together (rows as SamplingRow in the worker protocol). */
export interface SamplingShares {
  /** Σ unigram and Σ noise over the rows: the share of tokens and of negative draws they get. */
  unigram: number;
  noise: number;
  /** Expected share of all tokens that sub-sampling drops among these rows: Σ unigram·(1 − keep). */
  dropped: number;
}

export function samplingShares(
  rows: readonly { unigram: number; noise: number; keep: number }[],
): SamplingShares {
  const shares = { unigram: 0, noise: 0, dropped: 0 };
  for (const row of rows) {
    shares.unigram += row.unigram;
    shares.noise += row.noise;
    shares.dropped += row.unigram * (1 - row.keep);
  }
  return shares;
}
