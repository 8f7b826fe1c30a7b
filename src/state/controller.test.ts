import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import type { CorpusInfo, InitRequest, InitResult, ViewRequest } from '../worker/protocol';
import { APP_DEFAULT_CONFIG, createConfigStore, defaultView } from './configStore';
import { createController, type TrainerPort } from './controller';
import { CS224N_WORDS } from './presets';
import { createRunStore } from './runStore';

const INFO: CorpusInfo = {
  id: 'teaching',
  name: 'the teaching corpus',
  format: 'text',
  words: 5000,
  tokens: 4987,
  vocabSize: 210,
  sentences: 640,
  topWords: [],
};

/** A trainer that records every command and answers like the worker would. */
function fakeTrainer(info: CorpusInfo = INFO) {
  const calls: [string, unknown][] = [];
  const trainer: TrainerPort = {
    async init(request: InitRequest): Promise<InitResult> {
      calls.push(['init', request]);
      return { ok: true, corpus: info, config: defaultConfig(request.config) };
    },
    play: async () => void calls.push(['play', null]),
    pause: async () => void calls.push(['pause', null]),
    step: async (n) => void calls.push(['step', n]),
    async setConfig(patch) {
      calls.push(['setConfig', patch]);
      return { applied: [], needsRestart: [], errors: [] };
    },
    reset: async (seed) => void calls.push(['reset', seed]),
    async setView(view: ViewRequest) {
      calls.push(['setView', view]);
      return { shown: [], missing: [], background: [] };
    },
    getView: async () => ({ shown: [], missing: [], background: [] }),
    setSpeed: async (speed) => void calls.push(['setSpeed', speed]),
    setThreads: async (threads) => void calls.push(['setThreads', threads]),
  };
  const names = () => calls.map(([name]) => name);
  return { trainer, calls, names };
}

