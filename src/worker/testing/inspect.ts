/**
 * Test helpers for the derivation panels' feed: a recording listener, the examples it received,
 * and the checks that a frame's displayed update is the weight change the engine made.
 */
import { expect } from 'vitest';
import type { TrainingExample } from '../../core/inspect/example';
import { SKIPPED } from '../../core/inspect/example';
import type { ExampleTrace, RowChange } from '../../core/inspect/trace';
import type { InspectContext, InspectFrame, InspectMessage } from '../protocol';
import type { Harness } from './harness';

/** Registers a listener recording every message (with the clock reading `at()` when it came). */
export function listen(h: Harness, at: () => number = () => 0) {
  const messages: { message: InspectMessage; at: number }[] = [];
  h.trainer.setInspectListener((message) => messages.push({ message, at: at() }));
  const contexts = (): InspectContext[] =>
    messages.flatMap(({ message }) => (message.kind === 'context' ? [message.context] : []));
  const examples = (): InspectFrame[] =>
    messages.flatMap(({ message }) => (message.kind === 'example' ? [message.frame] : []));
  const exampleTimes = (): number[] =>
    messages.filter(({ message }) => message.kind === 'example').map(({ at: t }) => t);
  return { messages, contexts, examples, exampleTimes };
}

/** Opens the panels' feed. */
export async function open(h: Harness, wantsWeights = false): Promise<void> {
  await h.trainer.setInspect({ isOpen: true, wantsWeights });
}

/**
 * The example behind a trace (the panel model is a function of it): its negatives are each
 * pair's scored negatives, padded back to K with SKIPPED (the draws word2vec.c left out).
 */
export function exampleOf(trace: ExampleTrace, K: number): TrainingExample {
  const negatives: number[] = [];
  for (const pair of trace.pairs) {
    if (pair.scoring.kind !== 'ns') continue;
    const drawn = Array.from(pair.scoring.negatives);
    negatives.push(...drawn, ...Array<number>(K - drawn.length).fill(SKIPPED));
  }
  const { model, loss, center, context, lr } = trace;
  return { model, loss, center, context, negatives: Int32Array.from(negatives), lr };
}

function largest(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

/**
 * after − before is the rows' update, to float32 rounding and the σ table's 2e-7 (relative to
 * the row, the update and α times the largest weight); every other row is bit-for-bit the same.
 */
export function expectMovedBy(
  before: Float32Array,
  after: Float32Array,
  rows: readonly RowChange[],
  d: number,
  lr: number,
): void {
  const listed = new Map(rows.map((r) => [r.row, r.update]));
  const floor = lr * (largest(before) + 1);
  let moved = 0;
  for (let r = 0; r < before.length / d; r++) {
    const update = listed.get(r);
    const rowBefore = before.subarray(r * d, r * d + d);
    const rowAfter = after.subarray(r * d, r * d + d);
    if (!update) {
      expect(rowAfter).toEqual(rowBefore);
      continue;
    }
    const tol = 1e-6 * (largest(rowBefore) + largest(update) + floor);
    for (let i = 0; i < d; i++) {
      expect(Math.abs(rowAfter[i]! - rowBefore[i]! - update[i]!)).toBeLessThanOrEqual(tol);
    }
    if (largest(update) > 0) moved++;
  }
  expect(moved).toBeGreaterThan(0);
}

/** Both matrices of `before` moved to `after` by the frame's trace. */
export function expectFrameApplied(frame: InspectFrame, after: InspectFrame, d: number): void {
  const { weights, trace } = frame;
  if (!weights || !after.weights) throw new Error('the frames carry no weights');
  expectMovedBy(weights.center, after.weights.center, trace.centerRows, d, trace.lr);
  expectMovedBy(weights.output, after.weights.output, trace.outputRows, d, trace.lr);
}
