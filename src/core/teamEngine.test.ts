/**
 * A Hogwild team inside one thread: thread 0's engine and a helper run on one shared memory,
 * driven alternately (the real concurrency is tested with worker threads in
 * src/worker/teamWorkers.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createEngine, defaultConfig } from './engine';
import { TS_KERNEL } from './kernel';
import { TEACHING_CORPUS } from './corpora/teaching';
import { corpusFromText } from './corpus';
import { readTotals } from './team';
import { createTeamEngine, SHARED_TS_KERNEL, type TeamEngine } from './teamEngine';
import { createHelperRun, type HelperRun } from './teamHelper';
import type { Engine, TrainConfig, TrainReport } from './types';

const CORPUS = corpusFromText(TEACHING_CORPUS);
const CONFIG: TrainConfig = defaultConfig({ dim: 16, epochs: 12, seed: 3 });
/** Small blocks, so both threads take many. */
const BLOCK_WORDS = 300;

/**
 * Thread 0 and its helper on one memory. Once thread 0's own work has run out it trains the
 * helper to the end (the helper runs only when called, so nobody else would).
 */
function team(config = CONFIG): { engine: TeamEngine; helper: HelperRun } {
  let helper: HelperRun | null = null;
  const finishHelpers = () => {
    while (!helper!.isDone) helper!.train(1000);
  };
  const options = { kernel: SHARED_TS_KERNEL, threads: 2, blockWords: BLOCK_WORDS, finishHelpers };
  const engine = createTeamEngine(CORPUS, config, options);
  const memory = SHARED_TS_KERNEL.attach(engine.team.handle);
  helper = createHelperRun(engine.team.helpers[0]!, CORPUS, memory);
  return { engine, helper };
}

/** Mean loss per term over the reports covering the last 10% of the words. */
function tailLoss(reports: TrainReport[]): number {
  const words = reports.reduce((sum, r) => sum + r.processed, 0);
  let covered = 0;
  let lossSum = 0;
  let lossCount = 0;
  for (let i = reports.length - 1; i >= 0 && covered < words / 10; i--) {
    covered += reports[i]!.processed;
    lossSum += reports[i]!.lossSum;
    lossCount += reports[i]!.lossCount;
  }
  return lossSum / lossCount;
}

function trainAlone(engine: Engine, slices: number[]): TrainReport[] {
  const reports: TrainReport[] = [];
  for (let i = 0; !engine.progress().done; i++)
    reports.push(engine.train(slices[i % slices.length]!));
  return reports;
}

/** Alternates the helper and thread 0 until the run is done. */
function trainTogether(t: { engine: TeamEngine; helper: HelperRun }): TrainReport[] {
  const reports: TrainReport[] = [];
  while (!t.engine.progress().done) {
    t.helper.train(250);
    reports.push(t.engine.train(400));
  }
  return reports;
}

describe('a team whose helpers never train', () => {
  it('gives the very weights and losses of the plain engine (same blocks, same clock)', () => {
    const plain = createEngine(CORPUS, CONFIG, { kernel: TS_KERNEL });
    const options = { kernel: SHARED_TS_KERNEL, threads: 2, blockWords: BLOCK_WORDS };
    const engine = createTeamEngine(CORPUS, CONFIG, options);
    const slices = [37, 500, 1, 2900, 64];
    const a = trainAlone(plain, slices);
    const b = trainAlone(engine, slices);
    expect(b.map((r) => [r.processed, r.lossSum, r.lossCount])).toEqual(
      a.map((r) => [r.processed, r.lossSum, r.lossCount]),
    );
    expect(engine.centerVecs).toEqual(plain.centerVecs);
    expect(engine.outsideVecs).toEqual(plain.outsideVecs);
    expect(engine.progress()).toEqual(plain.progress());
  });
});

describe('two threads on one memory', () => {
  it('read every token once, learn as well as one thread, and stay finite', () => {
    const alone = createEngine(CORPUS, CONFIG, { kernel: TS_KERNEL });
    const single = tailLoss(trainAlone(alone, [400]));
    const pair = team();
    const reports = trainTogether(pair);
    const p = pair.engine.progress();
    expect(p).toMatchObject({ done: true, diverged: false });
    expect(p.wordsProcessed).toBe(CORPUS.tokens.length * CONFIG.epochs);
    expect(reports.reduce((sum, r) => sum + r.processed, 0)).toBe(p.wordsProcessed);
    // The rate followed the team's count down to its floor.
    expect(p.lr).toBeCloseTo(CONFIG.lr * 1e-4, 12);
    expect(pair.engine.centerVecs.every(Number.isFinite)).toBe(true);
    expect(pair.engine.outsideVecs!.every(Number.isFinite)).toBe(true);
    // The helper's own generator: not the single thread's run, but as good a one.
    expect(pair.engine.centerVecs).not.toEqual(alone.centerVecs);
    expect(Math.abs(tailLoss(reports) - single) / single).toBeLessThan(0.05);
  });

  it('the helper took a fair share of the blocks', () => {
    const pair = team();
    trainTogether(pair);
    const helperWords = pair.engine.progress().wordsProcessed - ownWords(pair.engine);
    expect(helperWords / pair.engine.progress().totalWords).toBeGreaterThan(0.2);
  });

  it('live settings reach the helper before its next chunk', () => {
    const { engine, helper } = team({ ...CONFIG, sample: 0 });
    helper.train(2000);
    const before = engine.team.collect();
    expect(before.lossCount).toBeGreaterThan(2 * before.processed);
    engine.setLive({ window: 1 });
    helper.train(2000);
    const after = engine.team.collect();
    // A radius of 1: at most two pairs per centre.
    expect(after.lossCount).toBeLessThanOrEqual(2 * after.processed);
  });

  it('a helper whose loss stops being finite marks the team diverged', () => {
    const { engine, helper } = team({ ...CONFIG, lr: 10 });
    engine.centerVecs.fill(1e30);
    helper.train(500);
    expect(helper.isDone).toBe(true);
    expect(engine.team.collect().diverged).toBe(true);
    expect(engine.train(100)).toMatchObject({ processed: 0, diverged: true });
    expect(engine.progress().diverged).toBe(true);
  });
});

/** Words thread 0 itself read (its slot). */
function ownWords(engine: TeamEngine): number {
  return readTotals(engine.team.control, 0).words;
}
