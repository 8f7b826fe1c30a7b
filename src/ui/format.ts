/**
 * Text for the readouts and the status line, as pure functions of a frame (Vitest checks them).
 */
import { format } from 'd3-format';
import type { TrainConfig } from '../core/types';
import type { CorpusInfo, Frame } from '../worker/protocol';
import { LOSS_LABELS, MODEL_LABELS } from './labels';

const groupedInteger = format(',d');
const siRate = format('.3~s');
const fourDigits = format('.4~g');

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return groupedInteger(Math.round(value));
}

/** 180400 → "180k"; 0 → "0". */
export function formatRate(value: number): string {
  return value > 0 ? siRate(value) : '0';
}

/** A loss or a learning rate: four significant digits; "—" when not a number yet. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return '—';
  return Number.isFinite(value) ? fourDigits(value) : String(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "skip-gram with negative sampling". */
export function describeModel(config: Pick<TrainConfig, 'model' | 'loss'>): string {
  return `${MODEL_LABELS[config.model]} with ${LOSS_LABELS[config.loss]}`;
}

/** "epoch 2 of 5, 12,345 words" (stream) or "iteration 1,234 of 40,000" (minibatch). */
export function describeProgress(frame: Frame): string {
  if (frame.mode === 'minibatch') {
    return `iteration ${formatCount(frame.unitsDone)} of ${formatCount(frame.unitsTotal)}`;
  }
  const epoch = Math.min(frame.epoch + 1, frame.epochs);
  return `epoch ${epoch} of ${frame.epochs}, ${formatCount(frame.words)} words`;
}

/** What the status line says. `corpus` and `config` are null until the corpus has loaded. */
export function describeRun(
  frame: Frame | null,
  corpus: CorpusInfo | null,
  config: TrainConfig | null,
): string {
  if (frame?.status === 'error') return `Error: ${frame.message}.`;
  if (!frame || !corpus || !config) return 'Loading the corpus…';
  const what = `${describeModel(config)} on ${corpus.name}`;
  const unitName = frame.unit === 'word' ? 'words' : 'iterations';
  switch (frame.status) {
    case 'idle':
      return `Ready to train ${what} (${formatCount(corpus.tokens)} tokens, ${formatCount(corpus.vocabSize)} distinct words). Press play.`;
    case 'training': {
      // The speed is unknown until the second frame of a run; say nothing rather than "0".
      const speed = frame.throughput > 0 ? `, ${formatRate(frame.throughput)} ${unitName}/s` : '';
      return `Training ${what} — ${describeProgress(frame)}${speed}`;
    }
    case 'paused':
      return `Paused — ${describeProgress(frame)}. Press play to continue, or step to train one ${frame.unit}.`;
    case 'done':
      return `Finished — ${describeProgress(frame)}; smoothed loss ${formatValue(frame.smoothedLoss)}. Press play to train again.`;
    case 'diverged':
      return `${capitalise(frame.message)}.`;
  }
}
