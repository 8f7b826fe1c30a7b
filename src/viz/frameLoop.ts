/**
 * The page's one animation loop (STYLE rule 15). Renderers register a `draw(time)` callback; each
 * keeps its own dirty flag and returns at once when nothing changed (liveFrame.version, its view,
 * its size, the pointer). The loop runs only while someone is registered.
 */

/** Called once per animation frame with the rAF timestamp in ms. */
export type DrawCallback = (time: number) => void;

export interface FrameLoop {
  /** Adds a callback; returns the function that removes it. */
  add(draw: DrawCallback): () => void;
  /** Number of registered callbacks. */
  size(): number;
}

/** The scheduling functions, injectable so the loop can be tested without a browser. */
export interface Scheduler {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

/** A loop driven by `scheduler`; it stops asking for frames when the last callback leaves. */
export function createFrameLoop(scheduler: Scheduler): FrameLoop {
  const callbacks = new Set<DrawCallback>();
  let handle = 0;
  let isRunning = false;

  const tick = (time: number): void => {
    // A callback that throws must not stop the others or the loop.
    for (const draw of callbacks) {
      try {
        draw(time);
      } catch (error) {
        console.error(error);
      }
    }
    if (callbacks.size > 0) handle = scheduler.request(tick);
    else isRunning = false;
  };

  return {
    add(draw) {
      callbacks.add(draw);
      if (!isRunning) {
        isRunning = true;
        handle = scheduler.request(tick);
      }
      return () => {
        callbacks.delete(draw);
        if (callbacks.size === 0 && isRunning) {
          scheduler.cancel(handle);
          isRunning = false;
        }
      };
    },
    size: () => callbacks.size,
  };
}

/** The shared loop of the page, on the browser's requestAnimationFrame. */
export const frameLoop: FrameLoop = createFrameLoop({
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
});
