/**
 * Stream mode, word2vec.c's schedule: read the corpus token by token, epoch after epoch;
 * sub-sample each sentence as it is entered; train every kept token as a centre word with a
 * radius drawn in 1…m; learning rate α_t = α₀ · max(1 − t/(epochs·T + 1), 10⁻⁴) with t the
 * number of in-vocabulary tokens read so far (sub-sampled ones included), as word2vec.c counts.
 *
 * The unit of work is the token read, so `train(n)` stops after exactly n tokens, possibly in the
 * middle of a sentence, and the next call continues there: the sub-sampled sentence stays in a
 * buffer and every random draw happens in the same order however the run is sliced, so
 * `train(1000)` and ten `train(100)` give bit-identical weights.
 *
 * The sentences come in blocks from a `StreamWork`: one run alone reads the whole corpus once per
 * epoch (`wholeCorpus`); runs on several threads share the blocks of a queue (team.ts), each
 * reading the blocks it takes, and count t over all of them.
 */
import type { Kernel } from './kernel';
import type { KernelState } from './kernelState';
import { IO_ALPHA0, IO_INV_DENOM, IO_LOSS, IO_NEGATIVES, IO_T_BASE, IO_WINDOW } from './kernel';
import { keepThresholds, keepToken } from './sampling';
import type { Corpus, TrainConfig } from './types';

/** Sentences first … end−1 of the corpus, read in epoch `epoch` (0-based). */
export interface SentenceBlock {
  readonly epoch: number;
  readonly first: number;
  readonly end: number;
}

/** Hands out the blocks a stream run reads, in order. */
export interface StreamWork {
  /** The next block, or null when there is no more work for this run. */
  next(): SentenceBlock | null;
}

/** The whole corpus of `sentences` sentences once per epoch: a run on its own. */
export function wholeCorpus(sentences: number, epochs: number): StreamWork {
  let epoch = 0;
  return {
    next: () => (epoch < epochs ? { epoch: epoch++, first: 0, end: sentences } : null),
  };
}

/** How a stream run is fed beyond its corpus (default: alone). */
export interface StreamFeed {
  /** Default `wholeCorpus(sentences, epochs)`. */
  work?: StreamWork;
  /**
   * t at the start of a `train` call: tokens read so far by every run of the team. Default: this
   * run's own `wordsProcessed`, so t is exactly the position in word2vec.c's single stream.
   */
  clock?: () => number;
  /**
   * A team thread's hot-row copies (hotRows.ts) merge with the shared rows every
   * HOT_MERGE_EVERY tokens on their own. true (the default: thread 0) merges them at the start
   * and the end of every `train` call as well: the copies start from the shared rows as they are
   * (other threads' steps, or a step the derivation panels applied), and the shared rows hold this
   * thread's steps whenever the trainer looks. A helper passes false and calls `mergeHot` itself
   * when it starts and stops (teamHelper.ts): its chunks are short, merges are not free.
   */
  mergeEachCall?: boolean;
}

/** Where a stream run stands. */
export class StreamRun {
  /** Epoch of the block being read (0-based); equals `epochs` once the work has run out. */
  epoch = 0;
  /** Tokens this run has read so far, all epochs: word2vec.c's word count t when alone. */
  wordsProcessed = 0;
  /** The block being read (null: no work left), the sentence in it and the next token. */
  private block: SentenceBlock | null = null;
  private sentence = 0;
  private token = 0;
  /**
   * The entered sentence after sub-sampling: ids, their positions (the kernel state's buffers,
   * so a WebAssembly kernel reads them in place), count, next centre.
   */
  private readonly sen: Int32Array;
  private readonly senT: Int32Array;
  private senLen = 0;
  private senNext = 0;
  private thresholds: Float64Array;
  /** The kernel's generator state (sub-sampling draws from it too). */
  private readonly rng: Uint32Array;
  private readonly work: StreamWork;
  private readonly clock: () => number;
  private readonly mergeEachCall: boolean;
  /** Tokens the whole run reads: tokens × epochs (of every thread, on a team). */
  readonly totalWords: number;

