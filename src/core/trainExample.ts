/**
 * `Engine.trainExample` outside the engine file: the checks an explicit example must pass before
 * the kernel may index the weights with its word ids, and the stream-mode call of the kernel.
 * (Minibatch mode trains the example through `MinibatchRun.trainWindow`.)
 */
import type { TrainingExample } from './inspect/example';
import { SKIPPED, pairCount } from './inspect/example';
import type { Kernel } from './kernel';
import { IO_ALPHA0, IO_LOSS, IO_NEGATIVES, IO_PAIRS } from './kernel';
import { MAX_NEGATIVES } from './kernelState';
import type { TrainConfig } from './types';

/** K of an example: its negatives per pair (0 unless negative sampling). */
export function negativesPerPair(example: TrainingExample): number {
  return example.loss === 'ns' ? example.negatives.length / pairCount(example) : 0;
}

const isWord = (w: number, W: number): boolean => Number.isInteger(w) && w >= 0 && w < W;

/** Problems with the negatives of an NS example (SKIPPED entries only under stream rules). */
function negativeProblems(example: TrainingExample, config: TrainConfig, W: number): string[] {
  const K = negativesPerPair(example);
  if (!Number.isInteger(K) || K > MAX_NEGATIVES) {
    return [
      `${example.negatives.length} negatives do not split into at most ${MAX_NEGATIVES} per pair`,
    ];
  }
  const allowsSkipped = config.mode === 'stream';
  const bad = example.negatives.findIndex(
    (w) => !isWord(w, W) && !(allowsSkipped && w === SKIPPED),
  );
  return bad < 0 ? [] : [`negative ${bad} has id ${example.negatives[bad]}, not a word`];
}

/**
 * Every problem that keeps the engine from training `example` (empty: it may): the model and loss
 * must be the engine's, the ids words of its W-word vocabulary, the context non-empty, the
 * negatives K per pair (K ≤ MAX_NEGATIVES; −1 = SKIPPED allowed in stream mode only), α finite
 * and ≥ 0.
 */
export function exampleProblems(
  example: TrainingExample,
  config: TrainConfig,
  W: number,
): string[] {
  const problems: string[] = [];
  if (example.model !== config.model || example.loss !== config.loss) {
    problems.push(
      `the example is ${example.model}/${example.loss}, the engine ${config.model}/${config.loss}`,
    );
  }
  if (!isWord(example.center, W)) problems.push(`the centre ${example.center} is not a word id`);
  if (example.context.length === 0) problems.push('the context is empty');
  const bad = example.context.findIndex((w) => !isWord(w, W));
  if (bad >= 0) problems.push(`context entry ${bad} has id ${example.context[bad]}, not a word`);
  if (example.loss === 'ns' && example.context.length > 0) {
    problems.push(...negativeProblems(example, config, W));
  }
  if (!(Number.isFinite(example.lr) && example.lr >= 0)) {
    problems.push(`the learning rate must be finite and ≥ 0 (got ${example.lr})`);
  }
  return problems;
}

/**
 * Stream mode: the example through `kernel.exampleStep` at α = example.lr, with io as scratch.
 * Skip-gram pairs one after another (word2vec.c's SGD), CBOW one pair.
 *
 * @returns J summed over the example's pairs (float64)
 */
export function streamExample(kernel: Kernel, io: Float64Array, example: TrainingExample): number {
  io[IO_ALPHA0] = example.lr;
  io[IO_NEGATIVES] = negativesPerPair(example);
  io[IO_LOSS] = 0;
  io[IO_PAIRS] = 0;
  const { center, context, negatives } = example;
  kernel.exampleStep(center, context, 0, context.length, negatives, 0, io);
  return io[IO_LOSS]!;
}
