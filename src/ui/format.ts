/**
 * Text for the readouts and the status line, as pure functions of a frame (Vitest checks them).
 */
import { format } from 'd3-format';
import type { TrainConfig } from '../core/types';
import type { CorpusInfo, Frame, RunStatus } from '../worker/protocol';
import { lossLabel, modelLabel } from '../state/registry';

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

/** The throughput readout: "180k words/s on 1 thread", "1.02M words/s on 2 threads". */
export function formatThroughput(frame: Frame): string {
  const threads = `${frame.threads} thread${frame.threads === 1 ? '' : 's'}`;
  return `${formatRate(frame.throughput)} ${frame.unit}s/s on ${threads}`;
}

/** Seconds left → "2 min 5 s", "45 s", "1 h 3 min"; "—" when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Time left in the run at the current speed ("—" while not training). */
export function formatEta(frame: Frame): string {
  if (frame.status !== 'training' || frame.throughput <= 0) return '—';
  return formatDuration((frame.unitsTotal - frame.unitsDone) / frame.throughput);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "skip-gram with negative sampling". */
export function describeModel(config: Pick<TrainConfig, 'model' | 'loss'>): string {
  return `${modelLabel(config.model)} with ${lossLabel(config.loss)}`;
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
    case 'loading':
      return frame.message ? `${capitalise(frame.message)}…` : 'Loading the corpus…';
    case 'idle':
      return `Ready to train ${what} (${formatCount(corpus.tokens)} tokens, ${formatCount(corpus.vocabSize)} distinct words). Press play.`;
    case 'training': {
      // The speed is unknown until the second frame of a run; say nothing rather than "0".
      const threads = frame.threads > 1 ? ` on ${frame.threads} threads` : '';
      const speed =
        frame.throughput > 0 ? `, ${formatRate(frame.throughput)} ${unitName}/s${threads}` : '';
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

/** The page's situation as the status line needs it (a subset of the run store). */
export interface StatusContext {
  corpus: CorpusInfo | null;
  config: TrainConfig | null;
  notice: string;
  isLoading: boolean;
}

/** The status line: the page's own notice (if any) before the run's description. */
export function composeStatus(frame: Frame | null, context: StatusContext): string {
  const run = context.isLoading
    ? 'Loading the corpus…'
    : describeRun(frame, context.corpus, context.config);
  if (!context.notice) return run;
  // Before any corpus is loaded the notice is all there is to say (e.g. "open the file again").
  if (!context.corpus && !context.isLoading) return context.notice;
  return `${context.notice} ${run}`;
}

/**
 * What the neighbours panel shows instead of its lists, or null to show the lists: after the loss
 * blew up every vector is NaN or huge, so the lists (all similarities 1.000) mean nothing.
 */
export function neighborsNotice(status: RunStatus): string | null {
  if (status !== 'diverged') return null;
  return 'The model diverged, so these neighbours mean nothing; lower the learning rate and press Play.';
}
