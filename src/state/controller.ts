/**
 * The logic behind every user action, written against a small trainer port so that Vitest can
 * drive it in Node with a fake trainer and fresh vanilla stores. actions.ts binds it to the real
 * worker and the app's stores; components call those module functions.
 *
 * Live settings go to the trainer at once; the others are stored in the trainer (for its next
 * reset) and listed in `pendingRestart` until "Restart to apply".
 */
import type { TrainConfig } from '../core/types';
import type {
  BuiltinCorpusId,
  CorpusSource,
  InitResult,
  TrainerApi,
  ViewRequest,
  ViewResult,
} from '../worker/protocol';
import { DEFAULT_VIEW_WORDS } from '../worker/views';
import { defaultEpochs, defaultView, type ConfigStore, type PendingKey } from './configStore';
import { findPreset, type PresetId } from './presets';
import { CORPORA, SETTING_KEYS, SETTINGS, checkSetting } from './registry';
import { INITIAL_RUN_STATE, type RunStore } from './runStore';

/** The trainer commands the controller uses (the comlink proxy satisfies it). */
export type TrainerPort = Pick<TrainerApi, 'init' | 'play' | 'pause' | 'step' | 'setConfig'> &
  Pick<TrainerApi, 'reset' | 'setView' | 'getView' | 'setSpeed' | 'setThreads'>;

export interface ControllerDeps {
  trainer: TrainerPort;
  configStore: ConfigStore;
  runStore: RunStore;
  /** A fresh seed for "New seed". */
  randomSeed?: () => number;
}

/** Words shown for a text of the user's own that is not CS224n's file: the most frequent ones. */
export const CUSTOM_TOP_WORDS = 40;

/** A seed from 1 to 999,999 (short enough to read out in class). */
const defaultRandomSeed = (): number => 1 + Math.floor(Math.random() * 999_999);

/** Lower-case, trimmed, without empties and repeats, in first-seen order. */
export function cleanWords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0))];
}

/** "notes.txt", "Moby Dick". */
function sourceName(source: CorpusSource): string {
  if (source.kind === 'text') return source.name;
  return CORPORA.find((c) => c.id === source.id)?.label ?? source.id;
}

