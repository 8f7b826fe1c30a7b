/**
 * Real Hogwild: thread 0 here, one helper in a Node worker thread (bench/teamNode.ts), both on
 * one shared WebAssembly.Memory with the shared build of the kernel, at the same time.
 */
import { describe, expect, it } from 'vitest';
import { benchCorpus, readBuiltIn } from '../../bench/corpora';
import { nodeSpawner } from '../../bench/teamNode';
import { sharedWasmBackend, wasmBackend } from '../../bench/wasmModule';
import { createEngine, defaultConfig } from '../core/engine';
import { heldBlocks, readTotals } from '../core/team';
import { createTeamEngine } from '../core/teamEngine';
import type { Engine, TrainReport } from '../core/types';
import { startHelpers } from './teamWorkers';

const CORPUS = benchCorpus(readBuiltIn('moby'), undefined);
const CONFIG = defaultConfig({ dim: 50, epochs: 2, seed: 11 });

/** Trains to the end in slices; the mean loss per term over the last 10% of the words. */
function trainToEnd(engine: Engine): number {
  const reports: TrainReport[] = [];
  while (!engine.progress().done && !engine.progress().diverged) reports.push(engine.train(20_000));
  let covered = 0;
  let lossSum = 0;
  let lossCount = 0;
  for (let i = reports.length - 1; covered < engine.progress().wordsProcessed / 10; i--) {
    covered += reports[i]!.processed;
    lossSum += reports[i]!.lossSum;
    lossCount += reports[i]!.lossCount;
  }
  return lossSum / lossCount;
}

describe('two threads in worker_threads', () => {
  it('train together to the end: every token once, finite weights, the loss of one thread', async () => {
    const single = trainToEnd(createEngine(CORPUS, CONFIG, { kernel: wasmBackend() }));
    const engine = createTeamEngine(CORPUS, CONFIG, { kernel: sharedWasmBackend(), threads: 2 });
    const pool = startHelpers(engine, nodeSpawner);
    try {
      engine.team.run();
      // Wait until the helper has started and taken its first block (thread 0 holds one too).
      for (let i = 0; i < 600 && heldBlocks(engine.team.control) < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const loss = trainToEnd(engine);
      const p = engine.progress();
      expect(p).toMatchObject({ done: true, diverged: false });
      expect(p.wordsProcessed).toBe(p.totalWords);
      expect(readTotals(engine.team.control, 1).words).toBeGreaterThan(p.totalWords * 0.1);
      expect(engine.centerVecs.every(Number.isFinite)).toBe(true);
      expect(engine.outsideVecs!.every(Number.isFinite)).toBe(true);
      expect(Math.abs(loss - single) / single).toBeLessThan(0.03);
    } finally {
      pool.dispose();
    }
  }, 60_000);
});
