/**
 * The random draws of minibatch mode, as src/core/minibatchData.ts's `sampleBatch` makes them
 * (the readable reference), in the same order from the same generator: a window from the
 * replicated corpus, then K negatives per pair, repeats merged into one target with a count.
 */
import { addTarget, firstTarget } from './pairs';
import { drawNoise, nextInt } from './rng';

/** The replicated corpus (tokens, sentence starts) and the context buffer of the state. */
let tokensPtr: usize = 0;
let startsPtr: usize = 0;
export let contextPtr: usize = 0;
/** The centre word of the window last drawn. */
export let windowCentre: i32 = 0;

/** Where this call's buffers are. */
export function beginDraws(tokens: usize, starts: usize, context: usize): void {
  tokensPtr = tokens;
  startsPtr = starts;
  contextPtr = context;
}

export function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}

/**
 * One window (`drawWindow`): a uniform sentence, a uniform centre position, the up-to-radius
 * tokens on each side minus those equal to the centre, drawn again while empty. The context goes
 * to contextPtr, the centre to windowCentre; returns the context length.
 */
export function drawWindow(sentences: i32, radius: i32): i32 {
  while (true) {
    const s = nextInt(sentences);
    const begin = i32At(startsPtr, s);
    const end = i32At(startsPtr, s + 1);
    const pos = begin + nextInt(end - begin);
    const centre = i32At(tokensPtr, pos);
    const hi = min(end, pos + radius + 1);
    let n = 0;
    for (let q = max(begin, pos - radius); q < hi; q++) {
      const w = i32At(tokensPtr, q);
      if (q != pos && w != centre) {
        store<i32>(contextPtr + ((<usize>n) << 2), w);
        n++;
      }
    }
    if (n > 0) {
      windowCentre = centre;
      return n;
    }
  }
  return 0;
}

/** One noise word ≠ target (`drawNegatives`): redrawn, at most 1000 draws, then word 0 (or 1). */
function drawNegative(target: i32): i32 {
  let w = target;
  for (let tries = 0; w == target && tries < 1000; tries++) w = drawNoise();
  return w == target ? (target == 0 ? 1 : 0) : w;
}

/**
 * A pair's NS targets in ids/counts: the true word, then K negatives drawn now, repeats merged;
 * returns how many distinct targets.
 */
export function drawPairTargets(target: i32, K: i32): i32 {
  let n = firstTarget(target);
  for (let k = 0; k < K; k++) n = addTarget(n, drawNegative(target));
  return n;
}