  constructor(
    private readonly corpus: Corpus,
    private readonly epochs: number,
    private readonly kernel: Kernel,
    state: KernelState,
    sample: number,
    feed: StreamFeed = {},
  ) {
    if (state.sen.length < longestSentence(corpus)) {
      throw new Error('the kernel state was sized for shorter sentences');
    }
    this.sen = state.sen;
    this.senT = state.senT;
    this.rng = state.rng;
    this.thresholds = keepThresholds(corpus.vocab.counts, corpus.tokens.length, sample);
    this.totalWords = corpus.tokens.length * epochs;
    this.work = feed.work ?? wholeCorpus(corpus.sentenceStarts.length - 1, epochs);
    this.clock = feed.clock ?? (() => this.wordsProcessed);
    this.mergeEachCall = feed.mergeEachCall ?? true;
    this.takeBlock();
  }

  get isDone(): boolean {
    return this.block === null;
  }

  /** Changes the sub-sampling threshold s from the next sentence entered on. */
  setSample(sample: number): void {
    this.thresholds = keepThresholds(this.corpus.vocab.counts, this.corpus.tokens.length, sample);
  }

  /** Fills the io block's stream fields for the current config (see kernel.ts). */
  configure(io: Float64Array, config: Readonly<TrainConfig>): void {
    io[IO_ALPHA0] = config.lr;
    io[IO_INV_DENOM] = 1 / (this.totalWords + 1);
    io[IO_WINDOW] = config.window;
    io[IO_NEGATIVES] = config.negatives;
  }

  /**
   * Reads up to n tokens (fewer only at the end of the work or on divergence), training as it
   * goes; the losses accumulate in io. Stops early when io's loss sum stops being finite.
   *
   * @returns tokens read
   */
  train(n: number, io: Float64Array): number {
    const starts = this.corpus.sentenceStarts;
    // t of the first token of the current sentence is t₀ + read − token (t₀: t at the call).
    const t0 = this.clock();
    if (this.mergeEachCall) this.mergeHot();
    let read = 0;
    while (read < n && this.block !== null) {
      const start = starts[this.sentence]!;
      const length = starts[this.sentence + 1]! - start;
      if (this.token === 0) this.enterSentence(start, length);
      const end = Math.min(length, this.token + (n - read));
      // Kept tokens whose original position lies before `end` are the centres of this span.
      let to = this.senNext;
      while (to < this.senLen && this.senT[to]! < end) to++;
      io[IO_T_BASE] = t0 + read - this.token;
      this.kernel.streamSpan(this.sen, this.senT, this.senLen, this.senNext, to, io);
      read += end - this.token;
      this.senNext = to;
      this.token = end;
      if (end === length) this.nextSentence();
      if (!Number.isFinite(io[IO_LOSS]!)) break;
    }
    if (this.mergeEachCall) this.mergeHot();
    this.wordsProcessed += read;
    return read;
  }

  /** Merges a team thread's hot-row copies with the shared rows now (nothing without copies). */
  mergeHot(): void {
    this.kernel.mergeHot?.();
  }

  /** Sub-samples the sentence tokens[start … start + length) into sen/senT. */
  private enterSentence(start: number, length: number): void {
    const { tokens } = this.corpus;
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const w = tokens[start + i]!;
      if (!keepToken(this.rng, this.thresholds[w]!)) continue;
      this.sen[kept] = w;
      this.senT[kept] = i;
      kept++;
    }
    this.senLen = kept;
    this.senNext = 0;
  }

  private nextSentence(): void {
    this.token = 0;
    this.sentence++;
    if (this.sentence >= this.block!.end) this.takeBlock();
  }

  /** Moves on to the next block of the work (empty blocks are passed over). */
  private takeBlock(): void {
    do this.block = this.work.next();
    while (this.block !== null && this.block.first >= this.block.end);
    this.epoch = this.block?.epoch ?? this.epochs;
    this.sentence = this.block?.first ?? 0;
  }
}

/** Tokens in the corpus's longest sentence (the size of the sentence buffers). */
export function longestSentence(corpus: Corpus): number {
  let longest = 0;
  const starts = corpus.sentenceStarts;
  for (let s = 0; s + 1 < starts.length; s++)
    longest = Math.max(longest, starts[s + 1]! - starts[s]!);
  return longest;
}
