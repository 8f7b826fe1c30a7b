/**
 * The page's handle on the trainer: one long-lived worker, created once when this module is
 * first imported (never inside a component, which StrictMode would mount twice).
 *
 * Frames arrive through one `Comlink.proxy` callback registered here once, and so do the
 * derivation panels' messages; the layers above subscribe with `subscribeFrames` and
 * `subscribeInspect` instead of registering callbacks of their own.
 */
import { proxy, wrap } from 'comlink';
import type { Frame, FrameListener, InspectListener, InspectMessage, TrainerApi } from './protocol';

const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
  type: 'module',
  name: 'trainer',
});

/** The trainer's commands; every call returns a promise. */
export const trainer = wrap<TrainerApi>(worker);

const frameListeners = new Set<FrameListener>();
const inspectListeners = new Set<InspectListener>();

/** Calls `listener` with every frame from now on; returns the unsubscribe function. */
export function subscribeFrames(listener: (frame: Frame) => void): () => void {
  frameListeners.add(listener);
  return () => {
    frameListeners.delete(listener);
  };
}

/** Calls `listener` with every message of the derivation panels' feed; returns the unsubscribe. */
export function subscribeInspect(listener: (message: InspectMessage) => void): () => void {
  inspectListeners.add(listener);
  return () => {
    inspectListeners.delete(listener);
  };
}

// The built-in corpus assets sit in `generated/` under the app's base. With the relative base of
// vite.config.ts, BASE_URL is './' in a build, so it is resolved against the page's own URL.
void trainer.setAssetBase(new URL(`${import.meta.env.BASE_URL}generated/`, document.baseURI).href);

void trainer.setFrameListener(
  proxy((frame: Frame) => {
    for (const listener of frameListeners) listener(frame);
  }),
);

void trainer.setInspectListener(
  proxy((message: InspectMessage) => {
    for (const listener of inspectListeners) listener(message);
  }),
);
