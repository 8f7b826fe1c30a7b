/**
 * Minibatch mode's accumulators, compact: the k-th row a batch touches sums its gradient in slot
 * k of the accumulator region rather than in the slot of its row number, so one batch's sums sit
 * together in memory instead of scattered over W rows; the step then walks the slots in order
 * (minibatchMode.ts's `RowSet.applyAndClear` is the readable version). Every sum gets the same
 * terms in the same order as in place, so the numbers are the same.
 */
import { centrePtr, gradCentreShift, gradOutShift, outPtr, rowBytes, vecBytes } from './layout';
import { i32At } from './batchDraws';

/** Per row its slot + 1 (0: untouched), and the rows in slot order (centre rows, output rows). */
let centreSlotsPtr: usize = 0;
let centreListPtr: usize = 0;
let outSlotsPtr: usize = 0;
let outListPtr: usize = 0;
/** Slots in use. */
let centreTouched: i32 = 0;
let outTouched: i32 = 0;

/** A new batch: no slot in use (the step left every slot and accumulator cleared). */
export function beginSlots(
  centreSlots: usize,
  centreList: usize,
  outSlots: usize,
  outList: usize,
): void {
  centreSlotsPtr = centreSlots;
  centreListPtr = centreList;
  outSlotsPtr = outSlots;
  outListPtr = outList;
  centreTouched = 0;
  outTouched = 0;
}

/** Slot of row w; a row new to the batch takes slot `count` and joins the list. */
function slotOf(slots: usize, list: usize, count: i32, w: i32): i32 {
  const at = slots + ((<usize>w) << 2);
  const held = load<i32>(at);
  // No branch: whether a row is new is a coin toss to the branch predictor.
  const slot = select<i32>(held - 1, count, held != 0);
  store<i32>(at, slot + 1);
  // Lands past the end of the list unless the row is new: harmless either way.
  store<i32>(list + ((<usize>count) << 2), w);
  return slot;
}

/** Address of centre row w's accumulator. */
export function centreAcc(w: i32): usize {
  const slot = slotOf(centreSlotsPtr, centreListPtr, centreTouched, w);
  centreTouched += <i32>(slot == centreTouched);
  return centrePtr + gradCentreShift + <usize>slot * rowBytes;
}

/** Address of output row w's accumulator. */
export function outAcc(w: i32): usize {
  const slot = slotOf(outSlotsPtr, outListPtr, outTouched, w);
  outTouched += <i32>(slot == outTouched);
  return outPtr + gradOutShift + <usize>slot * rowBytes;
}

/**
 * Row p += step · acc in float64, rounded once to float32 (as `RowSet.applyAndClear`), then
 * acc ← 0; two float64 lanes at a time.
 */
function applyRow(p: usize, acc: usize, step: f64): void {
  const s = f64x2.splat(step);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    const x = v128.load(p + i);
    const g = v128.load(acc + i);
    const lo = f64x2.add(f64x2.promote_low_f32x4(x), f64x2.mul(s, f64x2.promote_low_f32x4(g)));
    const xHigh = f64x2.promote_low_f32x4(v128.shuffle<f32>(x, x, 2, 3, 0, 1));
    const gHigh = f64x2.promote_low_f32x4(v128.shuffle<f32>(g, g, 2, 3, 0, 1));
    const hi = f64x2.add(xHigh, f64x2.mul(s, gHigh));
    const low4 = f32x4.demote_f64x2_zero(lo);
    v128.store(p + i, v128.shuffle<f32>(low4, f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
    v128.store(acc + i, f32x4.splat(0));
  }
  for (let i = vecBytes; i < rowBytes; i += 4) {
    store<f32>(p + i, <f32>(<f64>load<f32>(p + i) + step * <f64>load<f32>(acc + i)));
    store<f32>(acc + i, 0);
  }
}

/** applyRow on the rows of a list (rows from `base`, slots from `accs`); slots released. */
function applyList(
  slots: usize,
  list: usize,
  count: i32,
  base: usize,
  accs: usize,
  step: f64,
): void {
  for (let k = 0; k < count; k++) {
    const w = i32At(list, k);
    applyRow(base + <usize>w * rowBytes, accs + <usize>k * rowBytes, step);
    store<i32>(slots + ((<usize>w) << 2), 0);
  }
}

/**
 * The SGD step of the batch: params += step · acc on every touched row, accumulators and slots
 * cleared. With `allOutputs` (full softmax) the output rows are summed in place instead, and all
 * of them are stepped.
 */
export function applyBatch(step: f64, allOutputs: bool, outputs: i32): void {
  applyList(
    centreSlotsPtr,
    centreListPtr,
    centreTouched,
    centrePtr,
    centrePtr + gradCentreShift,
    step,
  );
  const accs = outPtr + gradOutShift;
  if (!allOutputs) applyList(outSlotsPtr, outListPtr, outTouched, outPtr, accs, step);
  else
    for (let r = 0; r < outputs; r++) {
      const at = <usize>r * rowBytes;
      applyRow(outPtr + at, accs + at, step);
    }
}
