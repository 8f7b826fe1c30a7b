/**
 * How the trainer yields to the event loop between time slices.
 *
 * `setTimeout(fn, 0)` is clamped to ≥ 4 ms once timers nest, which would waste a third of a
 * 10 ms slice; a `MessageChannel` message is queued as a task without that clamp (React's
 * scheduler does the same), and comlink's messages still get their turn between slices.
 */

/** Runs `task` in a later task of the event loop. */
export type Scheduler = (task: () => void) => void;

/** The default scheduler: a MessageChannel when available, else setTimeout. */
export function createYieldScheduler(): Scheduler {
  if (typeof MessageChannel === 'undefined') {
    return (task) => {
      setTimeout(task, 0);
    };
  }
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => {
    queue.shift()?.();
  };
  // In Node (tests, scripts) an open port would keep the process alive after the work is done.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (task) => {
    queue.push(task);
    channel.port2.postMessage(null);
  };
}
