import { beforeEach, describe, expect, it } from 'vitest';
import type { BreakMode } from '../core/index';
import type { GradcheckAnswer, InspectFrame, InspectRequest } from '../worker/protocol';
import { createConfigStore } from './configStore';
import { createInspectController, type InspectPort } from './inspectController';
import { createInspectStore } from './inspectStore';
import { createRunStore } from './runStore';
import { fixtureContext, fixtureFrame } from './testing/inspectFrames';

/** A gradient-check answer whose breakMode echoes the request (enough to tell answers apart). */
function answerFor(mode: BreakMode): GradcheckAnswer {
  const check = {
    breakMode: mode,
    rows: [],
    analytic: new Float64Array(0),
    numeric: new Float64Array(0),
    relErrors: new Float64Array(0),
    maxRelError: mode === 'none' ? 1e-9 : 0.5,
    passed: mode === 'none',
    threshold: 1e-5,
  };
  return { check, center: 'w1', targets: ['w4', 'w0'] };
}

/** A trainer that records commands; slowStep answers `nextPending`, gradcheck can be held. */
function fakeTrainer() {
  const calls: [string, unknown][] = [];
  const state = {
    nextPending: fixtureFrame(7, 'pending') as InspectFrame | null,
    canApply: true,
    held: [] as (() => void)[],
    isHolding: false,
  };
  const trainer: InspectPort = {
    setInspect: async (request: InspectRequest) => void calls.push(['setInspect', request]),
    async slowStep() {
      calls.push(['slowStep', null]);
      return state.nextPending;
    },
    async applyPending() {
      calls.push(['applyPending', null]);
      return state.canApply;
    },
    async gradcheck(mode) {
      calls.push(['gradcheck', mode]);
      if (state.isHolding) await new Promise<void>((resolve) => state.held.push(resolve));
      return answerFor(mode);
    },
    pause: async () => void calls.push(['pause', null]),
  };
  const names = () => calls.map(([name]) => name);
  return { trainer, calls, names, state };
}

