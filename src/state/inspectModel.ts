/**
 * The derivation panels' view model: pure functions from one traced example (InspectFrame) and
 * the run's facts (InspectContext) to the plain records the panels print. No DOM, no formatting:
 * every number here is a number of the trace (or one line of arithmetic on it), so the tests can
 * check each displayed value against the trace.
 */
import type { PairTrace, RowChange } from '../core/index';
import type { InspectContext, InspectFrame } from '../worker/protocol';

/** A word by id; `#id` if the vocabulary does not have it (a stale context). */
export function wordOf(context: InspectContext, id: number): string {
  return context.words[id] ?? `#${id}`;
}

/** The frame if it belongs to the context's run, else null (a new model waits for its first example). */
export function currentFrame(
  context: InspectContext | null,
  frame: InspectFrame | null,
): InspectFrame | null {
  return context && frame && frame.runId === context.runId ? frame : null;
}

function norm(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum);
}

/** What the model panel shows. */
export interface ExampleSummary {
  W: number;
  d: number;
  /** Rows of the output matrix: W (u) or W − 1 (θ). */
  outputRows: number;
  /** The centre word c (skip-gram) or the target w_t (CBOW). */
  centerWord: string;
  /** The context words, in sentence order. */
  contextWords: string[];
  /** ‖h‖ of the first pair (h = v_c, or the CBOW context mean). */
  hNorm: number;
}

export function exampleSummary(frame: InspectFrame, context: InspectContext): ExampleSummary {
  const { trace } = frame;
  const W = context.words.length;
  return {
    W,
    d: context.dim,
    outputRows: trace.loss === 'hs' ? W - 1 : W,
    centerWord: wordOf(context, trace.center),
    contextWords: Array.from(trace.context, (w) => wordOf(context, w)),
    hNorm: norm(trace.pairs[0]?.h ?? []),
  };
}

/** Pair `index`, or the first when the example has fewer pairs. */
export function pairAt(frame: InspectFrame, index: number): PairTrace {
  return frame.trace.pairs[index] ?? frame.trace.pairs[0]!;
}

/** The part every per-pair record shares. */
export interface PairSummary {
  index: number;
  target: string;
  loss: number;
  gradHNorm: number;
}

export function pairSummary(pair: PairTrace, context: InspectContext): PairSummary {
  const { index, loss, gradHNorm } = pair;
  return { index, target: wordOf(context, pair.target), loss, gradHNorm };
}

/** A matrix row the example changes. */
export interface RowSummary {
  matrix: RowChange['matrix'];
  row: number;
  /** The word, or "node n" for θ_n. */
  label: string;
  gradNorm: number;
  updateNorm: number;
}

function rowSummary(change: RowChange, context: InspectContext): RowSummary {
  const { matrix, row, gradNorm, updateNorm } = change;
  const label = matrix === 'node' ? `node ${row}` : wordOf(context, row);
  return { matrix, row, label, gradNorm, updateNorm };
}

export interface WindowSummary {
  pairs: PairSummary[];
  totalLoss: number;
  /** v_c (skip-gram) or each distinct context word (CBOW), with its gradient and update. */
  centerRows: RowSummary[];
  /** |C|: the context words of the example. */
  contextSize: number;
}

export function windowSummary(frame: InspectFrame, context: InspectContext): WindowSummary {
  const { trace } = frame;
  return {
    pairs: trace.pairs.map((p) => pairSummary(p, context)),
    totalLoss: trace.totalLoss,
    centerRows: trace.centerRows.map((r) => rowSummary(r, context)),
    contextSize: trace.context.length,
  };
}

export interface UpdateSummary {
  /** α of this example's step (minibatch: the iteration's step divided by B). */
  lr: number;
  /** The step of a whole iteration, α (minibatch) — equal to `lr` in stream mode. */
  iterationLr: number;
  /** Centre rows, then the output rows with the largest updates. */
  rows: RowSummary[];
  /** Output rows changed but not listed. */
  hiddenRows: number;
}

/** The example's SGD step: the rows it changes (at most `limit` output rows, largest first). */
export function updateSummary(
  frame: InspectFrame,
  context: InspectContext,
  limit: number,
): UpdateSummary {
  const { trace } = frame;
  const output = [...trace.outputRows].sort((a, b) => b.updateNorm - a.updateNorm);
  const shown = output.slice(0, limit);
  return {
    lr: trace.lr,
    iterationLr: context.mode === 'minibatch' ? trace.lr * context.batch : trace.lr,
    rows: [...trace.centerRows, ...shown].map((r) => rowSummary(r, context)),
    hiddenRows: output.length - shown.length,
  };
}

/** word2vec.c: probability of keeping one occurrence, min(1, (√(f/s) + 1)·s/f), f = count/T. */
export function keepProbability(count: number, tokens: number, sample: number): number {
  if (!(sample > 0) || !(count > 0)) return 1;
  const f = count / tokens;
  return Math.min(1, (Math.sqrt(f / sample) + 1) * (sample / f));
}

/** CS224n: probability of dropping one occurrence, max(0, 1 − √(s·T/count)). */
export function rejectProbability(count: number, tokens: number, sample: number): number {
  if (!(count > 0)) return 0;
  return Math.max(0, 1 - Math.sqrt((sample * tokens) / count));
}

/** Sub-sampling of the example's centre word under the run's rule. */
export interface CenterSampling {
  word: string;
  count: number;
  /** Share of the tokens, f = count/T. */
  share: number;
  keep: number;
  reject: number;
}

export function centerSampling(frame: InspectFrame, context: InspectContext): CenterSampling {
  const id = frame.trace.center;
  const count = context.counts[id] ?? 0;
  const { tokens, sample } = context;
  return {
    word: wordOf(context, id),
    count,
    share: tokens > 0 ? count / tokens : 0,
    keep: keepProbability(count, tokens, sample),
    reject: rejectProbability(count, tokens, sample),
  };
}
