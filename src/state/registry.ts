/**
 * One table per axis of variation (STYLE rule 3): models, losses, training modes (choices.ts,
 * re-exported here) and every setting of a run (SETTINGS). The controls, the URL schema, the
 * status line and (later) the math panels all read these tables, so a label or a range is
 * written down exactly once.
 */
import type { LossId, ModeId, ModelId, TrainConfig } from '../core/types';
import {
  CBOW_UPDATES,
  LOSSES,
  MODELS,
  MODES,
  lossLabel,
  modelLabel,
  type ChoiceInfo,
} from './choices';

export * from './choices';

/** When a setting matters; absent fields mean "always". */
export interface AppliesTo {
  mode?: ModeId;
  loss?: LossId;
  model?: ModelId;
}

interface SettingBase<K extends keyof TrainConfig> {
  key: K;
  /** The control's accessible name. */
  label: string;
  /** One line, in plain words, linked to the control with aria-describedby. */
  explain: string;
  /** True when the running model takes the change at once (no restart). */
  isLive: boolean;
  appliesTo?: AppliesTo;
}

/** A number setting, drawn as a slider (the seed as a number box). */
export interface NumberSetting<
  K extends keyof TrainConfig = keyof TrainConfig,
> extends SettingBase<K> {
  kind: 'number';
  min: number;
  max: number;
  /** Slider step on the linear scale; on the log scale values are rounded to 2 significant digits. */
  step: number;
  scale: 'linear' | 'log';
  isInteger: boolean;
  /** The value 0 means "off" (below `min` on a log slider: its leftmost position). */
  isZeroOff?: boolean;
}

/** A setting chosen from a list, drawn as a select. */
export interface ChoiceSetting<
  K extends keyof TrainConfig = keyof TrainConfig,
> extends SettingBase<K> {
  kind: 'choice';
  choices: readonly ChoiceInfo<string>[];
}

export type SettingSpec = NumberSetting | ChoiceSetting;

const num = <K extends keyof TrainConfig>(
  spec: Omit<NumberSetting<K>, 'kind' | 'isInteger' | 'scale' | 'step'> &
    Partial<Pick<NumberSetting<K>, 'isInteger' | 'scale' | 'step'>>,
): NumberSetting<K> => ({ kind: 'number', isInteger: true, scale: 'linear', step: 1, ...spec });

/** Every TrainConfig key, in the order the controls show them. */
export const SETTINGS: { readonly [K in keyof TrainConfig]: SettingSpec & { key: K } } = {
  model: {
    key: 'model',
    kind: 'choice',
    label: 'Model',
    choices: MODELS,
    isLive: false,
    explain: 'Which way the prediction goes: from a word to its neighbours, or back.',
  },
  loss: {
    key: 'loss',
    kind: 'choice',
    label: 'Loss',
    choices: LOSSES,
    isLive: false,
    explain: 'How the model turns scores into a probability of the right word.',
  },
  mode: {
    key: 'mode',
    kind: 'choice',
    label: 'Training mode',
    choices: MODES,
    isLive: false,
    explain: 'How the text is fed to the model: word by word, or in batches of windows.',
  },
  cbowUpdate: {
    key: 'cbowUpdate',
    kind: 'choice',
    label: 'CBOW update',
    choices: CBOW_UPDATES,
    isLive: false,
    appliesTo: { model: 'cbow' },
    explain: 'How the step for the averaged context is shared among the context words.',
  },
  dim: num({
    key: 'dim',
    label: 'Dimension',
    min: 2,
    max: 300,
    isLive: false,
    explain: 'How many numbers each word vector has; more can hold finer meaning but learn slower.',
  }),
  window: num({
    key: 'window',
    label: 'Window',
    min: 1,
    max: 20,
    isLive: true,
    explain: 'How many words on each side count as neighbours of a word.',
  }),
  negatives: num({
    key: 'negatives',
    label: 'Negatives K',
    min: 1,
    max: 30,
    isLive: true,
    appliesTo: { loss: 'ns' },
    explain: 'How many random "wrong" words each true neighbour is compared with.',
  }),
  lr: num({
    key: 'lr',
    label: 'Learning rate',
    min: 1e-4,
    max: 10,
    scale: 'log',
    isInteger: false,
    step: 0,
    isLive: true,
    explain:
      'How big each correction step is; too big and the loss blows up, too small and nothing moves.',
  }),
  annealEvery: num({
    key: 'annealEvery',
    label: 'Halve rate every',
    min: 0,
    max: 100_000,
    step: 1000,
    isLive: true,
    appliesTo: { mode: 'minibatch' },
    explain: 'The learning rate is halved after this many iterations (0 keeps it fixed).',
  }),
  sample: num({
    key: 'sample',
    label: 'Sub-sampling',
    min: 1e-6,
    max: 0.1,
    scale: 'log',
    isInteger: false,
    step: 0,
    isZeroOff: true,
    isLive: true,
    appliesTo: { mode: 'stream' },
    explain:
      'Very frequent words like "the" are skipped more often; smaller skips more (leftmost: off).',
  }),
  epochs: num({
    key: 'epochs',
    label: 'Epochs',
    min: 1,
    max: 1000,
    isLive: false,
    appliesTo: { mode: 'stream' },
    explain: 'How many times the whole text is read before training stops.',
  }),
  iterations: num({
    key: 'iterations',
    label: 'Iterations',
    min: 10,
    max: 200_000,
    scale: 'log',
    step: 0,
    isLive: false,
    appliesTo: { mode: 'minibatch' },
    explain: 'How many batch steps are taken before training stops.',
  }),
  batchSize: num({
    key: 'batchSize',
    label: 'Batch size',
    min: 1,
    max: 500,
    isLive: false,
    appliesTo: { mode: 'minibatch' },
    explain: 'How many random windows are averaged for one step.',
  }),
  seed: num({
    key: 'seed',
    label: 'Seed',
    min: 0,
    max: 4_294_967_295,
    isLive: false,
    explain: 'Starts the random numbers; the same seed and settings give exactly the same run.',
  }),
};

