/**
 * Softmax traces over a large vocabulary travel without their per-word arrays: what the panels
 * read about the true word and the top list stays, the vocabulary-sized parts go.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { TrainingExample } from '../core/inspect/example';
import { traceExample } from '../core/inspect/trace';
import { TOP_K, compactTrace } from './inspectFrames';
import { SOFTMAX_FULL_MAX_WORDS } from './inspectLimits';

const D = 4;

function softmaxTrace(W: number, loss: 'softmax' | 'hs' = 'softmax') {
  const rng = createRng(3);
  const random = () => Float32Array.from({ length: W * D }, () => rng.next() - 0.5);
  const example: TrainingExample = {
    model: 'skipgram',
    loss: 'softmax',
    center: 0,
    context: Int32Array.of(5, W - 1),
    negatives: new Int32Array(0),
    lr: 0.1,
  };
  const weights = {
    centerVecs: random(),
    outsideVecs: random(),
    nodeVecs: null,
    tree: null,
    dim: D,
  };
  return { ...traceExample(example, weights, { cbowUpdate: 'exact', topK: TOP_K }), loss };
}

describe('compactTrace', () => {
  it('above the limit: empty scores, ŷ and ŷ − y; targets and top words keep their rows', () => {
    const W = SOFTMAX_FULL_MAX_WORDS + 1;
    const full = softmaxTrace(W);
    const small = compactTrace(full, W);
    for (const [j, pair] of small.pairs.entries()) {
      const before = full.pairs[j]!.scoring;
      if (pair.scoring.kind !== 'softmax' || before.kind !== 'softmax') throw new Error('kind');
      expect(pair.scoring.scores).toHaveLength(0);
      expect(pair.scoring.yHat).toHaveLength(0);
      expect(pair.scoring.shared).toHaveLength(0);
      expect(pair.scoring.top).toEqual(before.top);
      expect(pair.scoring).toMatchObject({ trueRank: before.trueRank, trueProb: before.trueProb });
      expect(pair.scoring.trueScore).toBe(before.scores[pair.target]);
      expect(pair.gradH).toEqual(full.pairs[j]!.gradH);
    }
    const kept = new Set(small.outputRows.map((r) => r.row));
    expect(kept.has(5) && kept.has(W - 1)).toBe(true);
    expect(kept.size).toBeLessThanOrEqual(2 + 2 * TOP_K);
    expect(full.outputRows).toHaveLength(W);
    expect(small.centerRows).toEqual(full.centerRows);
  });

  it('at the limit, or for another loss, the trace is left whole', () => {
    const W = SOFTMAX_FULL_MAX_WORDS;
    const full = softmaxTrace(W);
    expect(compactTrace(full, W)).toBe(full);
    const other = softmaxTrace(W, 'hs');
    expect(compactTrace(other, W + 1)).toBe(other);
  });
});