describe('controller (configStore actions)', () => {
  let configStore = createConfigStore();
  let runStore = createRunStore();
  let fake = fakeTrainer();
  let controller = createController({ trainer: fake.trainer, configStore, runStore });

  beforeEach(async () => {
    configStore = createConfigStore();
    runStore = createRunStore();
    fake = fakeTrainer();
    controller = createController({
      trainer: fake.trainer,
      configStore,
      runStore,
      randomSeed: () => 4242,
    });
    await controller.start([]);
    fake.calls.length = 0;
  });

  it('start loads the corpus of the link with the whole config, shows the view and plays', async () => {
    const other = fakeTrainer();
    const store = createConfigStore();
    store.setState({ corpus: 'moby', minCount: 3, view: defaultView('moby') });
    await createController({ trainer: other.trainer, configStore: store, runStore }).start([]);
    expect(other.names()).toEqual(['init', 'setSpeed', 'setView', 'play']);
    expect(other.calls[0]![1]).toEqual({
      corpus: { kind: 'builtin', id: 'moby' },
      config: APP_DEFAULT_CONFIG,
      threads: 1,
      minCount: 3,
      view: defaultView('moby'),
    });
  });

  it('a live setting goes to the trainer at once and needs no restart', () => {
    expect(controller.setSetting('lr', 0.5)).toBeNull();
    expect(fake.calls).toEqual([['setConfig', { lr: 0.5 }]]);
    expect(configStore.getState().pendingRestart).toEqual([]);
    expect(runStore.getState().config?.lr).toBe(0.5);
  });

  it('a restart setting is stored in the trainer and waits for "Restart to apply"', async () => {
    controller.setSetting('loss', 'hs');
    controller.setSetting('dim', 50);
    expect(configStore.getState().pendingRestart).toEqual(['loss', 'dim']);
    expect(runStore.getState().config?.loss).toBe('ns');
    await controller.restart();
    expect(fake.names()).toEqual(['setConfig', 'setConfig', 'reset']);
    expect(configStore.getState().pendingRestart).toEqual([]);
    expect(runStore.getState().config?.loss).toBe('hs');
  });

  it('setting a restart key back to the running value clears it from the pending list', () => {
    controller.setSetting('dim', 50);
    controller.setSetting('dim', APP_DEFAULT_CONFIG.dim);
    expect(configStore.getState().pendingRestart).toEqual([]);
  });

  it('invalid values are refused with a reason and never reach the trainer', () => {
    expect(controller.setSetting('seed', Number.NaN)).toBe('Seed must be a number.');
    expect(controller.setSetting('lr', 20)).toMatch(/^Learning rate must be from/);
    expect(controller.setSetting('dim', 3.5)).toBe('Dimension must be a whole number.');
    expect(fake.calls).toEqual([]);
    expect(configStore.getState().config).toEqual(APP_DEFAULT_CONFIG);
  });

  it('a new min count reloads the corpus on restart (the vocabulary changes)', async () => {
    controller.setMinCount(5);
    expect(configStore.getState().pendingRestart).toEqual(['minCount']);
    await controller.restart();
    expect(fake.names()[0]).toBe('init');
    expect((fake.calls[0]![1] as InitRequest).minCount).toBe(5);
    expect(configStore.getState().pendingRestart).toEqual([]);
  });

  it('"New seed" restarts with a fresh seed; "Reset" keeps the seed', async () => {
    await controller.newSeed();
    expect(fake.calls).toEqual([['reset', 4242]]);
    expect(configStore.getState().config.seed).toBe(4242);
    await controller.reset();
    expect(fake.calls[1]).toEqual(['reset', undefined]);
  });

  it('the CS224n preset sets exactly the assignment settings and its 24 words', async () => {
    controller.setSetting('seed', 9);
    await controller.applyPreset('cs224n');
    const expected: TrainConfig = {
      ...defaultConfig(),
      model: 'skipgram',
      loss: 'ns',
      negatives: 10,
      dim: 10,
      window: 5,
      lr: 0.3,
      mode: 'minibatch',
      batchSize: 50,
      iterations: 40_000,
      annealEvery: 20_000,
      sample: 1e-5,
      seed: 9,
    };
    expect(configStore.getState().config).toEqual(expected);
    expect(configStore.getState().view).toEqual({ words: CS224N_WORDS, top: 0, vectors: 'center' });
    expect(CS224N_WORDS).toHaveLength(24);
    expect(fake.names()).toEqual(['setConfig', 'setConfig', 'reset', 'setView']);
    // Not on the SST file: the page says the exact run needs it.
    expect(runStore.getState().notice).toMatch(/needs CS224n’s datasetSentences\.txt/);
  });

  it('the word2vec.c preset is defaultConfig() with the seed kept and the corpus words', async () => {
    controller.setSetting('seed', 3);
    await controller.applyPreset('word2vec');
    expect(configStore.getState().config).toEqual({ ...defaultConfig(), seed: 3 });
    expect(configStore.getState().view).toEqual(defaultView('teaching'));
    expect(runStore.getState().notice).toBe('');
  });

  it('on the SST file the CS224n preset has no caveat', async () => {
    const sst = fakeTrainer({ ...INFO, id: 'custom', format: 'sst', name: 'datasetSentences.txt' });
    const c = createController({ trainer: sst.trainer, configStore, runStore });
    await c.loadText('datasetSentences.txt', 'ignored by the fake');
    await c.applyPreset('cs224n');
    expect(runStore.getState().notice).toBe('');
  });

  it('a classroom hidden list is stored as given', () => {
    controller.setHidden(['loss', 'model']);
    expect(configStore.getState().hidden).toEqual(['loss', 'model']);
  });

  it('words typed for the view are cleaned before they reach the trainer', async () => {
    await controller.setView({ words: [' King', 'queen', '', 'king'], top: 5 });
    expect(fake.calls).toEqual([
      ['setView', { words: ['king', 'queen'], top: 5, vectors: 'center', background: 0 }],
    ]);
  });

  it('a link to a custom corpus waits for the file, then keeps the link view', async () => {
    const other = fakeTrainer({ ...INFO, id: 'custom' });
    const store = createConfigStore();
    const view: ViewRequest = { words: ['whale'], top: 3, vectors: 'outside' };
    store.setState({ corpus: 'custom', view });
    const c = createController({ trainer: other.trainer, configStore: store, runStore });
    await c.start([]);
    expect(other.calls).toEqual([]);
    expect(runStore.getState().notice).toMatch(/open the same file/);
    await c.loadText('notes.txt', 'the whale');
    expect(store.getState().view).toEqual(view);
  });

  it('a failed load says why in the notice and keeps the previous corpus', async () => {
    fake.trainer.init = async () => ({ ok: false, errors: ['it has no words'] });
    await controller.loadText('empty.txt', '');
    expect(runStore.getState().notice).toBe('Could not train on empty.txt: it has no words.');
    expect(runStore.getState().corpus).toEqual(INFO);
  });

  it('choosing a long built-in text sets fewer epochs and its own words', async () => {
    await controller.loadBuiltin('sotu');
    const request = fake.calls[0]![1] as InitRequest;
    expect(request.corpus).toEqual({ kind: 'builtin', id: 'sotu' });
    expect(request.config?.epochs).toBe(3);
    expect(configStore.getState().corpus).toBe('sotu');
    expect(configStore.getState().view).toEqual(defaultView('sotu'));
  });

  it('a built-in corpus that fails to load leaves the previous choice in the store', async () => {
    fake.trainer.init = async () => ({ ok: false, errors: ['the asset is missing'] });
    await controller.loadBuiltin('moby');
    expect(configStore.getState().corpus).toBe('teaching');
    expect(configStore.getState().config.epochs).toBe(APP_DEFAULT_CONFIG.epochs);
    expect(runStore.getState().notice).toBe('Could not train on Moby Dick: the asset is missing.');
  });
});
