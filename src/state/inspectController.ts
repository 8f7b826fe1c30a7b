/**
 * The logic behind the derivation panels: which panels are open (and so whether the worker feeds
 * them), the examples the worker sends, the slow step's walk through one update, and the gradient
 * check. Written against a small trainer port so that Vitest drives it in Node with a fake trainer
 * and fresh vanilla stores; inspectActions.ts binds it to the real worker.
 */
import type { BreakMode } from '../core/index';
import type {
  GradcheckAnswer,
  InspectFrame,
  InspectMessage,
  InspectRequest,
  TrainerApi,
} from '../worker/protocol';
import type { ConfigStore } from './configStore';
import type { InspectStore } from './inspectStore';
import { PANELS, type PanelId } from './panels';
import type { RunStore } from './runStore';

/** The trainer commands the panels use (the comlink proxy satisfies it). */
export type InspectPort = Pick<
  TrainerApi,
  'setInspect' | 'slowStep' | 'applyPending' | 'gradcheck' | 'pause'
>;

export interface InspectControllerDeps {
  trainer: InspectPort;
  configStore: ConfigStore;
  inspectStore: InspectStore;
  runStore: RunStore;
}

/** What the worker must send for these open panels. */
export function inspectRequestOf(panels: readonly PanelId[]): InspectRequest {
  return { isOpen: panels.length > 0, wantsWeights: panels.includes('weights') };
}

/** The panel ids in page order (PANELS), without repeats. */
export function inPageOrder(panels: Iterable<PanelId>): PanelId[] {
  const wanted = new Set(panels);
  return PANELS.filter((p) => wanted.has(p.id)).map((p) => p.id);
}

/** Index of the stage that shows the SGD update (the last one), where the update is applied. */
export function updateStageIndex(frame: InspectFrame): number {
  const stages = frame.trace.stages;
  const index = stages.findIndex((s) => s.id === 'update');
  return index >= 0 ? index : stages.length - 1;
}

const sameExample = (a: InspectFrame, b: InspectFrame): boolean =>
  a.runId === b.runId && a.seq === b.seq;

