/**
 * Test-only fixtures for the training-engine tests: hand-built corpora, kernel states with chosen
 * weights, and float64 copies for the teaching API. Nothing in the engine imports this file.
 */
import { buildHuffmanTree } from '../huffman';
import type { KernelState } from '../kernelState';
import { createKernelState } from '../kernelState';
import { createRng } from '../rng';
import { noiseAliasTable } from '../sampling';
import { IO_ALPHA0, IO_INV_DENOM, IO_NEGATIVES, IO_SIZE, IO_WINDOW } from '../kernelState';
import { naiveSoftmaxLossAndGradient } from '../naiveSoftmax';
import type { PairLoss } from '../pairLoss';
import type { Corpus, HuffmanTree, LossId } from '../types';
import { withNegatives, withTree } from '../windowModels';

/**
 * A corpus over words "w0" … "w{W−1}" from sentences of word ids. Counts are given (they must be
 * sorted descending, as a real vocabulary is) or counted from the sentences.
 */
export function handCorpus(sentences: number[][], W: number, counts?: number[]): Corpus {
  const tally =
    counts ?? Array.from({ length: W }, (_, w) => sentences.flat().filter((x) => x === w).length);
  const words = Array.from({ length: W }, (_, w) => `w${w}`);
  const starts = [0];
  for (const s of sentences) starts.push(starts[starts.length - 1]! + s.length);
  return {
    vocab: {
      words,
      counts: Float64Array.from(tally),
      index: new Map(words.map((w, i) => [w, i])),
      totalCount: tally.reduce((a, b) => a + b, 0),
    },
    tokens: Int32Array.from(sentences.flat()),
    sentenceStarts: Int32Array.from(starts),
  };
}

/** rows×d float32 entries uniform in [−scale, scale) from a seed. */
export function randomF32(seed: number, rows: number, d: number, scale: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * d }, () => (2 * rng.next() - 1) * scale);
}

/** What `kernelState` builds: the state plus the tree it used (hs). */
export interface KernelFixture {
  state: KernelState;
  tree: HuffmanTree | null;
}

/**
 * A kernel state over W words and d dimensions with random (non-zero) weights in both matrices,
 * so every gradient term is exercised. `noise` is the negative-sampling table to use (e.g. one
 * repeated word, to make the negatives known in advance).
 */
export function kernelState(options: {
  W: number;
  D: number;
  loss: LossId;
  isCbow: boolean;
  isCbowExact?: boolean;
  counts?: number[];
  noise?: number[];
  seed?: number;
  isPipelined?: boolean;
}): KernelFixture {
  const { W, D, loss } = options;
  const seed = options.seed ?? 7;
  const counts = options.counts ?? Array.from({ length: W }, (_, w) => W - w);
  const tree = loss === 'hs' ? buildHuffmanTree(counts) : null;
  const state = createKernelState({
    words: W,
    dim: D,
    isCbow: options.isCbow,
    isCbowExact: options.isCbowExact ?? true,
    loss,
    hasGradients: true,
    isPipelined: options.isPipelined ?? true,
    noise: noiseAliasTable(Int32Array.from(options.noise ?? [0]), W),
    tree,
    rng: createRng(seed + 2).getState(),
  });
  state.centerVecs.set(randomF32(seed, W, D, 0.5));
  state.outVecs.set(randomF32(seed + 1, state.outRows, D, 0.5));
  return { state, tree };
}

/** x − alpha · g, entrywise, in float64 (the SGD step the engine should have taken). */
export function sgdStep(x: ArrayLike<number>, g: ArrayLike<number>, alpha: number): Float64Array {
  return Float64Array.from({ length: x.length }, (_, i) => x[i]! - alpha * g[i]!);
}

/** io block for one stream step at a constant learning rate (no decay), radius 1, K negatives. */
export function streamIo(K: number, lr = 0.1): Float64Array {
  const io = new Float64Array(IO_SIZE);
  io[IO_ALPHA0] = lr;
  io[IO_INV_DENOM] = 0;
  io[IO_WINDOW] = 1;
  io[IO_NEGATIVES] = K;
  return io;
}

/** The teaching-API pair loss matching a fixture; `negs(j)` gives pair j's negatives (ns). */
export function teachingLoss(
  loss: LossId,
  fixture: KernelFixture,
  negs: (j: number) => number[],
): PairLoss {
  if (loss === 'ns') return withNegatives((_target, j) => negs(j));
  if (loss === 'hs') return withTree(fixture.tree!);
  return naiveSoftmaxLossAndGradient;
}