describe('inspect controller', () => {
  let configStore = createConfigStore();
  let inspectStore = createInspectStore();
  let runStore = createRunStore();
  let fake = fakeTrainer();
  let controller = createInspectController({ ...fake, configStore, inspectStore, runStore });

  beforeEach(() => {
    configStore = createConfigStore();
    inspectStore = createInspectStore();
    runStore = createRunStore();
    fake = fakeTrainer();
    controller = createInspectController({
      trainer: fake.trainer,
      configStore,
      inspectStore,
      runStore,
    });
  });

  /** Starts a walk on the pending example 7 of run 1 (context sent first). */
  async function walk(): Promise<void> {
    controller.onInspectMessage({ kind: 'context', context: fixtureContext(1) });
    await controller.slowStep();
    fake.calls.length = 0;
  }

  describe('panels', () => {
    it('keeps the open panels in page order and opens the feed only when the first opens', async () => {
      await controller.openPanel('gradcheck');
      await controller.openPanel('model');
      expect(configStore.getState().panels).toEqual(['model', 'gradcheck']);
      expect(fake.calls).toEqual([['setInspect', { isOpen: true, wantsWeights: false }]]);
    });

    it('asks for weights exactly while the weights panel is open', async () => {
      await controller.togglePanel('weights');
      await controller.togglePanel('sgd');
      await controller.togglePanel('weights');
      expect(fake.calls).toEqual([
        ['setInspect', { isOpen: true, wantsWeights: true }],
        ['setInspect', { isOpen: true, wantsWeights: false }],
      ]);
      expect(configStore.getState().panels).toEqual(['sgd']);
    });

    it('closing the last panel closes the feed; closing a closed panel sends nothing', async () => {
      await controller.openPanel('ns');
      await controller.closePanel('ns');
      await controller.closePanel('ns');
      expect(configStore.getState().panels).toEqual([]);
      expect(fake.calls.map((c) => c[1])).toEqual([
        { isOpen: true, wantsWeights: false },
        { isOpen: false, wantsWeights: false },
      ]);
    });

    it('syncInspect sends the link’s panels at start-up, even when nothing changed', async () => {
      configStore.setState({ panels: ['model', 'weights'] });
      await controller.syncInspect();
      await controller.syncInspect();
      expect(fake.calls).toEqual([
        ['setInspect', { isOpen: true, wantsWeights: true }],
        ['setInspect', { isOpen: true, wantsWeights: true }],
      ]);
      // The next toggle compares with what was sent.
      await controller.openPanel('sgd');
      expect(fake.calls).toHaveLength(2);
    });
  });

  describe('messages', () => {
    it('stores the context and the latest example', () => {
      controller.onInspectMessage({ kind: 'context', context: fixtureContext(1) });
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(1, 'trained') });
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(2, 'trained') });
      expect(inspectStore.getState().context?.runId).toBe(1);
      expect(inspectStore.getState().frame?.seq).toBe(2);
    });

    it('a new model clears the example, the walk and the gradient check', async () => {
      await walk();
      await controller.runGradcheck('none');
      controller.onInspectMessage({ kind: 'context', context: fixtureContext(2) });
      const state = inspectStore.getState();
      expect(state.context?.runId).toBe(2);
      expect(state.frame).toBeNull();
      expect(state.stage).toBeNull();
      expect(state.gradcheck.answer).toBeNull();
    });

    it('the same model’s context again keeps the example and the walk', async () => {
      await walk();
      controller.onInspectMessage({ kind: 'context', context: fixtureContext(1) });
      expect(inspectStore.getState().frame?.seq).toBe(7);
      expect(inspectStore.getState().stage).toBe(0);
    });

    it('an example of an older model arriving after the new context is dropped', () => {
      controller.onInspectMessage({ kind: 'context', context: fixtureContext(2) });
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(9, 'trained', 1) });
      expect(inspectStore.getState().frame).toBeNull();
    });

    it('while walking, trained examples of other seqs do not replace the walked one', async () => {
      await walk();
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(8, 'trained') });
      expect(inspectStore.getState().frame?.seq).toBe(7);
      // Its own update, echoed by the worker, does replace it.
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(7, 'trained') });
      expect(inspectStore.getState().frame?.state).toBe('trained');
      controller.endWalk();
      controller.onInspectMessage({ kind: 'example', frame: fixtureFrame(8, 'trained') });
      expect(inspectStore.getState().frame?.seq).toBe(8);
    });
  });

  describe('slow step', () => {
    it('stores the pending example at its first stage', async () => {
      await controller.openPanel('ns');
      fake.calls.length = 0;
      await controller.slowStep();
      expect(fake.names()).toEqual(['slowStep']);
      expect(inspectStore.getState().frame?.state).toBe('pending');
      expect(inspectStore.getState().stage).toBe(0);
    });

    it('with no panel open, opens the first one (and the feed) before stepping', async () => {
      await controller.slowStep();
      expect(configStore.getState().panels).toEqual(['model']);
      expect(fake.calls).toEqual([
        ['setInspect', { isOpen: true, wantsWeights: false }],
        ['slowStep', null],
      ]);
    });

    it('without a model there is nothing to walk', async () => {
      fake.state.nextPending = null;
      await controller.slowStep();
      expect(inspectStore.getState().stage).toBeNull();
    });

    it('applies the update exactly when the walk enters the update stage, once', async () => {
      await walk();
      const stages = inspectStore.getState().frame!.trace.stages;
      const last = stages.length - 1;
      expect(stages[last]!.id).toBe('update');
      for (let i = 1; i < last; i++) {
        await controller.stageForward();
        expect(inspectStore.getState().stage).toBe(i);
      }
      expect(fake.calls).toEqual([]);
      await controller.stageForward();
      expect(inspectStore.getState().stage).toBe(last);
      expect(fake.names()).toEqual(['applyPending']);
      expect(inspectStore.getState().frame?.state).toBe('trained');
      // Back never un-applies; forward again does not apply twice.
      controller.stageBack();
      expect(inspectStore.getState().stage).toBe(last - 1);
      await controller.stageForward();
      expect(fake.names()).toEqual(['applyPending']);
      expect(inspectStore.getState().frame?.state).toBe('trained');
    });

    it('a refused update (the model changed) leaves the example pending', async () => {
      await walk();
      fake.state.canApply = false;
      const last = inspectStore.getState().frame!.trace.stages.length - 1;
      for (let i = 0; i < last; i++) await controller.stageForward();
      expect(fake.names()).toEqual(['applyPending']);
      expect(inspectStore.getState().frame?.state).toBe('pending');
    });

    it('forward past the last stage ends the walk and keeps the example', async () => {
      await walk();
      const count = inspectStore.getState().frame!.trace.stages.length;
      for (let i = 0; i < count; i++) await controller.stageForward();
      expect(inspectStore.getState().stage).toBeNull();
      expect(inspectStore.getState().frame?.seq).toBe(7);
    });

    it('back stops at the first stage; stepping without a walk does nothing', async () => {
      controller.stageBack();
      await controller.stageForward();
      expect(inspectStore.getState().stage).toBeNull();
      await walk();
      controller.stageBack();
      expect(inspectStore.getState().stage).toBe(0);
    });

    it('training again ends the walk (its example would be stale)', async () => {
      const stop = controller.watchRun();
      await walk();
      runStore.setState({ status: 'paused' });
      expect(inspectStore.getState().stage).toBe(0);
      runStore.setState({ status: 'training' });
      expect(inspectStore.getState().stage).toBeNull();
      stop();
    });
  });

  describe('gradient check', () => {
    it('is running while waiting, then stores the answer', async () => {
      fake.state.isHolding = true;
      const done = controller.runGradcheck();
      expect(inspectStore.getState().gradcheck.isRunning).toBe(true);
      fake.state.held.shift()!();
      await done;
      const { gradcheck } = inspectStore.getState();
      expect(gradcheck.isRunning).toBe(false);
      expect(gradcheck.answer?.check.breakMode).toBe('none');
      expect(fake.calls).toEqual([['gradcheck', 'none']]);
    });

    it('a new break mode is stored and checked again; only the latest answer is kept', async () => {
      fake.state.isHolding = true;
      const first = controller.setBreakMode('dropSign');
      const second = controller.setBreakMode('dropFactor');
      expect(inspectStore.getState().gradcheck.breakMode).toBe('dropFactor');
      // The second answer comes first; the first one, late, must not overwrite it.
      fake.state.held[1]!();
      await second;
      fake.state.held[0]!();
      await first;
      const { gradcheck } = inspectStore.getState();
      expect(gradcheck.answer?.check.breakMode).toBe('dropFactor');
      expect(gradcheck.isRunning).toBe(false);
      expect(fake.calls.map((c) => c[1])).toEqual(['dropSign', 'dropFactor']);
    });

    it('runGradcheck without a mode uses the stored one', async () => {
      await controller.setBreakMode('dropSign');
      await controller.runGradcheck();
      expect(fake.calls.map((c) => c[1])).toEqual(['dropSign', 'dropSign']);
    });
  });
});
