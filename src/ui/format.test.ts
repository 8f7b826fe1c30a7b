import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/engine';
import type { CorpusInfo, Frame } from '../worker/protocol';
import { makeFrame } from '../worker/testing/frames';
import {
  composeStatus,
  describeRun,
  formatCount,
  formatDuration,
  formatEta,
  formatRate,
  formatThroughput,
  formatValue,
  neighborsNotice,
} from './format';

const CORPUS: CorpusInfo = {
  id: 'teaching',
  format: 'text',
  words: 4987,
  name: 'the teaching corpus',
  tokens: 4987,
  vocabSize: 210,
  sentences: 640,
  topWords: [],
};
const CONFIG = defaultConfig({ epochs: 5 });

function frame(patch: Partial<Frame>): Frame {
  return makeFrame({
    unitsDone: 12345,
    unitsTotal: 24935,
    step: 60000,
    words: 12345,
    epoch: 1,
    epochs: 5,
    fraction: 0.5,
    lr: 0.0125,
    smoothedLoss: 2.3141,
    throughput: 180_400,
    seq: 3,
    ...patch,
  });
}

describe('format', () => {
  it('counts get thousands separators, rates SI prefixes, values four digits', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(0)).toBe('0');
    expect(formatRate(180_400)).toBe('180k');
    expect(formatRate(0)).toBe('0');
    expect(formatValue(2.31415)).toBe('2.314');
    expect(formatValue(0.000125)).toBe('0.000125');
  });

  it('NaN shows as a dash before the first loss point, infinities stay visible', () => {
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('the training line names model, loss, corpus, epoch (1-based), words and speed', () => {
    expect(describeRun(frame({}), CORPUS, CONFIG)).toBe(
      'Training skip-gram with negative sampling on the teaching corpus — epoch 2 of 5, 12,345 words, 180k words/s',
    );
  });

  it('the thread count: in the training line when several train, always in the readout', () => {
    expect(describeRun(frame({ threads: 2 }), CORPUS, CONFIG)).toMatch(
      /12,345 words, 180k words\/s on 2 threads$/,
    );
    expect(formatThroughput(frame({}))).toBe('180k words/s on 1 thread');
    expect(formatThroughput(frame({ threads: 2, throughput: 1_020_000 }))).toBe(
      '1.02M words/s on 2 threads',
    );
  });

  it('the speed is left out until it has been measured', () => {
    expect(describeRun(frame({ throughput: 0 }), CORPUS, CONFIG)).toMatch(
      /epoch 2 of 5, 12,345 words$/,
    );
  });

  it('a finished run says the last epoch, not one past it', () => {
    const text = describeRun(frame({ status: 'done', epoch: 5, fraction: 1 }), CORPUS, CONFIG);
    expect(text).toMatch(/^Finished — epoch 5 of 5, 12,345 words; smoothed loss 2\.314\./);
  });

  it('minibatch mode counts iterations', () => {
    const text = describeRun(
      frame({
        mode: 'minibatch',
        unit: 'iteration',
        unitsDone: 1234,
        unitsTotal: 40000,
        throughput: 950,
      }),
      CORPUS,
      CONFIG,
    );
    expect(text).toContain('iteration 1,234 of 40,000, 950 iterations/s');
  });

  it('divergence and errors pass the worker message through, capitalised', () => {
    const message =
      'the loss became NaN: the learning rate 10 is too high — training paused; lower it and press play';
    expect(describeRun(frame({ status: 'diverged', message }), CORPUS, CONFIG)).toBe(
      'The loss became NaN: the learning rate 10 is too high — training paused; lower it and press play.',
    );
    expect(
      describeRun(frame({ status: 'error', message: 'dim must be a whole number' }), null, null),
    ).toBe('Error: dim must be a whole number.');
  });

  it('before the corpus has loaded the line says so', () => {
    expect(describeRun(null, null, null)).toBe('Loading the corpus…');
  });

  it('durations read as seconds, minutes or hours; unknown is a dash', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3780)).toBe('1 h 3 min');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('the ETA is the units left over the speed, only while training', () => {
    expect(formatEta(frame({ unitsDone: 1000, unitsTotal: 181_000, throughput: 180_000 }))).toBe(
      '1 s',
    );
    expect(formatEta(frame({ status: 'paused' }))).toBe('—');
    expect(formatEta(frame({ throughput: 0 }))).toBe('—');
  });

  it('the status line puts the page notice before the run, or alone before any corpus', () => {
    const context = { corpus: CORPUS, config: CONFIG, notice: 'Link copied.', isLoading: false };
    expect(composeStatus(frame({ status: 'paused' }), context)).toMatch(/^Link copied\. Paused — /);
    expect(composeStatus(null, { ...context, corpus: null, notice: 'Open the file again.' })).toBe(
      'Open the file again.',
    );
    expect(composeStatus(frame({}), { ...context, notice: '', isLoading: true })).toBe(
      'Loading the corpus…',
    );
  });
});

describe('neighbours notice', () => {
  it('replaces the lists of a diverged model with advice', () => {
    expect(neighborsNotice('diverged')).toBe(
      'The model diverged, so these neighbours mean nothing; lower the learning rate and press Play.',
    );
  });

  it('leaves the lists alone in every other state', () => {
    for (const status of ['idle', 'loading', 'training', 'paused', 'done', 'error'] as const) {
      expect(neighborsNotice(status)).toBeNull();
    }
  });
});
