/**
 * Display names of models and losses. These move into the objective and architecture registries
 * (STYLE rule 3) once those exist; the names here must match them.
 */
import type { LossId, ModelId } from '../core/types';

export const MODEL_LABELS: Record<ModelId, string> = {
  skipgram: 'skip-gram',
  cbow: 'CBOW',
};

export const LOSS_LABELS: Record<LossId, string> = {
  ns: 'negative sampling',
  hs: 'hierarchical softmax',
  softmax: 'full softmax',
};
