/**
 * Defaults and validation of a training configuration (`TrainConfig`, types.ts).
 */
import type { CbowUpdateId, LiveConfig, LossId, ModeId, ModelId, TrainConfig } from './types';

const MODELS: readonly ModelId[] = ['skipgram', 'cbow'];
const LOSSES: readonly LossId[] = ['ns', 'hs', 'softmax'];
const MODES: readonly ModeId[] = ['stream', 'minibatch'];
const CBOW_UPDATES: readonly CbowUpdateId[] = ['exact', 'word2vec'];

/** word2vec.c's starting learning rates: 0.025 for skip-gram, 0.05 for CBOW. */
export const DEFAULT_LR: Readonly<Record<ModelId, number>> = { skipgram: 0.025, cbow: 0.05 };

/**
 * A complete configuration: word2vec.c's defaults (skip-gram, negative sampling, stream mode,
 * d = 100, m = 5, K = 5, α₀ = 0.025 — 0.05 for CBOW —, sample 1e-3, 5 epochs) and CS224n's
 * minibatch settings (50 windows per batch, halving every 20 000 of 40 000 iterations), with any
 * field of `partial` taking precedence. CBOW uses word2vec.c's update rule (`word2vec`: the whole
 * ∂J/∂h step to each context vector) by default, since the learning rates above were tuned for
 * it; `exact` is the true gradient. The seed defaults to 1.
 *
 * @param partial - fields to override
 */
export function defaultConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  const model = partial.model ?? 'skipgram';
  return {
    model,
    loss: 'ns',
    mode: 'stream',
    dim: 100,
    window: 5,
    negatives: 5,
    lr: DEFAULT_LR[model] ?? DEFAULT_LR.skipgram,
    sample: 1e-3,
    epochs: 5,
    iterations: 40000,
    batchSize: 50,
    annealEvery: 20000,
    cbowUpdate: 'word2vec',
    seed: 1,
    ...partial,
  };
}

/** "must be an integer in lo…hi" check; returns a message or null. */
function checkInteger(name: string, value: unknown, lo: number, hi: number): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    return `${name} must be a whole number from ${lo} to ${hi} (got ${String(value)})`;
  }
  return null;
}

function checkChoice(name: string, value: unknown, choices: readonly string[]): string | null {
  if (typeof value !== 'string' || !choices.includes(value)) {
    return `${name} must be one of ${choices.join(', ')} (got ${String(value)})`;
  }
  return null;
}

/** Problems with the live-adjustable settings (the fields present in `patch`). */
export function validateLive(patch: LiveConfig): string[] {
  const problems: (string | null)[] = [];
  if ('lr' in patch) {
    const lr = patch.lr;
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0 || lr > 10) {
      problems.push(
        `learning rate must be a finite number above 0 and at most 10 (got ${String(lr)})`,
      );
    }
  }
  if ('window' in patch) problems.push(checkInteger('window', patch.window, 1, 50));
  if ('negatives' in patch) problems.push(checkInteger('negatives', patch.negatives, 1, 50));
  if ('annealEvery' in patch) problems.push(checkInteger('annealEvery', patch.annealEvery, 0, 1e9));
  if ('sample' in patch) {
    const s = patch.sample;
    if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > 1) {
      problems.push(`sample must be a number from 0 (off) to 1 (got ${String(s)})`);
    }
  }
  return problems.filter((p): p is string => p !== null);
}

/**
 * Lists everything wrong with a configuration, as sentences a person can act on; an empty list
 * means it is valid. Ranges: dim 1…1000, window 1…50, negatives 1…50, 0 < lr ≤ 10, 0 ≤ sample ≤ 1,
 * epochs 1…1000, iterations 1…10⁹, batchSize 1…10 000, annealEvery 0…10⁹ (0 = off), seed finite.
 *
 * @param config - the configuration to check (any object; missing fields are reported)
 */
export function validateConfig(config: TrainConfig): string[] {
  const problems: (string | null)[] = [
    checkChoice('model', config.model, MODELS),
    checkChoice('loss', config.loss, LOSSES),
    checkChoice('mode', config.mode, MODES),
    checkChoice('cbowUpdate', config.cbowUpdate, CBOW_UPDATES),
    checkInteger('dim', config.dim, 1, 1000),
    checkInteger('epochs', config.epochs, 1, 1000),
    checkInteger('iterations', config.iterations, 1, 1e9),
    checkInteger('batchSize', config.batchSize, 1, 10000),
  ];
  if (typeof config.seed !== 'number' || !Number.isFinite(config.seed)) {
    problems.push(`seed must be a finite number (got ${String(config.seed)})`);
  }
  const live = validateLive({
    lr: config.lr,
    window: config.window,
    negatives: config.negatives,
    annealEvery: config.annealEvery,
    sample: config.sample,
  });
  return [...problems.filter((p): p is string => p !== null), ...live];
}