/** The order of the settings (the keys of SETTINGS). */
export const SETTING_KEYS = Object.keys(SETTINGS) as (keyof TrainConfig)[];

/** Controls that are not TrainConfig keys: the corpus, its min count, the speed cap, the view. */
export const MIN_COUNT = {
  label: 'Min count',
  explain: 'Words seen fewer times than this are left out (leftmost: the corpus decides).',
  min: 0,
  max: 50,
} as const;

export const SPEED = {
  label: 'Speed',
  explain: 'Slow training down to watch each step (rightmost: as fast as the computer can).',
  /** Units per second on a log slider; the rightmost position means "full speed" (null). */
  min: 1,
  max: 100_000,
} as const;

export const THREADS = {
  label: 'Threads',
  explain:
    'Two threads train up to twice as fast, but two runs with the same seed then no longer match exactly: choose 1 for a run that a link reproduces exactly. With only two cores, two threads also leave the page less time to draw.',
  /** Only stream mode trains on several threads. */
  minibatch: 'Minibatch mode always trains on one thread.',
  /** Shown where the page cannot share memory between workers. */
  isolated:
    'This page is not cross-origin isolated (its server does not send the COOP and COEP headers), so it trains on one thread.',
  min: 1,
  max: 2,
} as const;

/** Ids of the controls a classroom link can hide, with the names the checkboxes show. */
export const HIDEABLE_CONTROLS: readonly { id: string; label: string }[] = [
  ...SETTING_KEYS.map((key) => ({ id: key as string, label: SETTINGS[key].label })),
  { id: 'minCount', label: MIN_COUNT.label },
  { id: 'speed', label: SPEED.label },
  { id: 'threads', label: THREADS.label },
  { id: 'corpus', label: 'Corpus panel' },
  { id: 'view', label: 'Words shown' },
  { id: 'presets', label: 'Presets' },
];

/** Why a setting does nothing with this configuration, or null when it applies. */
export function notApplicableReason(spec: SettingSpec, config: TrainConfig): string | null {
  const when = spec.appliesTo;
  if (!when) return null;
  if (when.mode && config.mode !== when.mode) {
    return `Only used in ${MODES.find((m) => m.id === when.mode)!.label} mode.`;
  }
  if (when.loss && config.loss !== when.loss) return `Only used with ${lossLabel(when.loss)}.`;
  if (when.model && config.model !== when.model) return `Only used with ${modelLabel(when.model)}.`;
  return null;
}

/**
 * Why `value` cannot be used for `spec`, in plain words, or null when it can. Catches NaN,
 * fractions where whole numbers are needed, out-of-range values and unknown choices.
 */
export function checkSetting(spec: SettingSpec, value: unknown): string | null {
  if (spec.kind === 'choice') {
    const ids = spec.choices.map((c) => c.id);
    return typeof value === 'string' && ids.includes(value)
      ? null
      : `${spec.label} must be one of ${ids.join(', ')}.`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${spec.label} must be a number.`;
  }
  if (spec.isZeroOff && value === 0) return null;
  if (spec.isInteger && !Number.isInteger(value)) return `${spec.label} must be a whole number.`;
  if (value < spec.min || value > spec.max) {
    return `${spec.label} must be from ${spec.min} to ${spec.max}${spec.isZeroOff ? ' (or 0 for off)' : ''}.`;
  }
  return null;
}
