/**
 * The page's state in the URL query string, through one schema table (playground's PROPS, typed):
 * each parameter has a key, a parser, a serializer and a default. Only values that differ from
 * the default are written, except the seed, which is always there so every link is reproducible.
 * Bad values are ignored, each with a note saying why.
 */
import type { TrainConfig } from '../core/types';
import type { ViewRequest } from '../worker/protocol';
import {
  defaultSetting,
  defaultThreads,
  defaultViewWords,
  initialConfigState,
  type ConfigState,
  type CorpusChoice,
} from './configStore';
import {
  CORPORA,
  HIDEABLE_CONTROLS,
  MIN_COUNT,
  SETTING_KEYS,
  SETTINGS,
  SPEED,
  THREADS,
  checkSetting,
  type SettingSpec,
} from './registry';
import { PANEL_IDS, PANELS, type PanelId } from './panels';
import { VIEW_COUNTS } from '../worker/views';

// The view counts' limits and messages, for the page's fields (the UI reads them from state).
export { VIEW_COUNTS, viewCountProblem } from '../worker/views';

/** Everything a link carries: the config store without the run bookkeeping. */
export type ShareState = Omit<ConfigState, 'pendingRestart'>;

type Parsed<T> = { value: T } | { error: string };

/** One URL parameter. `parse` sees the state parsed so far (parameters are read in table order). */
export interface UrlParam<T> {
  key: string;
  get(state: ShareState): T;
  set(state: ShareState, value: T): void;
  parse(raw: string, state: ShareState): Parsed<T>;
  serialize(value: T): string;
  /** The default, which may depend on parameters read before (the words on the corpus). */
  defaultOf(state: ShareState): T;
  /** Always written, even when equal to the default. */
  isAlways?: boolean;
}

const VECTOR_CHOICES: readonly ViewRequest['vectors'][] = ['center', 'outside', 'concat'];
const CORPUS_IDS: readonly CorpusChoice[] = [...CORPORA.map((c) => c.id), 'custom'];
const HIDEABLE_IDS = new Set(HIDEABLE_CONTROLS.map((c) => c.id));

/** A finite number from text; '' and junk are errors (Number('') would be 0). */
function parseNumber(raw: string, name: string): Parsed<number> {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) ? { value } : { error: `${name} must be a number` };
}

function parseInRange(raw: string, name: string, lo: number, hi: number): Parsed<number> {
  const n = parseNumber(raw, name);
  if ('error' in n) return n;
  if (!Number.isInteger(n.value) || n.value < lo || n.value > hi) {
    return { error: `${name} must be a whole number from ${lo} to ${hi}` };
  }
  return n;
}

