/**
 * Named starting configurations. Only the first page's run exists yet; the "CS224n assignment
 * run" and "word2vec.c defaults" presets join it with the settings panel.
 */
import type { TrainConfig } from '../core/types';

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
