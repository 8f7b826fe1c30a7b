/**
 * The stages of the slow step (issue 4): pick centre → window → negatives, Huffman path or the
 * whole vocabulary → scores → probabilities → loss → gradients → update. Each stage names the
 * fields of an `ExampleTrace` (trace.ts) it shows, as dotted paths from the trace; a path through
 * an array means every element ("pairs.scoring.yHat" is ŷ of every pair).
 */
import type { LossId, ModelId } from '../types';

/** The names of the step-through stages, in order. */
export type StageId =
  | 'center'
  | 'window'
  | 'negatives'
  | 'path'
  | 'vocabulary'
  | 'scores'
  | 'probabilities'
  | 'loss'
  | 'gradients'
  | 'update';

/** One stage of the slow step: what it shows (trace field names). */
export interface TraceStage {
  readonly id: StageId;
  readonly title: string;
  readonly shows: readonly string[];
}

/** The slow step's stages for a model × loss (pick centre → … → update). */
export function traceStages(model: ModelId, loss: LossId): TraceStage[] {
  const third: Record<LossId, TraceStage> = {
    ns: { id: 'negatives', title: 'Draw K negatives per pair', shows: ['pairs.scoring.negatives'] },
    hs: {
      id: 'path',
      title: 'Walk the Huffman path',
      shows: ['pairs.scoring.nodes', 'pairs.scoring.codes'],
    },
    softmax: { id: 'vocabulary', title: 'Score every word', shows: ['pairs.scoring.scores'] },
  };
  const probs: Record<LossId, string[]> = {
    ns: ['pairs.scoring.sigmas'],
    hs: ['pairs.scoring.factors', 'pairs.scoring.pathProb'],
    softmax: [
      'pairs.scoring.yHat',
      'pairs.scoring.top',
      'pairs.scoring.trueRank',
      'pairs.scoring.trueProb',
    ],
  };
  return [
    {
      id: 'center',
      title: model === 'cbow' ? 'Pick the target word' : 'Pick the centre word',
      shows: ['center'],
    },
    {
      id: 'window',
      title: model === 'cbow' ? 'Average the context: h' : 'Take the window around c',
      shows: ['context', 'pairs.h'],
    },
    third[loss],
    { id: 'scores', title: 'Scores', shows: ['pairs.scoring.scores'] },
    { id: 'probabilities', title: 'Probabilities', shows: probs[loss] },
    { id: 'loss', title: 'Loss', shows: ['pairs.loss', 'totalLoss'] },
    {
      id: 'gradients',
      title: 'Gradients',
      shows: [
        loss === 'hs' ? 'pairs.scoring.g' : 'pairs.scoring.shared',
        'pairs.gradH',
        'outputRows.grad',
        'centerRows.grad',
      ],
    },
    { id: 'update', title: 'SGD update', shows: ['centerRows.update', 'outputRows.update'] },
  ];
}
