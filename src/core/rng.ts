/**
 * The one source of randomness in the engine.
 *
 * A small, fast, seeded generator (xoshiro128**, 32-bit state words) so that the same seed and the
 * same settings give bit-identical weights in Node and in a Web Worker. `Math.random` is never used
 * anywhere in `src/core`.
 */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number;
  /** The current state, to save and restore a run exactly. */
  getState(): Uint32Array;
  /** Restores a state returned by `getState`. */
  setState(state: Uint32Array): void;
}

/** splitmix32: spreads a user seed over the four state words (never all zero). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator. Any finite number is a valid seed; it is reduced to 32 bits.
 *
 * @param seed - integer seed (the URL and the UI show it)
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed));
  const s = new Uint32Array([init(), init(), init(), init()]);
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;

  const nextUint32 = (): number => xoshiroNext(s);

  return {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
    getState: () => s.slice(),
    setState: (state: Uint32Array) => s.set(state.subarray(0, 4)),
  };
}

/**
 * One xoshiro128** step on a raw 4-word state, in place: the very generator behind `createRng`,
 * exposed so that hot loops can draw without a closure call. A state obtained from
 * `rng.getState()` and advanced here continues the same sequence `rng.nextUint32()` would give.
 *
 *   result = rotl(s1 · 5, 7) · 9;  then the xoshiro128 state transition.
 *
 * @param s - state, 4 × uint32, never all zero; updated in place
 * @returns uniform 32-bit unsigned integer
 */
export function xoshiroNext(s: Uint32Array): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const s2 = s[2]!;
  const s3 = s[3]!;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = (s1 << 9) >>> 0;
  const n2 = (s2 ^ s0) >>> 0;
  const n3 = (s3 ^ s1) >>> 0;
  s[1] = (s1 ^ n2) >>> 0;
  s[0] = (s0 ^ n3) >>> 0;
  s[2] = (n2 ^ t) >>> 0;
  s[3] = rotl(n3, 11);
  return r;
}

/**
 * Uniform integer in [0, n) from a raw state (same rule as `Rng.nextInt`: ⌊u · n⌋ with
 * u = uint32 / 2^32), for 1 ≤ n ≤ 2^31.
 *
 * @param s - xoshiro128** state, updated in place
 * @param n - number of outcomes
 */
export function xoshiroInt(s: Uint32Array, n: number): number {
  return Math.floor(xoshiroNext(s) * (n / 4294967296));
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
