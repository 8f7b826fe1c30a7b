/**
 * Hot rows of a Hogwild team (src/core/team.ts): the rows every thread writes all the time — the
 * centre and output rows of the most frequent words, which negative sampling draws again and
 * again, and the inner nodes next to the Huffman root, on every path — bounce between the cores'
 * caches when two threads update them at once: each write waits for the other core to give the
 * cache line back. So in a team each thread trains its hot rows in a copy of its own and merges
 * with the shared weights now and then (local SGD on those rows, Hogwild on all others):
 *
 *   G += L − S;  L = S = G      (G: shared rows, L: this thread's copy, S: L as of the last merge)
 *
 * so every thread's steps reach G, and each sees the others' within one merge interval. With no
 * hot rows (one thread: `hotRows` = 0) nothing here is used and the kernel is unchanged.
 */
import { centrePtr, outPtr, rowBytes } from './layout';

/** Hot rows per matrix (0: none), and the first hot output row (0 for NS, W − 1 − H for HS). */
let hotRows: i32 = 0;
let hotOutFirst: i32 = 0;
/** This thread's copies L and their snapshots S, each hotRows rows (centre, output). */
let centreLocal: usize = 0;
let outLocal: usize = 0;
let centreSnap: usize = 0;
let outSnap: usize = 0;
/** Tokens between merges, and tokens since the last one. */
let mergeEvery: i32 = 0;
let sinceMerge: i32 = 0;
/** hotRows while a stream span trains, else 0: only training uses the copies. */
let active: i32 = 0;

/** Sets up the hot rows (rows = 0 turns them off); the copies are filled by the first merge. */
export function initHot(
  rows: i32,
  outFirst: i32,
  cLocal: usize,
  oLocal: usize,
  cSnap: usize,
  oSnap: usize,
  every: i32,
): void {
  hotRows = rows;
  hotOutFirst = outFirst;
  centreLocal = cLocal;
  outLocal = oLocal;
  centreSnap = cSnap;
  outSnap = oSnap;
  mergeEvery = every;
  sinceMerge = 0;
}

/** Centre row address of word w: its copy while training, when w is hot. */
export function centreAddress(w: i32): usize {
  return <u32>w < <u32>active ? centreLocal + <usize>w * rowBytes : centrePtr + <usize>w * rowBytes;
}

/** Output row address r (an NS word, an HS inner node): its copy while training, when hot. */
export function outAddress(r: i32): usize {
  const k = r - hotOutFirst;
  return <u32>k < <u32>active ? outLocal + <usize>k * rowBytes : outPtr + <usize>r * rowBytes;
}

/** G += L − S; L = S = G over `bytes` bytes of rows (4 lanes at a time, a tail float by float). */
function mergeBlock(g: usize, l: usize, s: usize, bytes: usize): void {
  const vec = bytes & ~15;
  for (let i: usize = 0; i < vec; i += 16) {
    const v = f32x4.add(v128.load(g + i), f32x4.sub(v128.load(l + i), v128.load(s + i)));
    v128.store(g + i, v);
    v128.store(l + i, v);
    v128.store(s + i, v);
  }
  for (let i = vec; i < bytes; i += 4) {
    const v = load<f32>(g + i) + (load<f32>(l + i) - load<f32>(s + i));
    store<f32>(g + i, v);
    store<f32>(l + i, v);
    store<f32>(s + i, v);
  }
}

/** Merges this thread's hot copies with the shared rows (see the top of this file). */
export function mergeHot(): void {
  if (hotRows == 0) return;
  const bytes = <usize>hotRows * rowBytes;
  mergeBlock(centrePtr, centreLocal, centreSnap, bytes);
  mergeBlock(outPtr + <usize>hotOutFirst * rowBytes, outLocal, outSnap, bytes);
  sinceMerge = 0;
}

/** Before a span of `tokens` centres: merges when the interval has passed; turns the copies on. */
export function enterSpan(tokens: i32): void {
  if (hotRows == 0) return;
  if (sinceMerge >= mergeEvery) mergeHot();
  sinceMerge += tokens;
  active = hotRows;
}

/** After a span: the copies off (calls from outside training see the shared rows only). */
export function leaveSpan(): void {
  active = 0;
}
