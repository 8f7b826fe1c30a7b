/**
 * Hogwild training on several threads (word2vec.c's pthreads, in shared memory): every thread
 * runs stream mode on the SAME weights without locks, each on blocks of sentences it takes from a
 * shared queue. The pieces here are plain data over a small control block in the shared memory,
 * read and written with `Atomics` (pure JavaScript, no DOM), so Node and the browser's workers run
 * the same code:
 *
 *   Int32 words: command (park / run / stop), next block, blocks held, live-settings version,
 *                each thread's state (idle / running) and the sequence number of its slot;
 *   Float64:     each thread's slot (words read, loss sum, loss terms) and the live settings.
 *
 * A thread writes only its own slot (bracketed by its sequence number, so a reader never mixes
 * two writes); thread 0 (the trainer) writes the command and the live settings.
 */
import { ArenaCarver } from './kernelArena';
import type { SentenceBlock, StreamWork } from './streamMode';
import type { LiveConfig } from './types';

/** Most threads a team may have (slots in the control block). */
export const MAX_THREADS = 8;

/** Commands of thread 0 to the helpers. */
export const PARK = 0;
export const RUN = 1;
export const STOP = 2;

/** A thread's state word: between chunks and waiting, or inside a chunk of training. */
export const IDLE = 0;
export const RUNNING = 1;

const COMMAND = 0;
const NEXT_BLOCK = 1;
const HOLDING = 2;
const LIVE_VERSION = 3;
const STATE = 4;
const SEQ = STATE + MAX_THREADS;
const INT_WORDS = SEQ + MAX_THREADS;
/** Float64 slots: 3 per thread, then the live settings lr, window, negatives, sample. */
const SLOT_SIZE = 3;
const LIVE = SLOT_SIZE * MAX_THREADS;
const FLOATS = LIVE + 4;

/** Sentences per block: at least this many tokens each (the last block may hold fewer). */
export const BLOCK_WORDS = 4096;

/** The control block's views (see the top of this file). */
export interface TeamControl {
  readonly ints: Int32Array;
  readonly floats: Float64Array;
}

/** Bytes of the control block. */
export function teamControlBytes(): number {
  const carver = new ArenaCarver(null);
  carver.i32(INT_WORDS);
  carver.f64(FLOATS);
  return carver.bytes;
}

/** The control block at `byteOffset` of `buffer` (zero-filled: parked, queue at block 0). */
export function teamControl(buffer: ArrayBufferLike, byteOffset: number): TeamControl {
  const carver = new ArenaCarver({ buffer, byteOffset });
  return { ints: carver.i32(INT_WORDS), floats: carver.f64(FLOATS) };
}

/**
 * Cuts the corpus's sentences into blocks of whole sentences holding at least `blockWords` tokens
 * each (the last may hold fewer). Returns the sentence indices where blocks start, then the
 * number of sentences: block b is sentences [result[b], result[b + 1]).
 *
 * @param sentenceStarts - the corpus's (length = sentences + 1, last = tokens)
 */
export function sentenceBlocks(sentenceStarts: Int32Array, blockWords = BLOCK_WORDS): Int32Array {
  const sentences = sentenceStarts.length - 1;
  const bounds = [0];
  let blockStart = sentenceStarts[0] ?? 0;
  for (let s = 1; s < sentences; s++) {
    if (sentenceStarts[s]! - blockStart < blockWords) continue;
    bounds.push(s);
    blockStart = sentenceStarts[s]!;
  }
  if (sentences > 0) bounds.push(sentences);
  return Int32Array.from(bounds);
}

export function command(control: TeamControl): number {
  return Atomics.load(control.ints, COMMAND);
}

/** Sets the command and wakes every helper waiting for a change. */
export function setCommand(control: TeamControl, next: number): void {
  Atomics.store(control.ints, COMMAND, next);
  Atomics.notify(control.ints, COMMAND);
}

/**
 * Blocks the calling thread while the command is `current` (at most `timeoutMs`). Only where
 * blocking is allowed: Node, and workers (not a page's main thread).
 */
export function waitForCommand(control: TeamControl, current: number, timeoutMs = Infinity): void {
  Atomics.wait(control.ints, COMMAND, current, timeoutMs);
}

/** Marks thread t idle or running (idle wakes whoever waits for the team to settle). */
export function setState(control: TeamControl, t: number, state: number): void {
  Atomics.store(control.ints, STATE + t, state);
  if (state === IDLE) Atomics.notify(control.ints, STATE + t);
}

/**
 * Waits until threads 1 … threads−1 are idle (after `setCommand(PARK)`: each finishes its chunk),
 * at most `timeoutMs` in all; true when they are. A helper marks itself running BEFORE reading
 * the command, so one seen idle after the command changed stays out of the weights.
 */
