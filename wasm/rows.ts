/**
 * Row kernels over linear memory, four float32 lanes at a time (WebAssembly SIMD): the scores
 * f_j = row_j · h of the rows in the pair's row list, and one-row helpers (updates.ts has the
 * SGD output step; src/core/kernelMath.ts and rowUpdates.ts are the readable versions). Sums are float32
 * per lane, so results match the float64-accumulating TypeScript kernel to float32 rounding, not
 * bit for bit. d need not be a multiple of 4: the last d mod 4 entries go one at a time.
 */
import { gsPtr, rowBytes, rowsPtr, scoresPtr, vecBytes } from './layout';

/**
 * a · b + c, lane by lane: one fused multiply-add where the build has relaxed SIMD
 * (kernel-relaxed*.wasm, for engines that support it), a multiply then an add otherwise. The
 * fused form rounds once instead of twice, so the two builds agree to float32 rounding.
 */
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** (l0 + l1) + (l2 + l3) of a 4-lane float32 vector. */
export function lanes(v: v128): f32 {
  return (
    f32x4.extract_lane(v, 0) +
    f32x4.extract_lane(v, 1) +
    (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3))
  );
}

/** Row address j of the pair's row list. */
export function row(j: i32): usize {
  return <usize>load<i32>(rowsPtr + ((<usize>j) << 2));
}

/** Step coefficient g_j, as float32. */
export function gain(j: i32): f32 {
  return <f32>load<f64>(gsPtr + ((<usize>j) << 3));
}

/** Σ row[i]·h[i] over the last d mod 4 entries (0 when 4 divides d). */
export function tailDot(r: usize, h: usize): f32 {
  let s: f32 = 0;
  for (let i = vecBytes; i < rowBytes; i += 4) s += load<f32>(r + i) * load<f32>(h + i);
  return s;
}

/** scores[j … j + 6) = rows[j … j + 6) · h, one pass over h, one partial sum per row. */
function score6(h: usize, j: i32): void {
  const r0 = row(j);
  const r1 = row(j + 1);
  const r2 = row(j + 2);
  const r3 = row(j + 3);
  const r4 = row(j + 4);
  const r5 = row(j + 5);
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  let a4 = f32x4.splat(0);
  let a5 = f32x4.splat(0);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    a0 = madd(v128.load(r0 + i), x, a0);
    a1 = madd(v128.load(r1 + i), x, a1);
    a2 = madd(v128.load(r2 + i), x, a2);
    a3 = madd(v128.load(r3 + i), x, a3);
    a4 = madd(v128.load(r4 + i), x, a4);
    a5 = madd(v128.load(r5 + i), x, a5);
  }
  const out = scoresPtr + ((<usize>j) << 3);
  store<f64>(out, <f64>(lanes(a0) + tailDot(r0, h)));
  store<f64>(out, <f64>(lanes(a1) + tailDot(r1, h)), 8);
  store<f64>(out, <f64>(lanes(a2) + tailDot(r2, h)), 16);
  store<f64>(out, <f64>(lanes(a3) + tailDot(r3, h)), 24);
  store<f64>(out, <f64>(lanes(a4) + tailDot(r4, h)), 32);
  store<f64>(out, <f64>(lanes(a5) + tailDot(r5, h)), 40);
}

/** scores[j … j + 4) = rows[j … j + 4) · h, one pass over h, one partial sum per row. */
function score4(h: usize, j: i32): void {
  const r0 = row(j);
  const r1 = row(j + 1);
  const r2 = row(j + 2);
  const r3 = row(j + 3);
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    a0 = madd(v128.load(r0 + i), x, a0);
    a1 = madd(v128.load(r1 + i), x, a1);
    a2 = madd(v128.load(r2 + i), x, a2);
    a3 = madd(v128.load(r3 + i), x, a3);
  }
  const out = scoresPtr + ((<usize>j) << 3);
  store<f64>(out, <f64>(lanes(a0) + tailDot(r0, h)));
  store<f64>(out, <f64>(lanes(a1) + tailDot(r1, h)), 8);
  store<f64>(out, <f64>(lanes(a2) + tailDot(r2, h)), 16);
  store<f64>(out, <f64>(lanes(a3) + tailDot(r3, h)), 24);
}

/** scores[j … j + 1) = rows[j … j + 1) · h, one pass over h, one partial sum per row. */
function score1(h: usize, j: i32): void {
  const r0 = row(j);
  let a0 = f32x4.splat(0);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    a0 = madd(v128.load(r0 + i), x, a0);
  }
  const out = scoresPtr + ((<usize>j) << 3);
  store<f64>(out, <f64>(lanes(a0) + tailDot(r0, h)));
}

/** scores[j] = rows[j] · h for j < n (row addresses in the row list). */
export function scoreRows(h: usize, n: i32): void {
  let j = 0;
  for (; j + 5 < n; j += 6) score6(h, j);
  for (; j + 3 < n; j += 4) score4(h, j);
  for (; j < n; j++) score1(h, j);
}

/** y += alpha · x over one row; with isClearing, x is zeroed as it is read. */
export function axpy(alpha: f32, x: usize, y: usize, isClearing: bool): void {
  const v = f32x4.splat(alpha);
  const zero = f32x4.splat(0);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    v128.store(y + i, madd(v, v128.load(x + i), v128.load(y + i)));
    if (isClearing) v128.store(x + i, zero);
  }
  for (let i = vecBytes; i < rowBytes; i += 4) {
    store<f32>(y + i, load<f32>(y + i) + alpha * load<f32>(x + i));
    if (isClearing) store<f32>(x + i, 0);
  }
}

/** x *= alpha over one row. */
export function scaleRow(alpha: f32, x: usize): void {
  const v = f32x4.splat(alpha);
  for (let i: usize = 0; i < vecBytes; i += 16) v128.store(x + i, f32x4.mul(v, v128.load(x + i)));
  for (let i = vecBytes; i < rowBytes; i += 4) store<f32>(x + i, alpha * load<f32>(x + i));
}