/** Creates the actions over the given trainer and stores. */
export function createController({
  trainer,
  configStore: cs,
  runStore: rs,
  randomSeed = defaultRandomSeed,
}: ControllerDeps) {
  /** What the model in force was built from (to know whether a restart must reload the text). */
  const loaded: { source: CorpusSource | null; minCount: number | null; threads: number } = {
    source: null,
    minCount: null,
    threads: 1,
  };
  /** A link named a custom corpus: the next file keeps the link's view. */
  const awaiting = { isFile: false };

  const notify = (notice: string): void => rs.setState({ notice });
  const clearNotice = (): void => {
    if (rs.getState().notice !== '') rs.setState({ notice: '' });
  };

  /** Settings that differ from the model in force and that it cannot take live. */
  function pendingOf(
    config: TrainConfig,
    minCount: number | null,
    threads = cs.getState().threads,
  ): PendingKey[] {
    const running = rs.getState().config;
    if (!running || !loaded.source) return [];
    const keys: PendingKey[] = SETTING_KEYS.filter(
      (key) => !SETTINGS[key].isLive && running[key] !== config[key],
    );
    if (minCount !== loaded.minCount) keys.push('minCount');
    if (threads !== loaded.threads) keys.push('threads');
    return keys;
  }

  /**
   * Asks for `view`. The answer is not stored: the frame that follows carries a new
   * `viewVersion`, and `refreshView` stores the list together with that version, so the scatter
   * never pairs a list with coordinates of another one.
   */
  function showView(view: ViewRequest): Promise<ViewResult> {
    return trainer.setView(view);
  }

  /** The neighbour panel's query words: the teaching corpus's four, else the first shown ones. */
  function queryWordsFor(view: ViewResult, source: CorpusSource): string[] {
    if (source.kind === 'builtin' && source.id === 'teaching') return INITIAL_RUN_STATE.queryWords;
    const requested = view.shown.filter((w) => w.isRequested);
    return (requested.length > 0 ? requested : view.shown).slice(0, 4).map((w) => w.word);
  }

  /** Loads `source` with the store's settings, shows the view and starts training. */
  async function load(
    source: CorpusSource,
    pickView?: (r: InitResult & { ok: true }) => ViewRequest,
  ) {
    const { config, minCount, speed, threads } = cs.getState();
    rs.setState({ isLoading: true });
    const result = await trainer.init({
      corpus: source,
      config,
      threads,
      ...(minCount === null ? {} : { minCount }),
      // The first frame already shows the right words, unless they depend on the text's format.
      ...(pickView ? {} : { view: cs.getState().view }),
    });
    rs.setState({ isLoading: false });
    if (!result.ok) {
      notify(`Could not train on ${sourceName(source)}: ${result.errors.join('; ')}.`);
      return false;
    }
    loaded.source = source;
    loaded.minCount = minCount;
    loaded.threads = threads;
    const view = pickView ? pickView(result) : cs.getState().view;
    cs.setState({ view, pendingRestart: [] });
    rs.setState({ corpus: result.corpus, config: result.config, neighbors: [] });
    await trainer.setSpeed(speed);
    const shown = await showView(view);
    rs.setState({ queryWords: queryWordsFor(shown, source) });
    await trainer.play();
    return true;
  }

  /** Applies everything pending: reloads the text when the min count changed, else resets. */
  async function restart(seed?: number): Promise<void> {
    clearNotice();
    const state = cs.getState();
    const config = seed === undefined ? state.config : { ...state.config, seed };
    cs.setState({ config });
    if (!loaded.source) return;
    if (state.minCount !== loaded.minCount) {
      await load(loaded.source);
      return;
    }
    if (state.threads !== loaded.threads) {
      await trainer.setThreads(state.threads);
      loaded.threads = state.threads;
    }
    await trainer.reset(seed);
    cs.setState({ pendingRestart: [] });
    rs.setState({ config: { ...config } });
  }

  return {
    /** Starts from a link's state (already in the config store). */
    async start(notes: readonly string[]): Promise<void> {
      const corpus = cs.getState().corpus;
      if (corpus === 'custom') {
        awaiting.isFile = true;
        notify(
          [
            ...notes,
            'This link was made with a text of your own: open the same file (or paste the same text) to reproduce the run.',
          ].join(' '),
        );
        return;
      }
      await load({ kind: 'builtin', id: corpus });
      if (notes.length > 0) notify(notes.join(' '));
    },

    async loadBuiltin(id: BuiltinCorpusId): Promise<void> {
      clearNotice();
      awaiting.isFile = false;
      const { corpus, minCount, view, config } = cs.getState();
      // A long text needs fewer passes than the small teaching corpus to show its groups.
      const epochs = defaultEpochs(id);
      cs.setState({
        corpus: id,
        minCount: null,
        view: defaultView(id),
        config: { ...config, epochs },
      });
      if (!(await load({ kind: 'builtin', id }))) {
        cs.setState({ corpus, minCount, view, config });
      }
    },

    /** Trains on a text of the user's own (a file, or pasted). */
    async loadText(name: string, text: string): Promise<void> {
      clearNotice();
      const isKeepingView = awaiting.isFile;
      awaiting.isFile = false;
      const isLoaded = await load({ kind: 'text', name, text }, (result) => {
        const current = cs.getState().view;
        if (isKeepingView) return current;
        if (result.corpus.format === 'sst') {
          return { words: [...DEFAULT_VIEW_WORDS.sst], top: 0, vectors: current.vectors };
        }
        return { words: [], top: CUSTOM_TOP_WORDS, vectors: current.vectors };
      });
      if (isLoaded) cs.setState({ corpus: 'custom' });
      else awaiting.isFile = isKeepingView;
    },

    /** Changes one setting; returns why it cannot, or null. Invalid values never reach the trainer. */
    setSetting<K extends keyof TrainConfig>(key: K, value: TrainConfig[K]): string | null {
      const problem = checkSetting(SETTINGS[key], value);
      if (problem) return problem;
      const { config: old, minCount } = cs.getState();
      if (old[key] === value) return null;
      const config = { ...old, [key]: value };
      cs.setState({ config, pendingRestart: pendingOf(config, minCount) });
      const running = rs.getState().config;
      if (SETTINGS[key].isLive && running) rs.setState({ config: { ...running, [key]: value } });
      void trainer.setConfig({ [key]: value });
      return null;
    },

    setMinCount(minCount: number | null): void {
      cs.setState({ minCount, pendingRestart: pendingOf(cs.getState().config, minCount) });
    },

    /** Threads for the next model (it waits for a restart, like the model's own settings). */
    setThreads(threads: number): void {
      const { config, minCount } = cs.getState();
      cs.setState({ threads, pendingRestart: pendingOf(config, minCount, threads) });
    },

    restart,
    reset: () => restart(),
    newSeed: () => restart(randomSeed()),

    /** One click: the preset's settings (the seed stays), its words, and a fresh run. */
    async applyPreset(id: PresetId): Promise<void> {
      const preset = findPreset(id);
      const { config: old, corpus, view } = cs.getState();
      const config: TrainConfig = { ...preset.config, seed: old.seed };
      const nextView: ViewRequest = preset.words
        ? { words: [...preset.words], top: 0, vectors: 'center' }
        : corpus === 'custom'
          ? view
          : defaultView(corpus);
      cs.setState({ config, view: nextView });
      await trainer.setConfig(config);
      await restart();
      if (loaded.source) await showView(nextView);
      const info = rs.getState().corpus;
      if (id === 'cs224n' && info?.format !== 'sst') {
        notify(
          `The exact assignment run needs CS224n’s datasetSentences.txt (open it with “Open a text file”); these are its settings on ${info?.name ?? 'the current corpus'}.`,
        );
      }
    },

    async setView(patch: Partial<ViewRequest>): Promise<void> {
      const view = { ...cs.getState().view, ...patch };
      const next = { ...view, words: cleanWords(view.words) };
      cs.setState({ view: next });
      if (loaded.source) await showView(next);
    },

    /** Stores the shown words of the frame whose `viewVersion` is given. */
    async refreshView(viewVersion: number): Promise<void> {
      const view = await trainer.getView();
      rs.setState({ view, viewVersion });
    },

    async setSpeed(speed: number | null): Promise<void> {
      cs.setState({ speed });
      await trainer.setSpeed(speed);
    },

    setHidden(hidden: string[]): void {
      cs.setState({ hidden: [...hidden] });
    },

    play(): Promise<void> {
      clearNotice();
      return trainer.play();
    },
    pause: (): Promise<void> => trainer.pause(),
    step(units = 1): Promise<void> {
      clearNotice();
      return trainer.step(units);
    },
    notify,
  };
}

export type Controller = ReturnType<typeof createController>;
