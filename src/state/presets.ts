/**
 * Named configurations, each one click: the first page's teaching run, CS224n's assignment run
 * and word2vec.c's defaults.
 */
import { defaultConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import { DEFAULT_VIEW_WORDS } from '../worker/views';

/**
 * The first page's run on the teaching corpus: word2vec.c's skip-gram with negative sampling and
 * its defaults (window 5, K = 5, sub-sampling 1e-3, α₀ = 0.025), but small vectors and many
 * passes, because a 5,000-token corpus needs repetition, not width. Measured in Node: the groups
 * show in the neighbours after ~5% of the run; the run takes ~5 s at ~170k words/s, and the
 * neighbours stay sensible to the end (with sub-sampling off they drift to rare co-occurrences).
 */
export const TEACHING_RUN: Partial<TrainConfig> = {
  model: 'skipgram',
  loss: 'ns',
  mode: 'stream',
  dim: 30,
  window: 5,
  negatives: 5,
  sample: 1e-3,
  epochs: 200,
  seed: 1,
};

/** The 24 words the CS224n assignment plots (MATH.md §10), as the worker groups them for SST. */
export const CS224N_WORDS: readonly string[] = DEFAULT_VIEW_WORDS.sst;

export type PresetId = 'cs224n' | 'word2vec';

export interface Preset {
  id: PresetId;
  /** The button's name. */
  label: string;
  explain: string;
  /** Every setting except the seed, which stays the user's. */
  config: Omit<TrainConfig, 'seed'>;
  /** Words to show, or null for the corpus's own list. */
  words: readonly string[] | null;
}

function withoutSeed(config: TrainConfig): Omit<TrainConfig, 'seed'> {
  const copy: Partial<TrainConfig> = { ...config };
  delete copy.seed;
  return copy as Omit<TrainConfig, 'seed'>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'cs224n',
    label: 'CS224n assignment run',
    explain:
      'Skip-gram, negative sampling with K = 10, 10 dimensions, window 5, step 0.3 halved every 20,000 of 40,000 iterations of 50 windows, sub-sampling 1e-5, and the 24 words of the assignment.',
    config: withoutSeed(
      defaultConfig({
        model: 'skipgram',
        loss: 'ns',
        mode: 'minibatch',
        negatives: 10,
        dim: 10,
        window: 5,
        lr: 0.3,
        batchSize: 50,
        iterations: 40_000,
        annealEvery: 20_000,
        // The assignment drops token w with probability 1 − √(1e-5·T / count(w)) (MATH.md §10).
        sample: 1e-5,
      }),
    ),
    words: CS224N_WORDS,
  },
  {
    id: 'word2vec',
    label: 'word2vec.c defaults',
    explain:
      'The original program out of the box: skip-gram, negative sampling with K = 5, 100 dimensions, window 5, rate 0.025, 5 passes.',
    config: withoutSeed(defaultConfig()),
    words: null,
  },
];

export function findPreset(id: PresetId): Preset {
  return PRESETS.find((p) => p.id === id)!;
}
