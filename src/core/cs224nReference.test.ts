/**
 * The CS224n reference run (MATH.md §10), reproduced by the engine's minibatch mode on the real
 * Stanford Sentiment Treebank sentences: skip-gram, negative sampling, d = 10, K = 10, window 5,
 * step 0.3, 50 windows per iteration, sub-sampling 1e-5. The assignment's printed loss (an EMA
 * 0.95·prev + 0.05·loss, updated every 10 iterations, the first value raw) was ≈ 21.7 at 1,000
 * iterations and 12.9 at 10,000. The file comes from ../shared, which a fresh clone does not
 * have: then this test is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCorpus, parseSstSentences } from './corpus';
import { createEngine } from './engine';
import { defaultConfig } from './engineConfig';

const sstPath = fileURLToPath(
  new URL('../../../shared/corpora/sst/datasetSentences.txt', import.meta.url),
);

describe('the CS224n assignment run on SST', () => {
  it.skipIf(!existsSync(sstPath))(
    'follows the reference loss curve: EMA ≈ 21.7 at 1k iterations, ≈ 12.9 at 10k',
    () => {
      const corpus = buildCorpus(parseSstSentences(readFileSync(sstPath, 'utf8')), {
        minCount: 1,
      });
      const engine = createEngine(
        corpus,
        defaultConfig({
          model: 'skipgram',
          loss: 'ns',
          mode: 'minibatch',
          dim: 10,
          negatives: 10,
          window: 5,
          lr: 0.3,
          batchSize: 50,
          iterations: 40_000,
          annealEvery: 20_000,
          sample: 1e-5,
          seed: 1,
        }),
      );
      const emaAt = new Map<number, number>();
      let ema = NaN;
      for (let iteration = 1; iteration <= 10_000; iteration++) {
        const report = engine.train(1);
        if (iteration % 10 === 0) {
          const loss = report.lossSum / report.lossCount;
          ema = Number.isNaN(ema) ? loss : 0.95 * ema + 0.05 * loss;
        }
        if (iteration === 1_000 || iteration === 10_000) emaAt.set(iteration, ema);
      }
      expect(emaAt.get(1_000)).toBeGreaterThan(21.7 - 0.7);
      expect(emaAt.get(1_000)).toBeLessThan(21.7 + 0.7);
      expect(emaAt.get(10_000)).toBeGreaterThan(12.9 - 0.5);
      expect(emaAt.get(10_000)).toBeLessThan(12.9 + 0.5);
    },
    60_000,
  );
});
