/**
 * The CS224n stochastic-gradient-descent loop (`sgd.py`), float64 and pure (MATH.md §7, §10).
 */
import type { Objective } from './gradcheck';

/** What {@link sgd} reports at each print point. */
export interface SgdProgress {
  /** 1-based iteration just finished. */
  iteration: number;
  /** The smoothed loss after this iteration (what CS224n prints). */
  loss: number;
  /** The raw loss J(x) evaluated at the start of this iteration. */
  rawLoss: number;
  /** The step size used in this iteration. */
  step: number;
}

/** Settings of {@link sgd}. */
export interface SgdOptions {
  /** Initial step size α. */
  step: number;
  /** Number of iterations (each one evaluation of f and one update). */
  iterations: number;
  /** Halve the step after every this many iterations; 0 turns annealing off. Default 20 000. */
  annealEvery?: number;
  /** Update (and report) the smoothed loss every this many iterations. Default 10 (CS224n). */
  printEvery?: number;
  /** Called at every print point; the loop does no I/O itself. */
  onProgress?: (progress: SgdProgress) => void;
}

/** Result of {@link sgd}. */
export interface SgdResult {
  /** The final parameters (a new array; x0 is left unchanged). */
  x: Float64Array;
  /** The smoothed loss at each print point: entry k belongs to iteration (k + 1)·printEvery. */
  history: Float64Array;
  /** The step size after the last annealing. */
  step: number;
}

/**
 * Runs plain SGD the way CS224n's `sgd` does:
 *
 *   for t = 1 … iterations:  (J, g) = f(x);  x ← x − α g
 *     every printEvery iterations:  L ← J (first time),  L ← 0.95·L + 0.05·J (after)
 *     every annealEvery iterations: α ← α / 2
 *
 * The smoothed loss samples J only at print points (every 10th iteration in CS224n), exactly as
 * the assignment computes the numbers it prints; with printEvery = 1 it smooths every iteration.
 * Works on a copy of x0; f may be stochastic (it draws its own minibatch).
 *
 * @param f - x → { loss, grad }, grad of the same length as x
 * @param x0 - the starting point (not modified)
 * @param options - step, iterations, annealEvery (20 000), printEvery (10), onProgress
 */
export function sgd(f: Objective, x0: ArrayLike<number>, options: SgdOptions): SgdResult {
  const { iterations, annealEvery = 20000, printEvery = 10, onProgress } = options;
  if (!Number.isInteger(printEvery) || printEvery < 1) {
    throw new RangeError(`printEvery must be a positive integer, got ${printEvery}`);
  }
  let step = options.step;
  const x = Float64Array.from(x0);
  const history = new Float64Array(Math.floor(Math.max(0, iterations) / printEvery));
  let smoothed = NaN;
  for (let iteration = 1; iteration <= iterations; iteration++) {
    const { loss, grad } = f(x);
    descend(x, step, grad);
    if (iteration % printEvery === 0) {
      const k = iteration / printEvery - 1;
      smoothed = k === 0 ? loss : 0.95 * smoothed + 0.05 * loss;
      history[k] = smoothed;
      onProgress?.({ iteration, loss: smoothed, rawLoss: loss, step });
    }
    if (annealEvery > 0 && iteration % annealEvery === 0) step *= 0.5;
  }
  return { x, history, step };
}

/** In place: x ← x − step · grad. */
function descend(x: Float64Array, step: number, grad: ArrayLike<number>): void {
  if (grad.length !== x.length) {
    throw new RangeError(`gradient has length ${grad.length}, x has ${x.length}`);
  }
  for (let i = 0; i < x.length; i++) x[i]! -= step * grad[i]!;
}
