/**
 * The speed cap for slow classroom demos: a token bucket. Credit grows at `rate` units per second
 * of clock time, up to a tenth of a second's worth (so a pause or a slow page cannot save up a
 * burst), and each unit trained spends one. With no rate set, the cap is infinite.
 */

/** Longest wait between two throttled slices, so a change of speed is felt quickly. */
const MAX_WAIT_MS = 250;
/** A throttled slice waits until it can train about one frame's worth of units (≥ 1). */
const BATCH_MS = 1000 / 60;

export interface Throttle {
  /** Sets units per second; null (or a rate that is not a positive finite number) lifts the cap. */
  setRate(unitsPerSecond: number | null): void;
  readonly rate: number | null;
  /** Starts a fresh bucket holding one unit, so playing begins at once. */
  start(t: number): void;
  /** Units the slice starting at `t` may train (Infinity without a cap). */
  allowance(t: number): number;
  /** Records units trained. */
  spend(units: number): void;
  /** Milliseconds to wait before the next slice is worth running (0 without a cap). */
  waitMs(): number;
}

export function createThrottle(): Throttle {
  let rate: number | null = null;
  let credit = 0;
  let since = 0;

  const cap = (): number => Math.max(1, rate! / 10);

  return {
    setRate(unitsPerSecond) {
      const isRate =
        unitsPerSecond !== null && Number.isFinite(unitsPerSecond) && unitsPerSecond > 0;
      rate = isRate ? unitsPerSecond : null;
      credit = Math.min(credit, rate === null ? 0 : cap());
    },
    get rate() {
      return rate;
    },
    start(t) {
      since = t;
      credit = 1;
    },
    allowance(t) {
      if (rate === null) return Number.POSITIVE_INFINITY;
      credit = Math.min(cap(), credit + (Math.max(0, t - since) * rate) / 1000);
      since = t;
      return Math.floor(credit);
    },
    spend(units) {
      if (rate !== null) credit -= units;
    },
    waitMs() {
      if (rate === null) return 0;
      const target = Math.min(cap(), Math.max(1, (rate * BATCH_MS) / 1000));
      const ms = ((target - credit) * 1000) / rate;
      return Math.min(MAX_WAIT_MS, Math.max(1, Math.ceil(ms)));
    },
  };
}
