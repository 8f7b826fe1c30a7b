/**
 * The engine's one generator, xoshiro128** (src/core/rng.ts), and the two draws the kernel makes
 * with it. The state lives in the KernelState's 4-word array; a call loads it into globals on
 * entry and stores it back on exit (`loadRng` / `storeRng`), so the TypeScript side (sub-sampling,
 * minibatch plans) and this kernel continue one and the same sequence.
 */
import { aliasPtr, noiseScale, probPtr, rngPtr } from './layout';

let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

/** 2^32: a uint32 draw u stands for the uniform number u / 2^32 in [0, 1). */
const TWO_POW_32: f64 = 4294967296.0;

export function loadRng(): void {
  s0 = load<u32>(rngPtr);
  s1 = load<u32>(rngPtr, 4);
  s2 = load<u32>(rngPtr, 8);
  s3 = load<u32>(rngPtr, 12);
}

export function storeRng(): void {
  store<u32>(rngPtr, s0);
  store<u32>(rngPtr, s1, 4);
  store<u32>(rngPtr, s2, 8);
  store<u32>(rngPtr, s3, 12);
}

/** One step: result = rotl(s1 · 5, 7) · 9, then the xoshiro128 state transition. */
export function nextU32(): u32 {
  const r = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s1 = s1 ^ n2;
  s0 = s0 ^ n3;
  s2 = n2 ^ t;
  s3 = rotl<u32>(n3, 11);
  return r;
}

/** Uniform integer in [0, n): ⌊u · n / 2^32⌋ in float64, exactly as `xoshiroInt`. */
export function nextInt(n: i32): i32 {
  return <i32>Math.floor(<f64>nextU32() * (<f64>n / TWO_POW_32));
}

/**
 * One noise word from the alias table (`drawAlias`): x = u · W / 2^32, slot ⌊x⌋, kept when the
 * coin x − ⌊x⌋ is below prob[slot], else alias[slot]. Both table entries are loaded and one is
 * selected, with no branch on the coin: the coin is unpredictable, and a mispredicted branch
 * would wait for the table load before the draw could go on. Since u · W < 2^53, x is exact, so
 * are ⌊x⌋ and the coin: the same words as the TypeScript draw.
 */
export function drawNoise(): i32 {
  const x = <f64>nextU32() * noiseScale;
  const slot = Math.floor(x);
  const i = <usize>(<i32>slot);
  const alias = load<i32>(aliasPtr + (i << 2));
  return select<i32>(<i32>i, alias, x - slot < load<f64>(probPtr + (i << 3)));
}
