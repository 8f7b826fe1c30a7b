import { describe, expect, it } from 'vitest';
import { traceExample } from '../core/index';
import { weightsOf } from '../core/inspect/testing/inspectFixtures';
import { kernelState } from '../core/testing/engineFixtures';
import { FIXTURE_WORDS, fixtureTrace } from '../state/testing/inspectFrames';
import {
  captionParts,
  highlightCount,
  highlightsFor,
  isMarkShown,
  markOf,
  type ExampleHighlights,
} from './exampleHighlights';

/** The map shows the six words in reverse id order: word id k sits at index 5 − k. */
const REVERSED = [5, 4, 3, 2, 1, 0];
const at = (...ids: number[]): number[] => ids.map((id) => 5 - id);

describe('example highlights on the word map', () => {
  // Skip-gram NS fixture: centre 1, outside [4, 0], negatives [2,5,3 | 3,3,5].
  const skipgram = fixtureTrace('skipgram', 'ns');

  it('without a walk, ring the centre, the context and the negatives (once each)', () => {
    expect(highlightsFor(skipgram, null, REVERSED)).toEqual({
      center: at(1),
      context: at(4, 0),
      negative: at(2, 5, 3),
      touched: [],
    });
  });

  it('follow the walk: the centre first, then its window, then the negatives', () => {
    const shown = (stage: Parameters<typeof highlightsFor>[1]) =>
      highlightsFor(skipgram, stage, REVERSED);
    expect(shown('center')).toEqual({ center: at(1), context: [], negative: [], touched: [] });
    expect(shown('window').context).toEqual(at(4, 0));
    expect(shown('window').negative).toEqual([]);
    expect(shown('negatives').negative).toEqual(at(2, 5, 3));
    expect(shown('update')).toEqual(highlightsFor(skipgram, null, REVERSED));
  });

  it('leave out words that are not on the map; unknown ids (−1) match nothing', () => {
    const h = highlightsFor(skipgram, null, [0, -1, 2, 1]);
    expect(h).toEqual({ center: [3], context: [0], negative: [2], touched: [] });
  });

  it('give a word in two roles the first: a negative that is another pair’s context word', () => {
    const fixture = kernelState({ W: 6, D: 5, loss: 'ns', isCbow: false });
    const example = {
      model: 'skipgram' as const,
      loss: 'ns' as const,
      center: 1,
      context: Int32Array.of(4, 0),
      negatives: Int32Array.of(0, 2, 1, 4, 3, 3),
      lr: 0.1,
    };
    const trace = traceExample(example, weightsOf(fixture, 'ns'), { cbowUpdate: 'exact' });
    const h = highlightsFor(trace, null, [0, 1, 2, 3, 4, 5]);
    expect(h).toEqual({ center: [1], context: [4, 0], negative: [2, 3], touched: [] });
    expect(highlightCount(h)).toBe(5);
  });

  it('softmax: from the gradients on, every other shown word is marked as updated', () => {
    const softmax = fixtureTrace('skipgram', 'softmax');
    const ids = [0, 1, 2, 3, 4, 5];
    expect(highlightsFor(softmax, null, ids).touched).toEqual([]);
    expect(highlightsFor(softmax, 'loss', ids).touched).toEqual([]);
    expect(highlightsFor(softmax, 'gradients', ids).touched.sort()).toEqual([2, 3, 5]);
    expect(highlightsFor(softmax, 'update', ids).touched.sort()).toEqual([2, 3, 5]);
  });

  it('hierarchical softmax: tree nodes are not words, so nothing else is updated on the map', () => {
    const hs = fixtureTrace('skipgram', 'hs');
    expect(highlightsFor(hs, 'update', [0, 1, 2, 3, 4, 5])).toEqual({
      center: [1],
      context: [4, 0],
      negative: [],
      touched: [],
    });
  });

  it('CBOW: the target is the centre mark, its context words once each', () => {
    // CBOW NS fixture: context [0, 3, 0] → target 1, negatives [2, 5, 2].
    const h = highlightsFor(fixtureTrace('cbow', 'ns'), null, [0, 1, 2, 3, 4, 5]);
    expect(h).toEqual({ center: [1], context: [0, 3], negative: [2, 5], touched: [] });
  });

  it('the update role is hidden until the gradients stage, the others never without a walk', () => {
    expect(isMarkShown('touched', null)).toBe(false);
    expect(isMarkShown('touched', 'probabilities')).toBe(false);
    expect(isMarkShown('touched', 'gradients')).toBe(true);
    expect(isMarkShown('negative', 'window')).toBe(false);
    expect(isMarkShown('negative', 'path')).toBe(true);
  });
});

describe('highlight caption and list marks', () => {
  const h: ExampleHighlights = { center: [1], context: [4, 0], negative: [], touched: [] };

  it('name each role with its shown words; empty roles are left out', () => {
    expect(captionParts(h, FIXTURE_WORDS, false)).toEqual([
      { mark: 'center', label: 'centre', words: 'w1' },
      { mark: 'context', label: 'context', words: 'w4, w0' },
    ]);
    expect(captionParts(h, FIXTURE_WORDS, true)[0]!.label).toBe('target');
  });

  it('cut a long list with "and N more"', () => {
    const words = Array.from({ length: 12 }, (_, i) => `x${i}`);
    const many: ExampleHighlights = {
      center: [],
      context: [],
      negative: [],
      touched: words.map((_, i) => i),
    };
    expect(captionParts(many, words, false)[0]!.words).toBe(
      'x0, x1, x2, x3, x4, x5, x6, x7 and 4 more',
    );
  });

  it('mark each shown index with its role', () => {
    expect(markOf(h, 6)).toEqual(['context', 'center', null, null, 'context', null]);
    expect(markOf(null, 2)).toEqual([null, null]);
  });
});
