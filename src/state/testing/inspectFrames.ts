/**
 * Test-only fixtures for the panel tests: real traces of the core's hand-picked examples (6 words
 * "w0" … "w5"), wrapped in the worker's message shapes. Nothing outside the tests imports this file.
 */
import { traceExample, type ExampleTrace } from '../../core/index';
import {
  cbowExample,
  skipgramExample,
  weightsOf,
} from '../../core/inspect/testing/inspectFixtures';
import { kernelState } from '../../core/testing/engineFixtures';
import type { LossId, ModelId } from '../../core/types';
import type { InspectContext, InspectFrame } from '../../worker/protocol';

/** Words of the fixtures. */
export const FIXTURE_WORDS = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'];

/** Skip-gram: centre 1, outside [4, 0], NS negatives [2,5,3 | 3,3,5]; CBOW: [0,3,0] → 1, [2,5,2]. */
export function fixtureTrace(model: ModelId, loss: LossId): ExampleTrace {
  const fixture = kernelState({ W: 6, D: 5, loss, isCbow: model === 'cbow' });
  const example = model === 'cbow' ? cbowExample(loss) : skipgramExample(loss);
  return traceExample(example, weightsOf(fixture, loss), { cbowUpdate: 'exact' });
}

export function fixtureFrame(
  seq: number,
  state: InspectFrame['state'],
  runId = 1,
  trace: ExampleTrace = fixtureTrace('skipgram', 'ns'),
): InspectFrame {
  return { runId, seq, state, unitsDone: seq * 10, trace, weights: null };
}

export function fixtureContext(runId: number): InspectContext {
  return {
    runId,
    model: 'skipgram',
    loss: 'ns',
    mode: 'minibatch',
    cbowUpdate: 'exact',
    dim: 5,
    window: 2,
    negatives: 3,
    batch: 1,
    sample: 0,
    words: [...FIXTURE_WORDS],
    counts: Int32Array.of(6, 5, 4, 3, 2, 1),
    tokens: 21,
    tree: null,
    sampling: [],
  };
}
