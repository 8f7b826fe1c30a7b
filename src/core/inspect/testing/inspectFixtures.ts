/**
 * Test-only fixtures for the inspect tests: the engine fixture's weights as a trace reads them and
 * two hand-picked examples over 6 words. Nothing outside the tests imports this file.
 */
import type { KernelFixture } from '../../testing/engineFixtures';
import type { LossId } from '../../types';
import type { TrainingExample } from '../example';
import type { InspectWeights } from '../trace';

/** d of the fixtures. */
export const FIXTURE_DIM = 5;
/** α of the fixture examples. */
export const FIXTURE_LR = 0.1;

/** The engine fixture's matrices as the trace reads them. */
export function weightsOf(fixture: KernelFixture, loss: LossId): InspectWeights {
  const { state, tree } = fixture;
  return {
    centerVecs: state.centerVecs,
    outsideVecs: loss === 'hs' ? null : state.outVecs,
    nodeVecs: loss === 'hs' ? state.outVecs : null,
    tree,
    dim: FIXTURE_DIM,
  };
}

/** Skip-gram: centre 1, outside [4, 0], negatives [2,5,3 | 3,3,5] (repeats, and 3 twice). */
export function skipgramExample(loss: LossId): TrainingExample {
  const negatives = loss === 'ns' ? Int32Array.of(2, 5, 3, 3, 3, 5) : new Int32Array(0);
  return {
    model: 'skipgram',
    loss,
    center: 1,
    context: Int32Array.of(4, 0),
    negatives,
    lr: FIXTURE_LR,
  };
}

/** CBOW: context [0, 3, 0] → centre 1 (word 0 twice), negatives [2, 5, 2]. */
export function cbowExample(loss: LossId): TrainingExample {
  const negatives = loss === 'ns' ? Int32Array.of(2, 5, 2) : new Int32Array(0);
  return {
    model: 'cbow',
    loss,
    center: 1,
    context: Int32Array.of(0, 3, 0),
    negatives,
    lr: FIXTURE_LR,
  };
}