export function waitUntilIdle(control: TeamControl, threads: number, timeoutMs = 5000): boolean {
  const deadline = Date.now() + timeoutMs;
  for (let t = 1; t < threads; t++) {
    while (Atomics.load(control.ints, STATE + t) !== IDLE) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(control.ints, STATE + t, RUNNING, Math.min(left, 50));
    }
  }
  return true;
}

/** What a thread has done so far: its slot. */
export interface ThreadTotals {
  words: number;
  lossSum: number;
  lossCount: number;
}

/** Writes thread t's totals (the sequence number is odd while the values change). */
export function publish(control: TeamControl, t: number, totals: ThreadTotals): void {
  Atomics.add(control.ints, SEQ + t, 1);
  const at = SLOT_SIZE * t;
  control.floats[at] = totals.words;
  control.floats[at + 1] = totals.lossSum;
  control.floats[at + 2] = totals.lossCount;
  Atomics.add(control.ints, SEQ + t, 1);
}

/** Reads thread t's totals as one consistent write (retries while the slot is being written). */
export function readTotals(control: TeamControl, t: number): ThreadTotals {
  const at = SLOT_SIZE * t;
  for (;;) {
    const before = Atomics.load(control.ints, SEQ + t);
    const words = control.floats[at]!;
    const lossSum = control.floats[at + 1]!;
    const lossCount = control.floats[at + 2]!;
    if ((before & 1) === 0 && Atomics.load(control.ints, SEQ + t) === before) {
      return { words, lossSum, lossCount };
    }
  }
}

/** Tokens read by the whole team: word2vec.c's word_count_actual, the clock of the rate. */
export function teamWords(control: TeamControl, threads: number): number {
  let words = 0;
  for (let t = 0; t < threads; t++) words += readTotals(control, t).words;
  return words;
}

/**
 * The blocks of every epoch, as a queue the team shares: block b of the queue is block
 * b mod B of `blocks` (B of them) in epoch ⌊b / B⌋, so the epochs come one after another. While a
 * thread holds a block it counts in `HOLDING` (raised before taking, lowered after finishing), so
 * an empty queue with nothing held means every token has been read.
 */
export function blockQueue(control: TeamControl, blocks: Int32Array, epochs: number): StreamWork {
  const perEpoch = blocks.length - 1;
  const total = perEpoch * epochs;
  const { ints } = control;
  let isHolding = false;
  const release = (): void => {
    Atomics.sub(ints, HOLDING, 1);
    Atomics.notify(ints, HOLDING);
  };
  return {
    next(): SentenceBlock | null {
      if (isHolding) release();
      Atomics.add(ints, HOLDING, 1);
      const b = Atomics.add(ints, NEXT_BLOCK, 1);
      isHolding = b < total;
      if (!isHolding) {
        release();
        return null;
      }
      const k = b % perEpoch;
      return { epoch: Math.floor(b / perEpoch), first: blocks[k]!, end: blocks[k + 1]! };
    },
  };
}

/** True when the queue is empty and no thread holds a block: the whole run has been read. */
export function isQueueDone(control: TeamControl, blocks: Int32Array, epochs: number): boolean {
  const total = (blocks.length - 1) * epochs;
  return (
    Atomics.load(control.ints, NEXT_BLOCK) >= total && Atomics.load(control.ints, HOLDING) === 0
  );
}

/** Threads holding a block now. */
export function heldBlocks(control: TeamControl): number {
  return Atomics.load(control.ints, HOLDING);
}

/** Waits (at most `timeoutMs`) for the number of held blocks to change from `held`. */
export function waitForRelease(control: TeamControl, timeoutMs: number): void {
  const held = Atomics.load(control.ints, HOLDING);
  if (held > 0) Atomics.wait(control.ints, HOLDING, held, timeoutMs);
}

/** The live settings every thread trains with (lr, window, negatives, sample). */
export type TeamLive = Required<Pick<LiveConfig, 'lr' | 'window' | 'negatives' | 'sample'>>;

/** Thread 0 writes the live settings; helpers pick them up before their next chunk. */
export function writeLive(control: TeamControl, live: TeamLive): void {
  Atomics.add(control.ints, LIVE_VERSION, 1);
  control.floats.set([live.lr, live.window, live.negatives, live.sample], LIVE);
  Atomics.add(control.ints, LIVE_VERSION, 1);
}

/** The live settings if they changed since `version` (and are not being written): else null. */
export function readLive(
  control: TeamControl,
  version: number,
): { version: number; live: TeamLive } | null {
  const before = Atomics.load(control.ints, LIVE_VERSION);
  if (before === version || (before & 1) === 1) return null;
  const [lr, window, negatives, sample] = control.floats.subarray(LIVE, LIVE + 4);
  if (Atomics.load(control.ints, LIVE_VERSION) !== before) return null;
  return {
    version: before,
    live: { lr: lr!, window: window!, negatives: negatives!, sample: sample! },
  };
}
