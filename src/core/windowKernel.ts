/**
 * The minibatch half of the TypeScript kernel (CS224n's schedule): the gradient of one window,
 * taken at fixed weights and added to the accumulators in the kernel's flat memory.
 */
import { axpy, updateRowsInto } from './rowUpdates';
import type { KernelState } from './kernelState';
import { IO_ALPHA0, IO_LOSS, IO_NEGATIVES, IO_PAIRS, LOSS_NS } from './kernelState';
import { addTarget, meanOfRows, pairRows, scorePair, spreadToContext } from './pairUpdates';

/** One minibatch pair with explicit negatives: output step into the accumulator, neu1e += e. */
function explicitPair(
  st: KernelState,
  offsetH: number,
  target: number,
  negs: Int32Array,
  negFrom: number,
  K: number,
  scale: number,
): number {
  let n = 1;
  if (st.loss === LOSS_NS) {
    const { ids, counts } = st;
    ids[0] = target;
    counts[0] = 1;
    for (let k = 0; k < K; k++) n = addTarget(ids, counts, n, negs[negFrom + k]!);
  }
  const loss = scorePair(st, offsetH, target, n, scale);
  const rows = pairRows(st, target, n);
  updateRowsInto(
    st.dim,
    st.mem,
    offsetH,
    st.rows,
    st.gs,
    rows,
    st.neuBase,
    st.gradOutBase - st.outBase,
  );
  return loss;
}

/**
 * Skip-gram, minibatch: J_sg = Σ_j J(v_c, o_j) (MATH.md §4), every pair's gradient taken at the
 * same weights: ∂output accumulator += −scale ∂J_sg/∂U; ∂centre accumulator_c += −scale ∂J_sg/∂v_c.
 */
export function skipgramWindow(
  st: KernelState,
  center: number,
  ctx: Int32Array,
  ctxFrom: number,
  ctxTo: number,
  negs: Int32Array,
  negFrom: number,
  io: Float64Array,
): void {
  const D = st.dim;
  const K = io[IO_NEGATIVES]!;
  const centerRow = center * D;
  st.mem.fill(0, st.neuBase, st.neuBase + D);
  let loss = 0;
  for (let j = ctxFrom; j < ctxTo; j++) {
    loss += explicitPair(
      st,
      centerRow,
      ctx[j]!,
      negs,
      negFrom + (j - ctxFrom) * K,
      K,
      io[IO_ALPHA0]!,
    );
  }
  axpy(D, 1, st.mem, st.neuBase, st.gradCenterBase + centerRow, true);
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += ctxTo - ctxFrom;
}

/**
 * CBOW, minibatch: h = mean of the context rows, J(h, c); ∂output accumulator += −scale ∂J/∂U and
 * each context row's accumulator += −scale ∂J/∂h / |C| (exact) or −scale ∂J/∂h (word2vec.c).
 */
export function cbowWindow(
  st: KernelState,
  center: number,
  ctx: Int32Array,
  ctxFrom: number,
  ctxTo: number,
  negs: Int32Array,
  negFrom: number,
  io: Float64Array,
): void {
  meanOfRows(st, ctx, ctxFrom, ctxTo, -1);
  st.mem.fill(0, st.neuBase, st.neuBase + st.dim);
  io[IO_LOSS]! += explicitPair(
    st,
    st.hBase,
    center,
    negs,
    negFrom,
    io[IO_NEGATIVES]!,
    io[IO_ALPHA0]!,
  );
  spreadToContext(st, ctx, ctxFrom, ctxTo, -1, st.gradCenterBase);
  io[IO_PAIRS]! += 1;
}
