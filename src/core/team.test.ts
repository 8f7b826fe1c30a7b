/**
 * The Hogwild team's control block (team.ts): blocks of sentences, the shared queue, the slots
 * and the live settings. Two "threads" are two queues or two readers over one buffer here.
 */
import { describe, expect, it } from 'vitest';
import {
  blockQueue,
  heldBlocks,
  IDLE,
  isQueueDone,
  publish,
  readLive,
  readTotals,
  RUNNING,
  sentenceBlocks,
  setState,
  teamControl,
  teamControlBytes,
  teamWords,
  waitUntilIdle,
  writeLive,
} from './team';

const freshControl = () => teamControl(new SharedArrayBuffer(teamControlBytes()), 0);

/** Sentence starts for sentences of the given lengths. */
function starts(lengths: number[]): Int32Array {
  const out = [0];
  for (const n of lengths) out.push(out.at(-1)! + n);
  return Int32Array.from(out);
}

describe('sentenceBlocks', () => {
  it('cuts whole sentences into blocks of at least blockWords tokens, covering every sentence once', () => {
    const lengths = [3, 9, 1, 1, 1, 7, 2, 2, 5, 4, 1];
    const sentenceStarts = starts(lengths);
    const bounds = sentenceBlocks(sentenceStarts, 6);
    expect(bounds[0]).toBe(0);
    expect(bounds.at(-1)).toBe(lengths.length);
    for (let b = 0; b + 1 < bounds.length; b++) {
      expect(bounds[b + 1]!).toBeGreaterThan(bounds[b]!);
      const tokens = sentenceStarts[bounds[b + 1]!]! - sentenceStarts[bounds[b]!]!;
      // Every block but the last reaches the size; none goes on after reaching it.
      if (b + 2 < bounds.length) expect(tokens).toBeGreaterThanOrEqual(6);
      const withoutLast = sentenceStarts[bounds[b + 1]! - 1]! - sentenceStarts[bounds[b]!]!;
      expect(withoutLast).toBeLessThan(6);
    }
  });

  it('one block when the corpus is smaller than a block; none for no sentences', () => {
    expect(Array.from(sentenceBlocks(starts([2, 3]), 100))).toEqual([0, 2]);
    expect(Array.from(sentenceBlocks(Int32Array.from([0]), 100))).toEqual([0]);
  });
});

describe('blockQueue', () => {
  it('two threads share the blocks of every epoch, each block once, epochs in order', () => {
    const control = freshControl();
    const blocks = Int32Array.from([0, 2, 5, 7]);
    const a = blockQueue(control, blocks, 2);
    const b = blockQueue(control, blocks, 2);
    const taken: string[] = [];
    for (let i = 0; i < 8; i++) {
      const block = (i % 3 === 0 ? b : a).next();
      if (block) taken.push(`${block.epoch}:${block.first}-${block.end}`);
    }
    expect(taken).toEqual(['0:0-2', '0:2-5', '0:5-7', '1:0-2', '1:2-5', '1:5-7']);
  });

  it('the run is read through only when the queue is empty and nobody holds a block', () => {
    const control = freshControl();
    const blocks = Int32Array.from([0, 1, 2]);
    const a = blockQueue(control, blocks, 1);
    const b = blockQueue(control, blocks, 1);
    expect(a.next()).not.toBeNull();
    expect(b.next()).not.toBeNull();
    expect(heldBlocks(control)).toBe(2);
    expect(a.next()).toBeNull(); // a finished its block and found none
    expect(isQueueDone(control, blocks, 1)).toBe(false); // b still reads its block
    expect(b.next()).toBeNull();
    expect(heldBlocks(control)).toBe(0);
    expect(isQueueDone(control, blocks, 1)).toBe(true);
  });
});

describe('slots and live settings', () => {
  it('each thread publishes its totals; the team count sums the words', () => {
    const control = freshControl();
    publish(control, 0, { words: 1200, lossSum: 30.5, lossCount: 12 });
    publish(control, 1, { words: 800, lossSum: 10, lossCount: 9 });
    expect(readTotals(control, 1)).toEqual({ words: 800, lossSum: 10, lossCount: 9 });
    expect(teamWords(control, 2)).toBe(2000);
    expect(teamWords(control, 1)).toBe(1200);
  });

  it('live settings are seen once per change, with every field of the same write', () => {
    const control = freshControl();
    expect(readLive(control, 0)).toBeNull();
    writeLive(control, { lr: 0.01, window: 3, negatives: 7, sample: 0 });
    const first = readLive(control, 0)!;
    expect(first.live).toEqual({ lr: 0.01, window: 3, negatives: 7, sample: 0 });
    expect(readLive(control, first.version)).toBeNull();
    writeLive(control, { lr: 0.02, window: 3, negatives: 7, sample: 1e-4 });
    expect(readLive(control, first.version)?.live.lr).toBe(0.02);
  });

  it('waitUntilIdle: true at once when every helper is idle, false when one stays running', () => {
    const control = freshControl();
    expect(waitUntilIdle(control, 3, 10)).toBe(true);
    setState(control, 2, RUNNING);
    expect(waitUntilIdle(control, 3, 10)).toBe(false);
    setState(control, 2, IDLE);
    expect(waitUntilIdle(control, 3, 10)).toBe(true);
  });
});
