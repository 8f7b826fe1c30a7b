/**
 * Smooth motion of the points between projection frames. Frames with new coordinates arrive about
 * ten times a second; drawing them as they come would make the points hop. Instead each drawn
 * position approaches its target exponentially, a fraction 1 − e^(−dt/τ) per animation frame.
 */

/** Time constant of the approach, in ms (about one frame interval of the worker's projection). */
export const MOTION_TAU_MS = 110;

/**
 * Moves the first `n` values of `current` toward `target` in place after `dtMs` milliseconds.
 * A non-finite current value snaps to its target. Returns the largest distance still remaining,
 * so the caller knows whether to keep animating.
 */
export function approach(
  current: Float32Array,
  target: Float32Array,
  n: number,
  dtMs: number,
  tauMs = MOTION_TAU_MS,
): number {
  const a = 1 - Math.exp(-Math.max(0, dtMs) / tauMs);
  let remaining = 0;
  for (let i = 0; i < n; i++) {
    const goal = target[i]!;
    const value = current[i]!;
    const next = Number.isFinite(value) ? value + (goal - value) * a : goal;
    current[i] = next;
    const left = Math.abs(goal - next);
    if (left > remaining) remaining = left;
  }
  return remaining;
}
