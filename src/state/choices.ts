/**
 * The choices of the selects, one table per axis of variation (STYLE rule 3): models, losses,
 * training modes, CBOW update rules and the built-in corpora, each with its display name and a
 * one-line explanation. registry.ts re-exports them next to the settings table.
 */
import type { CbowUpdateId, LossId, ModeId, ModelId } from '../core/types';
import type { BuiltinCorpusId } from '../worker/protocol';

/** One choice of a select: its id, its display name and a one-line explanation. */
export interface ChoiceInfo<Id extends string> {
  id: Id;
  label: string;
  explain: string;
}

export const MODELS: readonly ChoiceInfo<ModelId>[] = [
  { id: 'skipgram', label: 'skip-gram', explain: 'Each word predicts the words around it.' },
  {
    id: 'cbow',
    label: 'CBOW',
    explain: 'The words around a gap, averaged, predict the word in it.',
  },
];

export const LOSSES: readonly ChoiceInfo<LossId>[] = [
  {
    id: 'ns',
    label: 'negative sampling',
    explain: 'Tell the true neighbour apart from K random words: fast, and what most people use.',
  },
  {
    id: 'hs',
    label: 'hierarchical softmax',
    explain: 'Find the word by a path of yes/no questions down a tree of the vocabulary.',
  },
  {
    id: 'softmax',
    label: 'full softmax',
    explain: 'Score every word of the vocabulary for every prediction: exact but slow.',
  },
];

export const MODES: readonly ChoiceInfo<ModeId>[] = [
  {
    id: 'stream',
    label: 'word2vec.c stream',
    explain: 'Read the text word by word, one small update per word pair (the original program).',
  },
  {
    id: 'minibatch',
    label: 'CS224n minibatches',
    explain:
      'Average the gradient over a batch of random windows, then take one step (the course).',
  },
];

export const CBOW_UPDATES: readonly ChoiceInfo<CbowUpdateId>[] = [
  {
    id: 'word2vec',
    label: 'word2vec.c rule',
    explain: 'Every context word gets the whole step, as the original program does.',
  },
  {
    id: 'exact',
    label: 'exact gradient',
    explain: 'Every context word gets its share of the step (the step divided by their number).',
  },
];

const MODEL_LABEL = new Map(MODELS.map((m) => [m.id, m.label]));
const LOSS_LABEL = new Map(LOSSES.map((l) => [l.id, l.label]));

/** "skip-gram", "CBOW". */
export function modelLabel(id: ModelId): string {
  return MODEL_LABEL.get(id) ?? id;
}

/** "negative sampling", "hierarchical softmax", "full softmax". */
export function lossLabel(id: LossId): string {
  return LOSS_LABEL.get(id) ?? id;
}

/** The built-in corpora, as the Corpus select lists them. */
export interface CorpusChoiceInfo extends ChoiceInfo<BuiltinCorpusId> {
  /**
   * Passes over the text that choosing it sets (stream mode): enough to see groups form in a
   * lesson — the small teaching corpus needs many, the long texts a few (about a minute each).
   */
  epochs: number;
}

export const CORPORA: readonly CorpusChoiceInfo[] = [
  {
    id: 'teaching',
    label: 'Teaching corpus',
    explain:
      'Short sentences written for this app, with clear word groups: clusters form in seconds.',
    epochs: 200,
  },
  {
    id: 'moby',
    label: 'Moby Dick',
    explain: 'Herman Melville’s long novel about a whale hunt: ships, the sea and obsession.',
    epochs: 20,
  },
  {
    id: 'sotu',
    label: 'State of the Union addresses',
    explain: 'Speeches of US presidents to Congress since 1790: government, war, money, people.',
    epochs: 3,
  },
];
