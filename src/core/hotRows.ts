/**
 * Hot rows of a Hogwild team (team.ts). Every thread of a team updates the rows of the most
 * frequent words all the time: negative sampling draws them again and again as noise words, and
 * under hierarchical softmax the inner nodes next to the root lie on every path. Two cores writing
 * the same rows hand their cache lines back and forth on every step. So each thread of a team
 * trains its hot rows in a copy of its own and merges it with the shared weights every
 * `HOT_MERGE_EVERY` tokens, and when it starts and stops: thread 0 at the start and end of every
 * `train` call, a helper when it resumes and before it goes idle (local SGD on these rows,
 * Hogwild on the rest):
 *
 *   G += L − S;  L = S = G      (G: shared rows, L: the thread's copy, S: L at the last merge)
 *
 * Every step of every thread reaches G; a thread sees another's steps on a hot row within one merge
 * interval. The WebAssembly kernel implements it (wasm/hot.ts); the TypeScript reference kernel
 * and a single thread train the shared rows directly.
 */
import type { ArenaCarver } from './kernelArena';
import { LOSS_HS, LOSS_SOFTMAX } from './kernelState';

/**
 * Hot rows per matrix: the centre rows of the most frequent words and as many output rows. On
 * the State of the Union (11,101 words, sample 1e-3), the 4,096 most frequent words are 93 % of
 * the tokens kept and 85 % of the noise draws (the first version's 64 covered 29 % and 23 %).
 * The cost is memory: 4 copies of 4,096 rows per thread, 6.6 MB at d = 100.
 *
 * Why so many: the two virtual cores of the development machine sometimes share a level-3 cache
 * and sometimes do not. A cache line handed from one core to the other then takes about 335 ns
 * instead of 60 ns (a ping-pong test, alternating between the two from one minute to the next),
 * and every row the other thread wrote last is such a hand-over. With 64 hot rows, two threads
 * ran at half speed in those minutes; with 4,096, each thread's row traffic stays in its own
 * cache between merges.
 */
export const HOT_WORDS = 4096;
/**
 * Kept tokens a thread trains between merges. A merge reads and writes the copies, snapshots and
 * shared rows of both matrices (6 × 1.6 MB at d = 100): here about every 12 ms of a thread's
 * training. Rarer merges cost quality, because each thread chases gradients the other has already
 * followed: with every 16,384 tokens, two threads on Moby Dick (d = 50, 2 epochs) ended with a
 * loss 1–10 % above one thread's; with 8,192, 0.3–0.5 % (src/worker/teamWorkers.test.ts allows 3 %).
 */
export const HOT_MERGE_EVERY = 8192;

/** A thread's copies of the hot rows and their snapshots, in the team's shared memory. */
export interface HotRows {
  /** Rows per matrix, and the first hot output row (0 for NS; for HS the last `rows` nodes). */
  readonly rows: number;
  readonly outFirst: number;
  readonly centre: Float32Array;
  readonly out: Float32Array;
  readonly centreSnap: Float32Array;
  readonly outSnap: Float32Array;
}

/** What decides the hot rows: d, vocabulary size, output rows, and the loss code (kernelState). */
export interface HotShape {
  readonly dim: number;
  readonly words: number;
  readonly outRows: number;
  /** The loss code (kernelState's LOSS_…): NS's output rows are words, HS's inner nodes. */
  readonly loss: number;
}

/**
 * How many rows are hot: HOT_WORDS, at most the vocabulary and the output rows. Full softmax
 * writes every output row on every step, so a copy would not save anything there: none.
 */
export function hotRowCount(shape: HotShape): number {
  if (shape.loss === LOSS_SOFTMAX) return 0;
  return Math.max(0, Math.min(HOT_WORDS, shape.words, shape.outRows));
}

/** The first hot output row: the most frequent words (NS) or the nodes nearest the root (HS). */
export function hotOutFirst(shape: HotShape, rows: number): number {
  return shape.loss === LOSS_HS ? shape.outRows - rows : 0;
}

/** Cuts a thread's hot copies from `carver` (a null arena only counts the bytes). */
export function carveHot(shape: HotShape, carver: ArenaCarver): HotRows {
  const rows = hotRowCount(shape);
  const n = rows * shape.dim;
  return {
    rows,
    outFirst: hotOutFirst(shape, rows),
    centre: carver.f32(n),
    out: carver.f32(n),
    centreSnap: carver.f32(n),
    outSnap: carver.f32(n),
  };
}
