/**
 * The SGD output step over linear memory, four float32 lanes at a time: every listed row moves
 * by g_j · h and the input-side step e = Σ_j g_j row_j (rows as they were) is carried along
 * (src/core/rowUpdates.ts is the readable version). The last d mod 4 entries go one at a time.
 */
import { nextRowsPtr, rowBytes, scoresPtr, splatPtr, vecBytes } from './layout';
import { gain, lanes, madd, row, tailDot } from './rows';

/** The update passes' last d mod 4 entries, one at a time, for rows j … j + count. */
function updateTail(h: usize, j: i32, count: i32, src: usize, dst: usize): void {
  for (let i = vecBytes; i < rowBytes; i += 4) {
    const x = load<f32>(h + i);
    let e: f32 = 0;
    for (let k = j; k < j + count; k++) {
      const r = row(k) + i;
      const g = gain(k);
      const u = load<f32>(r);
      store<f32>(r, u + g * x);
      e += g * u;
    }
    store<f32>(dst + i, load<f32>(src + i) + e);
  }
}

/**
 * Writes g_j … g_{j+count−1} as 4-lane splats to the splat area and returns its address. The
 * update loops read them from there: held in registers, six splats leave too few registers
 * for the rest and the compiled loop re-derives them on every iteration.
 */
function splatGains(j: i32, count: i32): usize {
  const at = splatPtr;
  for (let k = 0; k < count; k++) v128.store(at + ((<usize>k) << 4), f32x4.splat(gain(j + k)));
  return at;
}

/** Rows j … j + 6: row += g·h and dst = src + Σ g·row (rows as they were), one pass. */
function update6(h: usize, j: i32, src: usize, dst: usize): void {
  const r0 = row(j);
  const r1 = row(j + 1);
  const r2 = row(j + 2);
  const r3 = row(j + 3);
  const r4 = row(j + 4);
  const r5 = row(j + 5);
  const gv = splatGains(j, 6);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    const u0 = v128.load(r0 + i);
    const u1 = v128.load(r1 + i);
    const u2 = v128.load(r2 + i);
    const u3 = v128.load(r3 + i);
    const u4 = v128.load(r4 + i);
    const u5 = v128.load(r5 + i);
    v128.store(r0 + i, madd(v128.load(gv), x, u0));
    v128.store(r1 + i, madd(v128.load(gv, 16), x, u1));
    v128.store(r2 + i, madd(v128.load(gv, 32), x, u2));
    v128.store(r3 + i, madd(v128.load(gv, 48), x, u3));
    v128.store(r4 + i, madd(v128.load(gv, 64), x, u4));
    v128.store(r5 + i, madd(v128.load(gv, 80), x, u5));
    const e0 = madd(v128.load(gv, 16), u1, f32x4.mul(v128.load(gv), u0));
    const e1 = madd(v128.load(gv, 48), u3, f32x4.mul(v128.load(gv, 32), u2));
    const e2 = madd(v128.load(gv, 80), u5, f32x4.mul(v128.load(gv, 64), u4));
    v128.store(dst + i, f32x4.add(v128.load(src + i), f32x4.add(f32x4.add(e0, e1), e2)));
  }
  updateTail(h, j, 6, src, dst);
}

/** Rows j … j + 4: row += g·h and dst = src + Σ g·row (rows as they were), one pass. */
function update4(h: usize, j: i32, src: usize, dst: usize): void {
  const r0 = row(j);
  const r1 = row(j + 1);
  const r2 = row(j + 2);
  const r3 = row(j + 3);
  const gv = splatGains(j, 4);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    const u0 = v128.load(r0 + i);
    const u1 = v128.load(r1 + i);
    const u2 = v128.load(r2 + i);
    const u3 = v128.load(r3 + i);
    v128.store(r0 + i, madd(v128.load(gv), x, u0));
    v128.store(r1 + i, madd(v128.load(gv, 16), x, u1));
    v128.store(r2 + i, madd(v128.load(gv, 32), x, u2));
    v128.store(r3 + i, madd(v128.load(gv, 48), x, u3));
    const e0 = madd(v128.load(gv, 16), u1, f32x4.mul(v128.load(gv), u0));
    const e1 = madd(v128.load(gv, 48), u3, f32x4.mul(v128.load(gv, 32), u2));
    v128.store(dst + i, f32x4.add(v128.load(src + i), f32x4.add(e0, e1)));
  }
  updateTail(h, j, 4, src, dst);
}

/** Row j alone: row += g·h and dst = src + g·row (the row as it was), one pass. */
function update1(h: usize, j: i32, src: usize, dst: usize): void {
  const r0 = row(j);
  const g0 = f32x4.splat(gain(j));
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    const u0 = v128.load(r0 + i);
    v128.store(r0 + i, madd(g0, x, u0));
    v128.store(dst + i, madd(g0, u0, v128.load(src + i)));
  }
  updateTail(h, j, 1, src, dst);
}

/**
 * The SGD output step of the n listed rows (distinct, none overlapping h, neu, src or dst):
 *
 *   row_j += g_j · h;   dst = src + Σ_j g_j · row_j   (rows before the step)
 *
 * Skip-gram passes src = dst = h (v_c += e in the same pass: element i of h is read before it
 * is written); CBOW passes the zero row and neu1e. Partial sums of e travel through neu.
 */
