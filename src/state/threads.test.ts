/**
 * The threads setting in the page's state: its default, its URL parameter, and the controller
 * (it waits for a restart, which hands it to the trainer before the fresh model is built).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/engine';
import type { InitRequest, InitResult, ViewRequest } from '../worker/protocol';
import { createConfigStore, defaultThreads } from './configStore';
import { createController, type TrainerPort } from './controller';
import { createRunStore } from './runStore';
import { parseState, serializeState, shareStateOf } from './urlSchema';

describe('defaultThreads', () => {
  it('2 on a cross-origin isolated page with a core to spare (three or more), else 1', () => {
    const cores = (n: number) => ({ hardwareConcurrency: n });
    expect(defaultThreads({ crossOriginIsolated: true, navigator: cores(3) })).toBe(2);
    expect(defaultThreads({ crossOriginIsolated: true, navigator: cores(2) })).toBe(1);
    expect(defaultThreads({ crossOriginIsolated: true, navigator: cores(8) })).toBe(2);
    expect(defaultThreads({ crossOriginIsolated: true, navigator: cores(1) })).toBe(1);
    expect(defaultThreads({ crossOriginIsolated: false, navigator: cores(8) })).toBe(1);
    expect(defaultThreads({})).toBe(1);
  });
});

describe('the threads URL parameter', () => {
  it('is read and written (Node is not isolated: 1 is the default and is left out)', () => {
    const { state, notes } = parseState('threads=2');
    expect(notes).toEqual([]);
    expect(state.threads).toBe(2);
    expect(serializeState(state)).toMatch(/(^|&)threads=2(&|$)/);
    expect(serializeState({ ...state, threads: 1 })).not.toMatch(/threads=/);
  });

  it('anything but 1 or 2 is ignored with a note', () => {
    const { state, notes } = parseState('threads=3');
    expect(state.threads).toBe(1);
    expect(notes).toEqual([
      'Ignored “threads=3” in the link: Threads must be a whole number from 1 to 2.',
    ]);
  });
});

describe('controller: threads', () => {
  async function started() {
    const calls: [string, unknown][] = [];
    const trainer: TrainerPort = {
      async init(request: InitRequest): Promise<InitResult> {
        calls.push(['init', request]);
        return {
          ok: true,
          corpus: {
            id: 'teaching',
            format: 'text',
            name: 't',
            words: 1,
            tokens: 1,
            vocabSize: 1,
            sentences: 1,
            topWords: [],
          },
          config: defaultConfig(request.config),
        };
      },
      play: async () => void calls.push(['play', null]),
      pause: async () => undefined,
      step: async () => undefined,
      setConfig: async () => ({ applied: [], needsRestart: [], errors: [] }),
      reset: async (seed) => void calls.push(['reset', seed]),
      setView: async (_view: ViewRequest) => ({ shown: [], missing: [], background: [] }),
      getView: async () => ({ shown: [], missing: [], background: [] }),
      setSpeed: async () => undefined,
      setThreads: async (threads) => void calls.push(['setThreads', threads]),
    };
    const configStore = createConfigStore();
    configStore.setState({ threads: 2 });
    const controller = createController({ trainer, configStore, runStore: createRunStore() });
    await controller.start([]);
    return { calls, configStore, controller };
  }

  it('the corpus is loaded with the threads of the link', async () => {
    const { calls } = await started();
    expect((calls[0]![1] as InitRequest).threads).toBe(2);
  });

  it('a change waits for the restart, which gives it to the trainer before the reset', async () => {
    const { calls, configStore, controller } = await started();
    calls.length = 0;
    controller.setThreads(1);
    expect(configStore.getState().pendingRestart).toEqual(['threads']);
    expect(calls).toEqual([]);
    await controller.restart();
    expect(calls).toEqual([
      ['setThreads', 1],
      ['reset', undefined],
    ]);
    expect(configStore.getState().pendingRestart).toEqual([]);
    expect(shareStateOf(configStore.getState()).threads).toBe(1);
  });
});
