/**
 * What the user asked for: the settings, the corpus, the view and the classroom options. This is
 * the state a link carries (see urlSchema.ts); the run actually in force is in `runStore.config`.
 * A vanilla store: components read it with atomic selectors, actions.ts writes it.
 */
import { createStore } from 'zustand/vanilla';
import { defaultConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import type { BuiltinCorpusId, ViewRequest } from '../worker/protocol';
import { DEFAULT_VIEW_WORDS } from '../worker/views';
import { CORPORA } from './choices';
import type { PanelId } from './panels';
import { TEACHING_RUN } from './presets';

export type CorpusChoice = BuiltinCorpusId | 'custom';

/** A setting that waits for a restart: a TrainConfig key, the corpus's min count, the threads. */
export type PendingKey = keyof TrainConfig | 'minCount' | 'threads';

export interface ConfigState {
  config: TrainConfig;
  corpus: CorpusChoice;
  /** Words seen fewer times are dropped; null lets the corpus decide. */
  minCount: number | null;
  view: ViewRequest;
  /** Units per second; null = as fast as possible. */
  speed: number | null;
  /** Training threads asked for (1 or 2; see THREADS in registry.ts). */
  threads: number;
  /** Classroom link: ids of controls to hide (see HIDEABLE_CONTROLS). */
  hidden: string[];
  /** The open derivation panels (see panels.ts), in page order. */
  panels: PanelId[];
  /** Settings changed since the model in force was built; they wait for "Restart to apply". */
  pendingRestart: PendingKey[];
}

/** The app's starting configuration: the teaching run (the URL omits values equal to these). */
export const APP_DEFAULT_CONFIG: TrainConfig = defaultConfig(TEACHING_RUN);

/**
 * The epochs a corpus starts with: its own (many passes over the small teaching corpus, a few over
 * the long texts); a text of the user's own keeps the app's default. Choosing a corpus sets it, a
 * link without `epochs` gets it, and the link leaves it out when the run uses it.
 */
export function defaultEpochs(corpus: CorpusChoice): number {
  return CORPORA.find((c) => c.id === corpus)?.epochs ?? APP_DEFAULT_CONFIG.epochs;
}

/** The default of one setting for a corpus (only the epochs depend on it). */
export function defaultSetting<K extends keyof TrainConfig>(
  key: K,
  corpus: CorpusChoice,
): TrainConfig[K] {
  return key === 'epochs' ? (defaultEpochs(corpus) as TrainConfig[K]) : APP_DEFAULT_CONFIG[key];
}

/** The words shown by default for a corpus: its own list, none for a custom text. */
export function defaultViewWords(corpus: CorpusChoice): string[] {
  return corpus === 'custom' ? [] : [...DEFAULT_VIEW_WORDS[corpus]];
}

/** The view a corpus starts with. */
export function defaultView(corpus: CorpusChoice): ViewRequest {
  return { words: defaultViewWords(corpus), top: 0, vectors: 'center', background: 0 };
}

/** What the page can tell about itself: isolation and cores (both absent in Node). */
export interface PageEnvironment {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/**
 * Threads a page starts with: 2 where it can share memory between workers (cross-origin
 * isolated) and has a core to spare for the page itself (three or more), else 1. On two cores,
 * two training threads leave the page's own thread competing for a core: measured on a 2-core
 * machine with 11,000 points on the map, frames fell from 60 to 55 per second and a 59 ms task
 * appeared. There a student can still choose 2.
 */
export function defaultThreads(env: PageEnvironment = globalThis): number {
  const cores = env.navigator?.hardwareConcurrency ?? 1;
  return env.crossOriginIsolated === true && cores >= 3 ? 2 : 1;
}

/** The state of a fresh page without a link. */
export function initialConfigState(): ConfigState {
  return {
    config: { ...APP_DEFAULT_CONFIG },
    corpus: 'teaching',
    minCount: null,
    view: defaultView('teaching'),
    speed: null,
    threads: defaultThreads(),
    hidden: [],
    panels: [],
    pendingRestart: [],
  };
}

/** Creates a config store (tests make their own; the app uses `configStore`). */
export function createConfigStore(initial: ConfigState = initialConfigState()) {
  return createStore<ConfigState>()(() => ({ ...initial }));
}

export type ConfigStore = ReturnType<typeof createConfigStore>;

export const configStore = createConfigStore();