export function updateRows(h: usize, n: i32, src: usize, dst: usize, neu: usize): void {
  if (n == 0 && src != dst) memory.copy(dst, src, rowBytes);
  let from = src;
  let j = 0;
  while (j < n) {
    const left = n - j;
    const group = left >= 6 ? 6 : left >= 4 ? 4 : 1;
    const to = j + group == n ? dst : neu;
    if (group == 6) update6(h, j, from, to);
    else if (group == 4) update4(h, j, from, to);
    else update1(h, j, from, to);
    from = to;
    j += group;
  }
}

/** Minibatch: neu += Σ_j g_j · row_j and acc_j += g_j · h, acc_j = row_j + shift. */
export function updateRowsInto(h: usize, n: i32, neu: usize, shift: usize): void {
  for (let j = 0; j < n; j++) {
    const r = row(j);
    const g = gain(j);
    const v = f32x4.splat(g);
    for (let i: usize = 0; i < vecBytes; i += 16) {
      v128.store(neu + i, madd(v, v128.load(r + i), v128.load(neu + i)));
      const a = r + shift + i;
      v128.store(a, madd(v, v128.load(h + i), v128.load(a)));
    }
    for (let i = vecBytes; i < rowBytes; i += 4) {
      store<f32>(neu + i, load<f32>(neu + i) + g * load<f32>(r + i));
      store<f32>(r + shift + i, load<f32>(r + shift + i) + g * load<f32>(h + i));
    }
  }
}

/** Address of row j of the next pair's list. */
function nextRow(j: i32): usize {
  return <usize>load<i32>(nextRowsPtr + ((<usize>j) << 2));
}

/**
 * Skip-gram's pipelined pass (pipelinedSkipgram.ts), six rows now and six next: the output step
 * of the current pair with h = v_c updated in place,
 *
 *   row_j += g_j · h,   h ← h + Σ_j g_j · row_j
 *
 * and in the same pass the next pair's scores against its input row h' = nextH (the same centre
 * row or the next one): scores[k] = nextRow_k · h'. Every element is read for the scores after
 * this pass has written it (h' may be h, a next row may be a current one), so the scores are
 * those of a separate pass after the update; the next rows' loads overlap this pair's work.
 */
export function updateAndScore6(h: usize, nextH: usize): void {
  const r0 = row(0);
  const r1 = row(1);
  const r2 = row(2);
  const r3 = row(3);
  const r4 = row(4);
  const r5 = row(5);
  const q0 = nextRow(0);
  const q1 = nextRow(1);
  const q2 = nextRow(2);
  const q3 = nextRow(3);
  const q4 = nextRow(4);
  const q5 = nextRow(5);
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  let a4 = f32x4.splat(0);
  let a5 = f32x4.splat(0);
  const gv = splatGains(0, 6);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(h + i);
    const u0 = v128.load(r0 + i);
    const u1 = v128.load(r1 + i);
    const u2 = v128.load(r2 + i);
    const u3 = v128.load(r3 + i);
    const u4 = v128.load(r4 + i);
    const u5 = v128.load(r5 + i);
    v128.store(r0 + i, madd(v128.load(gv), x, u0));
    v128.store(r1 + i, madd(v128.load(gv, 16), x, u1));
    v128.store(r2 + i, madd(v128.load(gv, 32), x, u2));
    v128.store(r3 + i, madd(v128.load(gv, 48), x, u3));
    v128.store(r4 + i, madd(v128.load(gv, 64), x, u4));
    v128.store(r5 + i, madd(v128.load(gv, 80), x, u5));
    const e0 = madd(v128.load(gv, 16), u1, f32x4.mul(v128.load(gv), u0));
    const e1 = madd(v128.load(gv, 48), u3, f32x4.mul(v128.load(gv, 32), u2));
    const e2 = madd(v128.load(gv, 80), u5, f32x4.mul(v128.load(gv, 64), u4));
    v128.store(h + i, f32x4.add(x, f32x4.add(f32x4.add(e0, e1), e2)));
    const y = v128.load(nextH + i);
    a0 = madd(v128.load(q0 + i), y, a0);
    a1 = madd(v128.load(q1 + i), y, a1);
    a2 = madd(v128.load(q2 + i), y, a2);
    a3 = madd(v128.load(q3 + i), y, a3);
    a4 = madd(v128.load(q4 + i), y, a4);
    a5 = madd(v128.load(q5 + i), y, a5);
  }
  // The last d mod 4 entries: update them first, so the scores read them updated.
  updateTail(h, 0, 6, h, h);
  store<f64>(scoresPtr, <f64>(lanes(a0) + tailDot(q0, nextH)));
  store<f64>(scoresPtr, <f64>(lanes(a1) + tailDot(q1, nextH)), 8);
  store<f64>(scoresPtr, <f64>(lanes(a2) + tailDot(q2, nextH)), 16);
  store<f64>(scoresPtr, <f64>(lanes(a3) + tailDot(q3, nextH)), 24);
  store<f64>(scoresPtr, <f64>(lanes(a4) + tailDot(q4, nextH)), 32);
  store<f64>(scoresPtr, <f64>(lanes(a5) + tailDot(q5, nextH)), 40);
}
