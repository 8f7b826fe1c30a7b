/**
 * The derivation panels' feed inside the trainer (issue 4). While the panels are open it tells
 * them about every new model (a context message) and shows them examples the engine really
 * trains: between slices, at most every INSPECT_EVERY_MS of the trainer's clock, one example is
 * drawn with the run's rules, traced at the current weights, trained by `engine.trainExample`
 * and sent; after a `step`, one more. The slow step holds an example back ('pending') until
 * `applyPending` trains it. While the panels are closed nothing here runs: the loop only reads
 * one boolean per slice.
 *
 * A pending example is valid while the weights it was traced at are the weights now: same run,
 * same units trained, no other example trained since (the feed's `version` counts those).
 */
import { gradcheckExample } from '../core/inspect/gradcheckExample';
import type { TrainingExample } from '../core/inspect/example';
import { pairCount, pairTarget } from '../core/inspect/example';
import { INSPECT_EVERY_MS } from './inspectLimits';
import type { ExampleFeed } from './inspectFrames';
import { buildContext, createFeed, inspectWeights, nextExample, traceFrame } from './inspectFrames';
import type {
  GradcheckAnswer,
  InspectFrame,
  InspectListener,
  InspectMessage,
  InspectRequest,
  TrainerApi,
} from './protocol';
import type { Run } from './run';

/** What the feed needs from the trainer. */
export interface InspectorHooks {
  /** The trainer's clock (ms). */
  now: () => number;
  /** The current run, null before the first model. */
  run: () => Run | null;
  /** Stops the loop if it is training (the slow step pauses first). */
  pause: () => void;
  /** An example was trained outside the loop (applyPending): refresh the run's picture. */
  onTrained: () => void;
  /**
   * Runs a task that reads or trains the weights with the other training threads parked
   * (threads.ts); default: just runs it (one thread).
   */
  alone?: <T>(task: () => T) => T;
}

/** The commands of `TrainerApi` that belong to the feed. */
export type InspectCommands = Pick<
  TrainerApi,
  'setInspect' | 'setInspectListener' | 'slowStep' | 'applyPending' | 'gradcheck'
>;

export interface Inspector {
  readonly commands: InspectCommands;
  /** A new model (or new settings in force): sends the context when the panels are open. */
  sendContext(): void;
  /** Between two slices of training: one example when INSPECT_EVERY_MS has passed. */
  whileTraining(): void;
  /** A `step` just finished: one more example, so the panels move with every step. */
  afterStep(): void;
}

/** A slow-step example waiting for `applyPending`. */
interface Pending {
  readonly feed: ExampleFeed;
  readonly example: TrainingExample;
  readonly frame: InspectFrame;
  readonly unitsDone: number;
  readonly version: number;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export function createInspector(hooks: InspectorHooks): Inspector {
  const alone = hooks.alone ?? (<T>(task: () => T): T => task());
  let request: InspectRequest = { isOpen: false, wantsWeights: false };
  let listener: InspectListener | null = null;
  let feed: ExampleFeed | null = null;
  /** Examples trained by this feed in the current run (a weight-change counter). */
  let version = 0;
  let pending: Pending | null = null;
  let lastShownAt = Number.NEGATIVE_INFINITY;

  const isActive = (): boolean => request.isOpen && listener !== null && hooks.run() !== null;

  const send = (message: InspectMessage): void => {
    if (!request.isOpen || !listener) return;
    const received = listener(message);
    // A Comlink proxy answers with a promise; a closed page must not raise an unhandled rejection.
    if (isThenable(received)) received.then(undefined, () => undefined);
  };

  /** The current run's feed (a fresh one, and no pending example, after a new model). */
  const feedOf = (run: Run): ExampleFeed => {
    if (feed?.run !== run) {
      feed = createFeed(run);
      version = 0;
      pending = null;
    }
    return feed;
  };

  /** The next example of the run; null when the corpus has no window to draw one from. */
  const drawNext = (run: Run): TrainingExample | null => {
    try {
      return nextExample(feedOf(run));
    } catch {
      return null;
    }
  };

  /** Draws the next example and traces it at the current weights. */
  const draw = (run: Run, state: InspectFrame['state']) => {
    const example = drawNext(run);
    if (!example) return null;
    return { example, frame: traceFrame(feedOf(run), example, state, request.wantsWeights) };
  };

  const isValid = (p: Pending | null): p is Pending =>
    p !== null &&
    p.feed === feed &&
    p.feed.run === hooks.run() &&
    p.unitsDone === p.feed.run.unitsDone &&
    p.version === version;

  /**
   * engine.trainExample, counted as a weight change. An example whose traced loss is not finite
   * is not trained: it would mark the engine diverged behind the loop's back (the loop's own
   * next `train` reports a diverging model, with its message).
   */
  const train = (run: Run, drawn: { example: TrainingExample; frame: InspectFrame }): boolean => {
    if (!Number.isFinite(drawn.frame.trace.totalLoss)) return false;
    run.engine.trainExample(drawn.example);
    version++;
    return true;
  };

  /** One example drawn, traced, trained and sent ('trained'). */
  const showTrained = (): void => {
    const run = hooks.run();
    lastShownAt = hooks.now();
    if (!run || run.engine.progress().diverged) return;
    const drawn = alone(() => {
      const next = draw(run, 'trained');
      return next && train(run, next) ? next : null;
    });
    if (drawn) send({ kind: 'example', frame: drawn.frame });
  };

  const sendContext = (): void => {
    const run = hooks.run();
    if (isActive() && run) send({ kind: 'context', context: buildContext(run) });
  };

  const commands: InspectCommands = {
    async setInspect(next) {
      const wasOpen = request.isOpen;
      request = { isOpen: next.isOpen, wantsWeights: next.wantsWeights };
      if (next.isOpen && !wasOpen) sendContext();
    },

    setInspectListener(next) {
      listener = next;
      sendContext();
    },

    async slowStep() {
      const run = hooks.run();
      if (!run) return null;
      hooks.pause();
      const drawn = alone(() => draw(run, 'pending'));
      if (!drawn) return null;
      pending = { feed: feed!, ...drawn, unitsDone: run.unitsDone, version };
      send({ kind: 'example', frame: drawn.frame });
      return drawn.frame;
    },

    async applyPending() {
      const held = pending;
      pending = null;
      if (!isValid(held) || held.feed.run.engine.progress().diverged) return false;
      if (!alone(() => train(held.feed.run, held))) return false;
      send({ kind: 'example', frame: { ...held.frame, state: 'trained' } });
      hooks.onTrained();
      return true;
    },

    async gradcheck(breakGradient): Promise<GradcheckAnswer | null> {
      const run = hooks.run();
      if (!run) return null;
      // The pending example if it still fits the weights, else a fresh one (not trained).
      const example = isValid(pending) ? pending.example : drawNext(run);
      if (!example) return null;
      const check = alone(() =>
        gradcheckExample(example, inspectWeights(run.engine), { breakGradient }),
      );
      const { words } = run.engine.corpus.vocab;
      const targets = Array.from({ length: pairCount(example) }, (_, j) => pairTarget(example, j));
      return { check, center: words[example.center]!, targets: targets.map((t) => words[t]!) };
    },
  };

  return {
    commands,
    sendContext,
    whileTraining() {
      if (isActive() && hooks.now() - lastShownAt >= INSPECT_EVERY_MS) showTrained();
    },
    afterStep() {
      if (isActive()) showTrained();
    },
  };
}
