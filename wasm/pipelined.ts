/**
 * Skip-gram with negative sampling in stream mode — the benchmark configuration — pipelined as
 * src/core/pipelinedSkipgram.ts: the same SGD steps as the plain loop (stream.ts), in the same
 * order, with the generator called in the same order; but the next pair — the next context word
 * of this centre, or the first of the next centre — is drawn before the current pair's update,
 * and when both pairs have six distinct targets (the common case with K = 5) the next pair's
 * scores are taken inside the current update pass (`updateAndScore6`).
 */
import { neuPtr, swapTargets } from './layout';
import { centreRow, decayedAlpha, drawTargets, fillNsRows, nsGains } from './pairs';
import { nextInt } from './rng';
import { scoreRows } from './rows';
import { updateAndScore6, updateRows } from './updates';

/** The loop's position: centre p, context q, window [lo, hi). */
let P = 0;
let Q = 0;
let LO = 0;
let HI = 0;

/** Enters centre p: draws its radius r (1…m) and sets the window [p − r, p + r] ∩ [0, len). */
function enterCentre(len: i32, p: i32, window: i32): void {
  const radius = window - nextInt(window);
  P = p;
  LO = max(0, p - radius);
  HI = min(len, p + radius + 1);
  Q = LO == p ? p + 1 : LO;
}

/** Skips centres without a context word (entering each, as the plain loop does); false at the end. */
function settle(len: i32, to: i32, window: i32): bool {
  while (Q >= HI) {
    if (P + 1 >= to) return false;
    enterCentre(len, P + 1, window);
  }
  return true;
}

/** Moves to the next (centre, context) pair of the span; false when there is none. */
function advance(len: i32, to: i32, window: i32): bool {
  const q = Q + 1;
  Q = q == P ? q + 1 : q;
  return settle(len, to, window);
}

function word(sen: usize, q: i32): i32 {
  return load<i32>(sen + ((<usize>q) << 2));
}

/**
 * Stream-mode skip-gram/NS over the centres sen[from … to). For each pair (c, o), in order:
 * J = −log σ(u_o·v_c) − Σ_s log σ(−u_{w_s}·v_c); u_t += g_t v_c and v_c += Σ_t g_t u_t with
 * g_t = α(p_t − k_t σ(u_t·v_c)). Returns the loss sum; the pair count goes to `pairCount`.
 */
export function skipgramNsSpan(
  sen: usize,
  senT: usize,
  len: i32,
  from: i32,
  to: i32,
  alpha0: f64,
  invDenom: f64,
  tBase: f64,
  window: i32,
  K: i32,
): f64 {
  pairCount = 0;
  if (from >= to) return 0;
  enterCentre(len, from, window);
  if (!settle(len, to, window)) return 0;
  let c = centreRow(word(sen, P));
  let n = drawTargets(word(sen, Q), K);
  fillNsRows(n);
  scoreRows(c, n);
  let J: f64 = 0;
  for (;;) {
    const t = tBase + <f64>word(senT, P);
    J += nsGains(n, decayedAlpha(alpha0, t, invDenom));
    pairCount++;
    if (!advance(len, to, window)) break;
    const nextC = centreRow(word(sen, P));
    // The next pair's targets and rows go to the other set of lists.
    swapTargets();
    const nextN = drawTargets(word(sen, Q), K);
    fillNsRows(nextN);
    swapTargets();
    if (n == 6 && nextN == 6) {
      updateAndScore6(c, nextC);
      swapTargets();
    } else {
      updateRows(c, n, c, c, neuPtr);
      swapTargets();
      scoreRows(nextC, nextN);
    }
    n = nextN;
    c = nextC;
  }
  updateRows(c, n, c, c, neuPtr);
  return J;
}

/** Pairs trained by the last `skipgramNsSpan` call. */
export let pairCount = 0;
