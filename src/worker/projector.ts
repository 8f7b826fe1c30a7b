/**
 * The scatter's 2-D picture, made in the worker: the shown rows of the chosen vectors projected
 * on their top-2 principal axes (MATH.md §9), each projection sign-aligned with the one before so
 * points do not jump when an eigenvector's arbitrary sign flips.
 *
 * Two routes to the same axes. Up to EXACT_MAX_ROWS rows, `project2d`'s full eigen-decomposition
 * (O(n·d² + d³): about 10 ms for 1,000 words at d = 100). Beyond, with background points (up to
 * ~11,000 rows), `powerProject2d`: a couple of power-iteration steps warm-started from the
 * previous axes, O(n·d) each, about 10 ms for 11,000 × 100 on this machine (see the report). A
 * new list of rows, or a fresh model, gets more steps (a cold start). The trainer makes one
 * projection at most every ~100 ms while training and charges its time to the slice it is made
 * in (slice.ts). The rows are gathered into one reused float32 buffer, not a fresh copy each time.
 */
import { powerProject2d } from '../core/powerProjection';
import { gatherConcatRows, gatherRows, project2d, type Projection } from '../core/projection';
import type { Engine } from '../core/types';
import type { VectorChoice } from './protocol';

/** Rows up to this many take the exact route; more take the power iteration. */
export const EXACT_MAX_ROWS = 1000;
/** Power steps when the rows changed or the model is fresh (the previous axes are a poor start). */
const COLD_STEPS = 12;

export interface Projector {
  /** Projects the rows `ids` of `engine`'s chosen vectors and keeps them for the next frame. */
  update(engine: Engine, ids: Int32Array, vectors: VectorChoice): void;
  /** The coordinates made since the last call, or an empty array if none were. */
  take(): Float32Array;
  /** Explained-variance ratios of the latest projection. */
  explained(): [number, number];
  /** Drops the alignment reference (a fresh model has nothing to align with). */
  forget(): void;
  /** Makes the next `take` return the latest coordinates again (a new listener needs them). */
  resend(): void;
  /** Clock time when the latest projection finished and how long it took (ms). */
  readonly lastAt: number;
  readonly lastMs: number;
}

/** The rows to project (n × d) gathered into `scratch` (grown when too small), and d. */
function shownRows(
  engine: Engine,
  ids: Int32Array,
  vectors: VectorChoice,
  scratch: { buffer: Float32Array },
) {
  const d = engine.config.dim;
  const { centerVecs, outsideVecs } = engine;
  const width = vectors !== 'center' && outsideVecs ? (vectors === 'concat' ? 2 * d : d) : d;
  if (scratch.buffer.length < ids.length * width) {
    scratch.buffer = new Float32Array(ids.length * width);
  }
  const out = scratch.buffer;
  if (vectors === 'concat' && outsideVecs) {
    return { rows: gatherConcatRows(centerVecs, outsideVecs, d, ids, out), d: width };
  }
  if (vectors === 'outside' && outsideVecs) {
    return { rows: gatherRows(outsideVecs, d, ids, out), d };
  }
  return { rows: gatherRows(centerVecs, d, ids, out), d };
}

/**
 * The exact route for few rows, the warm-started power iteration for many; `isSameRows` says
 * whether `previous` was made from these very rows (then two steps are enough).
 */
function projectRows(
  rows: Float32Array | Float64Array,
  n: number,
  d: number,
  previous: Projection | undefined,
  isSameRows: boolean,
): Projection {
  if (n <= EXACT_MAX_ROWS) return project2d(rows, n, d, previous);
  return powerProject2d(rows, n, d, previous, isSameRows ? {} : { iterations: COLD_STEPS });
}

/** With d = 1 there is one axis: x is the centred value, y is 0. */
function project1d(
  rows: Float32Array | Float64Array,
  n: number,
): { coords: Float32Array; ratios: number[] } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += rows[i]!;
  mean /= n;
  const coords = new Float32Array(2 * n);
  let spread = 0;
  for (let i = 0; i < n; i++) {
    coords[2 * i] = rows[i]! - mean;
    spread += Math.abs(rows[i]! - mean);
  }
  return { coords, ratios: [spread > 0 ? 1 : 0, 0] };
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/** A projector timed by `now` (ms). */
export function createProjector(now: () => number): Projector {
  let previous: Projection | undefined;
  /** The ids `previous` was made from (null after `forget`). */
  let previousIds: Int32Array | null = null;
  const scratch = { buffer: new Float32Array(0) };
  let coords: Float32Array = new Float32Array(0);
  let ratios: [number, number] = [0, 0];
  let isFresh = false;
  let lastIds: Int32Array | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastMs = 0;

  /** Keeps a new picture; a non-finite one (diverged model) keeps the last picture instead. */
  const accept = (next: Float32Array, nextRatios: number[], ids: Int32Array): void => {
    isFresh = true;
    if (!allFinite(next) || !allFinite(nextRatios)) {
      // Same words: the last finite picture stays. New words: all at the origin, never NaN.
      if (ids !== lastIds) coords = new Float32Array(next.length);
      lastIds = ids;
      return;
    }
    coords = next;
    ratios = [nextRatios[0]!, nextRatios[1]!];
    lastIds = ids;
  };

  return {
    update(engine, ids, vectors) {
      const start = now();
      const n = ids.length;
      if (n === 0) {
        accept(new Float32Array(0), [0, 0], ids);
      } else {
        const { rows, d } = shownRows(engine, ids, vectors, scratch);
        if (d < 2) {
          const flat = project1d(rows, n);
          accept(flat.coords, flat.ratios, ids);
        } else {
          const isSameRows = previousIds === ids && previous?.d === d;
          const projection = projectRows(rows, n, d, previous, isSameRows);
          const ratios = Array.from(projection.explainedVarianceRatio);
          const wasFinite = allFinite(projection.coords) && allFinite(ratios);
          accept(projection.coords, ratios, ids);
          if (wasFinite) {
            previous = projection;
            previousIds = ids;
          }
        }
      }
      lastAt = now();
      lastMs = lastAt - start;
    },
    take() {
      if (!isFresh) return new Float32Array(0);
      isFresh = false;
      // The frame's array is transferred to the page, so it gets its own copy.
      return coords.slice();
    },
    explained: () => [ratios[0], ratios[1]],
    forget() {
      previous = undefined;
      previousIds = null;
    },
    resend() {
      isFresh = true;
    },
    get lastAt() {
      return lastAt;
    },
    get lastMs() {
      return lastMs;
    },
  };
}
