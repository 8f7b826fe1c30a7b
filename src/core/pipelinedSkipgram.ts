/**
 * Skip-gram with negative sampling in stream mode — the benchmark configuration — pipelined.
 *
 * It performs exactly the plain loop's SGD steps (`skipgramSpan` in streamKernel.ts: for each
 * centre p, radius r drawn, then one step per context word, v_c predicting o), in the same order,
 * with the generator called in the same order, and gives the same numbers bit for bit (tested).
 * The one difference is scheduling: the next pair — the next context word of this centre, or the
 * first of the next centre — is drawn before the current pair's update, and when both pairs have
 * six distinct targets (the common case with K = 5), the next pair's scores are taken inside the
 * current update pass (`updateAndScore6`), which saves one pass over the rows per pair.
 */
import { scoreRows } from './kernelMath';
import type { KernelState } from './kernelState';
import {
  IO_ALPHA0,
  IO_INV_DENOM,
  IO_LOSS,
  IO_NEGATIVES,
  IO_PAIRS,
  IO_T_BASE,
  IO_WINDOW,
} from './kernelState';
import { decayedAlpha, drawTargets, fillRows, nsGains } from './pairUpdates';
import { xoshiroInt } from './rng';
import { updateAndScore6, updateRowsInPlace } from './rowUpdates';

/** Cursor slots in st.cursor: centre position, context position, window start and end. */
const P = 0;
const Q = 1;
const LO = 2;
const HI = 3;

/** Enters centre p: draws its radius r (1…m) and sets the window [p − r, p + r] ∩ [0, len). */
function enterCentre(st: KernelState, len: number, p: number, window: number): void {
  const { cursor, rng } = st;
  const radius = window - xoshiroInt(rng, window);
  cursor[P] = p;
  cursor[LO] = Math.max(0, p - radius);
  cursor[HI] = Math.min(len, p + radius + 1);
  cursor[Q] = cursor[LO] === p ? p + 1 : cursor[LO]!;
}

/**
 * Moves the cursor to the next (centre, context) pair of the span [from, to): the next context
 * position of this centre, else the first of the next centre that has one (entering each centre
 * on the way, as the plain loop does).
 *
 * @returns false when the span has no more pairs
 */
function advance(st: KernelState, len: number, to: number, window: number): boolean {
  const { cursor } = st;
  const q = cursor[Q]! + 1;
  cursor[Q] = q === cursor[P] ? q + 1 : q;
  while (cursor[Q]! >= cursor[HI]!) {
    if (cursor[P]! + 1 >= to) return false;
    enterCentre(st, len, cursor[P]! + 1, window);
  }
  return true;
}

/** The first pair of the span at or after `from` (see `advance`). */
function start(st: KernelState, len: number, from: number, to: number, window: number): boolean {
  if (from >= to) return false;
  enterCentre(st, len, from, window);
  const { cursor } = st;
  while (cursor[Q]! >= cursor[HI]!) {
    if (cursor[P]! + 1 >= to) return false;
    enterCentre(st, len, cursor[P]! + 1, window);
  }
  return true;
}

/**
 * Stream-mode skip-gram/NS over the centres sen[from … to) (see `Kernel.streamSpan`). For each
 * pair (c, o), in order: J = −log σ(u_o·v_c) − Σ_s log σ(−u_{w_s}·v_c);
 * u_t += g_t v_c and v_c += Σ_t g_t u_t with g_t = α(p_t − k_t σ(u_t·v_c)).
 */
export function skipgramNsSpanPipelined(
  st: KernelState,
  sen: Int32Array,
  senT: Int32Array,
  len: number,
  from: number,
  to: number,
  io: Float64Array,
): void {
  const { dim: D, mem, cursor, rows, counts, nextRows, nextCounts } = st;
  const window = io[IO_WINDOW]!;
  const K = io[IO_NEGATIVES]!;
  if (!start(st, len, from, to, window)) return;
  let centerRow = sen[cursor[P]!]! * D;
  let n = drawTargets(st, sen[cursor[Q]!]!, K, st.ids, counts);
  fillRows(st, st.ids, n, rows);
  scoreRows(D, mem, centerRow, rows, n, st.scores);
  let loss = 0;
  let pairs = 0;
  for (;;) {
    const t = io[IO_T_BASE]! + senT[cursor[P]!]!;
    loss += nsGains(st, n, decayedAlpha(io[IO_ALPHA0]!, t, io[IO_INV_DENOM]!));
    pairs++;
    if (!advance(st, len, to, window)) break;
    const nextRow = sen[cursor[P]!]! * D;
    const nextN = drawTargets(st, sen[cursor[Q]!]!, K, st.nextIds, nextCounts);
    fillRows(st, st.nextIds, nextN, nextRows);
    if (n === 6 && nextN === 6) {
      // This pair's step and the next pair's scores (into st.scores) in one pass.
      updateAndScore6(D, mem, centerRow, rows, st.gs, nextRow, nextRows, st.scores);
    } else {
      updateRowsInPlace(D, mem, centerRow, rows, st.gs, n, st.neuBase, centerRow, centerRow);
      scoreRows(D, mem, nextRow, nextRows, nextN, st.scores);
    }
    for (let j = 0; j < nextN; j++) {
      rows[j] = nextRows[j]!;
      counts[j] = nextCounts[j]!;
    }
    n = nextN;
    centerRow = nextRow;
  }
  updateRowsInPlace(D, mem, centerRow, rows, st.gs, n, st.neuBase, centerRow, centerRow);
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += pairs;
}
