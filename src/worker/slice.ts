/**
 * The time budget of one training slice: how long it may train, whether it projects the shown
 * words, and the loop that calls the engine in chunks until the deadline or the speed cap's
 * allowance is used up. Pure functions of the clock readings, so the trainer stays a thin shell.
 */

/** Projections may take at most about a fifth of the training time. */
const PROJECT_SHARE = 4;

export interface SliceTiming {
  /** Wall-clock time the slice starts (ms). */
  start: number;
  sliceMs: number;
  projectMs: number;
  frameMs: number;
  /** When the last projection ran and how long it took (ms). */
  lastProjectionAt: number;
  lastProjectionMs: number;
  /** When the last frame went out (ms). */
  lastFrameAt: number;
}

/**
 * Whether this slice projects, and when its training must stop. A projection is due only in a
 * slice that will also send a frame (so it reaches the page at once), and never more often than
 * `PROJECT_SHARE` times its own cost; its time comes out of the slice, which still ends on time.
 */
export function planSlice(t: SliceTiming): { isProjectionDue: boolean; deadline: number } {
  const projectEvery = Math.max(t.projectMs, PROJECT_SHARE * t.lastProjectionMs);
  const isProjectionDue =
    t.start - t.lastProjectionAt >= projectEvery && t.start - t.lastFrameAt >= t.frameMs;
  const deadline = t.start + t.sliceMs - (isProjectionDue ? t.lastProjectionMs : 0);
  return { isProjectionDue, deadline };
}

/** How many units a run has done (the trainer's Run fits). */
export interface UnitCounter {
  readonly unitsDone: number;
}

/**
 * Calls `advance(allowed)` (one engine chunk of at most `allowed` units; false when the run
 * stopped) until the run stops, the allowance runs out or `now()` passes the deadline. Returns
 * the allowance left.
 */
export function trainUntil(
  run: UnitCounter,
  deadline: number,
  allowance: number,
  advance: (allowed: number) => boolean,
  now: () => number,
): number {
  let left = allowance;
  for (;;) {
    const before = run.unitsDone;
    const goOn = advance(left);
    left -= run.unitsDone - before;
    if (!goOn || left < 1 || now() >= deadline) return left;
  }
}