/** A comma-separated list: trimmed, lower-case, empty items dropped. */
export function parseWordList(raw: string): string[] {
  return raw
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The parameter of one TrainConfig key, checked against the registry. */
function settingParam<K extends keyof TrainConfig>(key: K): UrlParam<TrainConfig[K]> {
  const spec = SETTINGS[key] as SettingSpec;
  return {
    key,
    isAlways: key === 'seed',
    get: (s) => s.config[key],
    set: (s, v) => {
      s.config = { ...s.config, [key]: v };
    },
    parse: (raw) => {
      let candidate: unknown = raw;
      if (spec.kind === 'number') {
        const n = parseNumber(raw, spec.label);
        if ('error' in n) return n;
        candidate = n.value;
      }
      const problem = checkSetting(spec, candidate);
      return problem ? { error: problem } : { value: candidate as TrainConfig[K] };
    },
    serialize: (v) => String(v),
    defaultOf: (s) => defaultSetting(key, s.corpus),
  };
}

/** `top` or `background`: a whole number from 0 to its limit (views.ts), default 0. */
function viewCountParam(key: keyof typeof VIEW_COUNTS): UrlParam<number> {
  const { label, max } = VIEW_COUNTS[key];
  return {
    key,
    // Views made before background points existed lack the key: they mean 0.
    get: (s) => s.view[key] ?? 0,
    set: (s, v) => void (s.view = { ...s.view, [key]: v }),
    parse: (raw) => parseInRange(raw, label, 0, max),
    serialize: String,
    defaultOf: () => 0,
  };
}

/**
 * Every parameter, in reading order (the corpus first: it sets the default of the epochs and of
 * the words).
 */
export const URL_PARAMS: readonly UrlParam<never>[] = [
  {
    key: 'corpus',
    get: (s) => s.corpus,
    set: (s, v: CorpusChoice) => void (s.corpus = v),
    parse: (raw) =>
      CORPUS_IDS.includes(raw as CorpusChoice)
        ? { value: raw as CorpusChoice }
        : { error: `the corpus must be one of ${CORPUS_IDS.join(', ')}` },
    serialize: String,
    defaultOf: () => 'teaching' as CorpusChoice,
  } satisfies UrlParam<CorpusChoice>,
  ...SETTING_KEYS.map((key) => settingParam(key)),
  {
    key: 'minCount',
    get: (s) => s.minCount,
    set: (s, v: number | null) => void (s.minCount = v),
    parse: (raw) => parseInRange(raw, MIN_COUNT.label, 1, MIN_COUNT.max),
    serialize: String,
    defaultOf: () => null,
  } satisfies UrlParam<number | null>,
  {
    key: 'words',
    get: (s) => s.view.words,
    set: (s, v: string[]) => void (s.view = { ...s.view, words: v }),
    parse: (raw) => ({ value: parseWordList(raw) }),
    serialize: (v) => v.join(','),
    defaultOf: (s) => defaultViewWords(s.corpus),
  } satisfies UrlParam<string[]>,
  viewCountParam('top'),
  viewCountParam('background'),
  {
    key: 'vectors',
    get: (s) => s.view.vectors,
    set: (s, v: ViewRequest['vectors']) => void (s.view = { ...s.view, vectors: v }),
    parse: (raw) =>
      VECTOR_CHOICES.includes(raw as ViewRequest['vectors'])
        ? { value: raw as ViewRequest['vectors'] }
        : { error: `vectors must be one of ${VECTOR_CHOICES.join(', ')}` },
    serialize: String,
    defaultOf: () => 'center' as ViewRequest['vectors'],
  } satisfies UrlParam<ViewRequest['vectors']>,
  {
    key: 'speed',
    get: (s) => s.speed,
    set: (s, v: number | null) => void (s.speed = v),
    parse: (raw) => {
      const n = parseNumber(raw, SPEED.label);
      if ('error' in n) return n;
      return n.value >= SPEED.min && n.value <= SPEED.max
        ? n
        : { error: `${SPEED.label} must be from ${SPEED.min} to ${SPEED.max} per second` };
    },
    serialize: String,
    defaultOf: () => null,
  } satisfies UrlParam<number | null>,
  {
    key: 'threads',
    get: (s) => s.threads,
    set: (s, v: number) => void (s.threads = v),
    parse: (raw) => parseInRange(raw, THREADS.label, THREADS.min, THREADS.max),
    serialize: String,
    // The page's own default (2 where it can share memory): `threads=1` keeps a link exact anywhere.
    defaultOf: () => defaultThreads(),
  } satisfies UrlParam<number>,
  {
    key: 'hide',
    get: (s) => s.hidden,
    set: (s, v: string[]) => void (s.hidden = v),
    parse: (raw) => {
      const ids = raw.split(',').filter((id) => id.length > 0);
      const unknown = ids.filter((id) => !HIDEABLE_IDS.has(id));
      return unknown.length > 0
        ? { error: `there is no control called ${unknown.join(', ')}` }
        : { value: ids };
    },
    serialize: (v) => v.join(','),
    defaultOf: () => [],
  } satisfies UrlParam<string[]>,
  {
    key: 'panels',
    get: (s) => s.panels,
    set: (s, v: PanelId[]) => void (s.panels = v),
    parse: (raw) => {
      const ids = raw.split(',').filter((id) => id.length > 0);
      const unknown = ids.filter((id) => !PANEL_IDS.has(id));
      if (unknown.length > 0) return { error: `there is no panel called ${unknown.join(', ')}` };
      // Page order, each once: the same panels always give the same link.
      return { value: PANELS.map((p) => p.id).filter((id) => ids.includes(id)) };
    },
    serialize: (v) => v.join(','),
    defaultOf: () => [],
  } satisfies UrlParam<PanelId[]>,
] as unknown as readonly UrlParam<never>[];

function isDefault(param: UrlParam<unknown>, state: ShareState): boolean {
  const value = param.get(state);
  const fallback = param.defaultOf(state);
  if (Array.isArray(value) && Array.isArray(fallback)) return sameList(value, fallback);
  return Object.is(value, fallback);
}

/** The query string (without "?") for `state`: non-default values and the seed. */
export function serializeState(state: ShareState): string {
  const parts: string[] = [];
  for (const param of URL_PARAMS as readonly UrlParam<unknown>[]) {
    if (!param.isAlways && isDefault(param, state)) continue;
    const text = encodeURIComponent(param.serialize(param.get(state))).replace(/%2C/g, ',');
    parts.push(`${param.key}=${text}`);
  }
  return parts.join('&');
}

/** Reads a query string (with or without "?"); bad or unknown parameters become notes. */
export function parseState(query: string): { state: ShareState; notes: string[] } {
  const state = shareStateOf(initialConfigState());
  const params = new URLSearchParams(query);
  const notes: string[] = [];
  const known = new Set(URL_PARAMS.map((p) => p.key));
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) notes.push(`Ignored “${key}” in the link: it is not a setting.`);
  }
  for (const param of URL_PARAMS as readonly UrlParam<unknown>[]) {
    const raw = params.get(param.key);
    if (raw === null) {
      param.set(state, param.defaultOf(state));
      continue;
    }
    const parsed = param.parse(raw, state);
    if ('value' in parsed) param.set(state, parsed.value);
    else {
      param.set(state, param.defaultOf(state));
      notes.push(`Ignored “${param.key}=${raw}” in the link: ${parsed.error.replace(/\.$/, '')}.`);
    }
  }
  return { state, notes };
}

/** The shareable part of the config store. */
export function shareStateOf(state: ConfigState): ShareState {
  const { config, corpus, minCount, view, speed, threads, hidden, panels } = state;
  return { config, corpus, minCount, view, speed, threads, hidden, panels };
}