/** Creates the panels' actions over the given trainer and stores. */
export function createInspectController({
  trainer,
  configStore: cs,
  inspectStore: is,
  runStore: rs,
}: InspectControllerDeps) {
  /** The request last sent (null: none yet), so unchanged panels send nothing. */
  const sent: { request: InspectRequest | null } = { request: null };
  /** The example whose update was asked for: `applyPending` is called once per example. */
  const applied: { frame: InspectFrame | null } = { frame: null };
  /** Numbers the gradient checks, so only the latest answer is stored. */
  const checks = { latest: 0 };

  async function sync(isForced: boolean): Promise<void> {
    const request = inspectRequestOf(cs.getState().panels);
    const last = sent.request;
    const isSame =
      last !== null && last.isOpen === request.isOpen && last.wantsWeights === request.wantsWeights;
    if (isSame && !isForced) return;
    sent.request = request;
    await trainer.setInspect(request);
  }

  function setPanels(panels: Iterable<PanelId>): Promise<void> {
    const next = inPageOrder(panels);
    const old = cs.getState().panels;
    if (next.length === old.length && next.every((id, i) => old[i] === id))
      return Promise.resolve();
    cs.setState({ panels: next });
    return sync(false);
  }

  function endWalk(): void {
    if (is.getState().stage !== null) is.setState({ stage: null });
  }

  /** Trains the walked example once; the frame then says 'trained' even before the worker's echo. */
  async function applyOnce(frame: InspectFrame): Promise<void> {
    if (frame.state !== 'pending') return;
    if (applied.frame && sameExample(applied.frame, frame)) return;
    applied.frame = frame;
    if (!(await trainer.applyPending())) return;
    const current = is.getState().frame;
    if (current && sameExample(current, frame) && current.state === 'pending') {
      is.setState({ frame: { ...current, state: 'trained' } });
    }
  }

  function onExample(frame: InspectFrame): void {
    const { context, frame: current, stage } = is.getState();
    // An example of an older model, overtaken by the new model's context: stale.
    if (context && frame.runId < context.runId) return;
    // The walker stays on its example: only that example's own update replaces it.
    if (stage !== null && current && !sameExample(current, frame)) return;
    is.setState({ frame });
  }

  async function runGradcheck(mode: BreakMode = is.getState().gradcheck.breakMode): Promise<void> {
    const token = ++checks.latest;
    is.setState((s) => ({ gradcheck: { ...s.gradcheck, breakMode: mode, isRunning: true } }));
    let answer: GradcheckAnswer | null = null;
    try {
      answer = await trainer.gradcheck(mode);
    } finally {
      // A newer check (or a new model) has taken over: this answer is dropped.
      if (token === checks.latest) {
        is.setState((s) => ({ gradcheck: { ...s.gradcheck, answer, isRunning: false } }));
      }
    }
  }

  return {
    /** Sends the open panels' request whatever was sent before (start-up, a link with panels=…). */
    syncInspect: (): Promise<void> => sync(true),
    openPanel: (id: PanelId): Promise<void> => setPanels([...cs.getState().panels, id]),
    closePanel: (id: PanelId): Promise<void> =>
      setPanels(cs.getState().panels.filter((p) => p !== id)),
    togglePanel(id: PanelId): Promise<void> {
      const panels = cs.getState().panels;
      return setPanels(panels.includes(id) ? panels.filter((p) => p !== id) : [...panels, id]);
    },

    /** The worker's panel feed: the run's context, and examples. */
    onInspectMessage(message: InspectMessage): void {
      if (message.kind === 'example') {
        onExample(message.frame);
        return;
      }
      const { context } = message;
      const { frame, context: old } = is.getState();
      if (old?.runId === context.runId) {
        is.setState({ context });
        return;
      }
      // A new model: the old example, its walk and its gradient check no longer apply.
      checks.latest++;
      const keep = frame?.runId === context.runId ? frame : null;
      is.setState((s) => ({
        context,
        frame: keep,
        stage: keep ? s.stage : null,
        gradcheck: { ...s.gradcheck, answer: null, isRunning: false },
      }));
    },

    /**
     * Pauses and walks the next example from its first stage (not trained until the update). The
     * walk is shown in the panels: with none open, it opens the first one (the model).
     */
    async slowStep(): Promise<void> {
      if (cs.getState().panels.length === 0) await setPanels([PANELS[0]!.id]);
      const frame = await trainer.slowStep();
      if (!frame) return;
      is.setState({ frame, stage: 0 });
    },

    /** The next stage; entering the update stage trains the example; past the last, the walk ends. */
    async stageForward(): Promise<void> {
      const { frame, stage } = is.getState();
      if (!frame || stage === null) return;
      if (stage >= frame.trace.stages.length - 1) {
        endWalk();
        return;
      }
      is.setState({ stage: stage + 1 });
      if (stage + 1 >= updateStageIndex(frame)) await applyOnce(frame);
    },

    /** The previous stage (an applied update stays applied). */
    stageBack(): void {
      const { stage } = is.getState();
      if (stage !== null && stage > 0) is.setState({ stage: stage - 1 });
    },

    endWalk,

    runGradcheck,
    /** Chooses the deliberate slip and checks again with it. */
    setBreakMode: (mode: BreakMode): Promise<void> => runGradcheck(mode),

    /**
     * Ends the walk when training resumes (play, or a step): the walked example would be stale.
     * Returns the unsubscribe function.
     */
    watchRun(): () => void {
      return rs.subscribe((state, previous) => {
        if (state.status === 'training' && previous.status !== 'training') endWalk();
      });
    },

    /** Pauses training (the panels' own button, e.g. to read an example at leisure). */
    pause: (): Promise<void> => trainer.pause(),
  };
}

export type InspectController = ReturnType<typeof createInspectController>;
