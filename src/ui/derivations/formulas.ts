/**
 * The TeX of every derivation panel, in MATH.md's notation. Symbols carry their colour (`sym`)
 * and the terms a slow-step stage is about carry that stage (`term`). Formulas that depend on the
 * model take it as an argument: skip-gram scores v_c, CBOW scores the context mean h.
 */
import type { LossId, ModelId } from '../../core/index';
import { grad, S, sym, term } from './tex';

/** The vector the output layer scores: v_c (skip-gram) or h (CBOW). */
const inputOf = (model: ModelId): string => (model === 'cbow' ? S.h : S.vc);

/**
 * uᵀ with the ⊤ inside the symbol's colour group, so it stacks over the subscript (u_o^⊤) instead
 * of trailing after it.
 */
export function transpose(symbol: string): string {
  const coloured = /^\\htmlClass\{([^}]*)\}\{(.*)\}$/.exec(symbol);
  return coloured ? `\\htmlClass{${coloured[1]}}{${coloured[2]}^\\top}` : `${symbol}^\\top`;
}

const score = (u: string, x: string): string => `${transpose(u)} ${x}`;

/** 1. The model. */
export function modelTex(model: ModelId, loss: LossId) {
  const x = inputOf(model);
  const denominator = term('vocabulary', `\\sum_{w=1}^{W} \\exp(${score('u_w', x)})`);
  const fraction = `\\frac{\\exp(${term('scores', score(S.uo, x))})}{${denominator}}`;
  const matrices =
    loss === 'hs'
      ? `${S.V} = [v_1 \\cdots v_W] \\in \\mathbb{R}^{d\\times W}, \\quad ${sym('node', '\\Theta')} = [\\theta_1 \\cdots \\theta_{W-1}] \\in \\mathbb{R}^{d\\times (W-1)}`
      : `${S.V} = [v_1 \\cdots v_W] \\in \\mathbb{R}^{d\\times W}, \\quad ${S.U} = [u_1 \\cdots u_W] \\in \\mathbb{R}^{d\\times W}`;
  return {
    predict:
      model === 'cbow'
        ? `P(${sym('outside', 'o')} \\mid C) = ${term('probabilities', fraction)}, \\quad o = w_t`
        : `P(O = ${sym('outside', 'o')} \\mid C = ${sym('center', 'c')}) = ${term('probabilities', fraction)}`,
    hidden: term('window', `${S.h} = \\frac{1}{|C|} \\sum_{w \\in C} v_w`),
    matrices,
    storage:
      loss === 'hs'
        ? `(v_w)_i = \\texttt{centerVecs}[\\,w\\cdot d + i\\,], \\qquad (\\theta_n)_i = \\texttt{nodeVecs}[\\,n\\cdot d + i\\,]`
        : `(v_w)_i = \\texttt{centerVecs}[\\,w\\cdot d + i\\,], \\qquad (u_w)_i = \\texttt{outsideVecs}[\\,w\\cdot d + i\\,]`,
  };
}

/** 2. The naive softmax. */
export function softmaxTex(model: ModelId) {
  const x = inputOf(model);
  const logZ = term('vocabulary', `\\log \\sum_{w=1}^{W} \\exp(${score('u_w', x)})`);
  return {
    probs: term('probabilities', `${S.yHat} = \\operatorname{softmax}(${transpose(S.U)} ${x})`),
    loss: `${term('loss', S.J)} = -\\sum_{w=1}^{W} ${S.y}_w \\log ${S.yHat}_w = -\\log ${S.yHat}_o = -${term('scores', score(S.uo, x))} + ${logZ}`,
    gradInput: term(
      'gradients',
      `${grad('J', x)} = ${S.U}(${S.yHat} - ${S.y}) = -${S.uo} + \\sum_{w=1}^{W} ${S.yHat}_w\\, u_w`,
    ),
    gradOutput: term(
      'gradients',
      `${grad('J', S.U)} = ${x}\\,(${S.yHat} - ${S.y})^\\top \\in \\mathbb{R}^{d\\times W}, \\qquad ${grad('J', 'u_w')} = (${S.yHat}_w - ${S.y}_w)\\, ${x}`,
    ),
    vanish: `${grad('J', x)} = 0 \\iff ${S.U}(${S.yHat} - ${S.y}) = 0`,
  };
}

/** 3. The sigmoid (and the handout's leaky ReLU). */
export const SIGMOID_TEX = {
  definition: `${S.sigma}(x) = \\frac{1}{1 + e^{-x}}`,
  derivative: `${S.sigma}'(x) = ${S.sigma}(x)\\,\\bigl(1 - ${S.sigma}(x)\\bigr)`,
  symmetry: `${S.sigma}(-x) = 1 - ${S.sigma}(x)`,
  logDerivative: `\\frac{d}{dx} \\log ${S.sigma}(x) = 1 - ${S.sigma}(x)`,
  leakyRelu: `f(x) = \\max(\\alpha x,\\ x), \\qquad f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases} \\qquad (0 < \\alpha < 1)`,
} as const;

/** 4. Negative sampling. */
export function nsTex(model: ModelId) {
  const x = inputOf(model);
  const so = `${S.sigma}(${term('scores', score(S.uo, x))})`;
  const sw = `${S.sigma}(${score(S.uw, x)})`;
  const negatives = term('negatives', `\\sum_{s=1}^{K}`);
  const Uow = sym('outside', 'U_{o,W}');
  return {
    loss: `${term('loss', S.J)} = -\\log ${so} - ${negatives} \\log ${S.sigma}(-${score(S.uw, x)})`,
    gradInput: term(
      'gradients',
      `${grad('J', x)} = (${so} - 1)\\, ${S.uo} + ${negatives} ${sw}\\, ${S.uw}`,
    ),
    gradOutside: term('gradients', `${grad('J', S.uo)} = (${so} - 1)\\, ${x}`),
    gradNegative: term('gradients', `${grad('J', S.uw)} = ${sw}\\, ${x}`),
    stack: `${Uow} = [\\,${S.uo},\\ -u_{w_1},\\ \\dots,\\ -u_{w_K}\\,] \\in \\mathbb{R}^{d\\times(K+1)}, \\qquad ${S.J} = -\\mathbf{1}^\\top \\log ${S.sigma}(${transpose(Uow)} ${x})`,
    shared: term(
      'gradients',
      `\\delta = ${S.sigma}(${transpose(Uow)} ${x}) - \\mathbf{1}, \\qquad ${grad('J', x)} = ${Uow}\\, \\delta, \\qquad ${grad('J', S.uo)} = \\delta_0\\, ${x}, \\quad ${grad('J', S.uw)} = -\\delta_s\\, ${x}`,
    ),
    repeats: `${grad('J', 'u_w')} = \\sum_{s:\\ w_s = w} ${S.sigma}(${score('u_w', x)})\\, ${x}`,
    cost: `O\\bigl((K+1)\\,d\\bigr) \\ \\text{instead of} \\ O(W d)`,
  };
}

/** 5. Sums over the window (skip-gram) and the context mean (CBOW). */
export const WINDOW_TEX = {
  skipgram: `${term('loss', 'J_{\\mathrm{sg}}')} = ${term('window', '\\sum_{-m \\le j \\le m,\\ j \\ne 0}')} J(${S.vc},\\, w_{t+j},\\, ${S.U})`,
  skipgramGrads: term(
    'gradients',
    `${grad('J_{\\mathrm{sg}}', S.vc)} = \\sum_{j} \\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial v_c}, \\qquad ${grad('J_{\\mathrm{sg}}', S.U)} = \\sum_{j} \\frac{\\partial J(v_c, w_{t+j}, U)}{\\partial U}`,
  ),
  zero: `${grad('J_{\\mathrm{sg}}', 'v_w')} = 0 \\quad (w \\ne c)`,
  cbowMean: term(
    'window',
    `${S.h} = \\frac{1}{|C|} \\sum_{w \\in C} v_w \\qquad (|C| = 2m \\text{ for a full window})`,
  ),
  cbowExact: term(
    'update',
    `${grad('J', 'v_w')} = \\frac{1}{|C|}\\, ${grad('J', S.h)} \\quad \\Rightarrow \\quad v_w \\leftarrow v_w - ${S.alpha}\\, \\frac{1}{|C|}\\, ${grad('J', S.h)}`,
  ),
  cbowWord2vec: term(
    'update',
    `v_w \\leftarrow v_w - ${S.alpha}\\, ${grad('J', S.h)} \\qquad \\text{for every } w \\in C`,
  ),
} as const;

/** 6. Hierarchical softmax (word2vec.c's tree and codes). */
export const HS_TEX = {
  path: term(
    'probabilities',
    `p(w \\mid ${S.h}) = ${term('path', '\\prod_{j=1}^{L_w}')} ${S.sigma}\\bigl((1 - 2d_j)\\, ${term('scores', `${transpose(S.theta)} ${S.h}`)}\\bigr)`,
  ),
  sign: `\\llbracket n(w,j{+}1) = \\operatorname{ch}(n(w,j)) \\rrbracket = 1 - 2d_j \\in \\{+1, -1\\}`,
  loss: `${term('loss', S.J)} = -\\log p(w \\mid ${S.h}) = -\\sum_{j=1}^{L_w} \\log ${S.sigma}\\bigl((1 - 2d_j)\\, ${transpose(S.theta)} ${S.h}\\bigr)`,
  g: `q_j = ${S.sigma}(${transpose(S.theta)} ${S.h}), \\qquad g_j = 1 - d_j - q_j`,
  grads: term(
    'gradients',
    `${grad('J', S.theta)} = -g_j\\, ${S.h}, \\qquad ${grad('J', S.h)} = -\\sum_{j=1}^{L_w} g_j\\, ${S.theta}`,
  ),
  ascent: term('update', `${S.theta} \\leftarrow ${S.theta} + ${S.alpha}\\, g_j\\, ${S.h}`),
  cost: `O(L_w\\, d), \\qquad L_w \\approx \\log_2 W`,
} as const;

/** 7. SGD, the two schedules and sub-sampling. */
export const SGD_TEX = {
  step: term(
    'update',
    `\\theta \\leftarrow \\theta - ${S.alpha}\\, ${sym('grad', '\\nabla_{\\theta} J')}`,
  ),
  linear: `${S.alpha}_t = ${S.alpha}_0 \\cdot \\max\\Bigl(1 - \\frac{t}{E\\,T + 1},\\ 10^{-4}\\Bigr)`,
  anneal: `${S.alpha}_k = ${S.alpha}_0 \\cdot 0.5^{\\lfloor k / a \\rfloor}`,
  batch: `${sym('grad', '\\nabla J')} = \\frac{1}{B} \\sum_{b=1}^{B} \\nabla J_b \\quad \\Rightarrow \\quad \\text{each window moves by } \\frac{${S.alpha}}{B}\\, \\nabla J_b`,
  keep: `P_{\\text{keep}}(w) = \\min\\Bigl(1,\\ \\bigl(\\sqrt{f/s} + 1\\bigr)\\frac{s}{f}\\Bigr), \\qquad f = \\frac{\\operatorname{count}(w)}{T}`,
  reject: `P_{\\text{reject}}(w) = \\max\\Bigl(0,\\ 1 - \\sqrt{\\frac{s\\,T}{\\operatorname{count}(w)}}\\Bigr)`,
} as const;

/** 8. The 2-D projection. */
export const PROJECTION_TEX = {
  centre: `\\bar X = X - \\mathbf{1}\\mu^\\top, \\qquad \\mu = \\tfrac{1}{n} X^\\top \\mathbf{1}`,
  svd: `\\bar X = P\\, \\Sigma\\, Q^\\top, \\qquad \\text{coordinates} = \\bar X\\, Q_{:,1:2} \\in \\mathbb{R}^{n\\times 2}`,
  explained: `r_i = \\frac{s_i^2}{\\sum_{k} s_k^2}, \\qquad \\Sigma = \\operatorname{diag}(s_1, s_2, \\dots)`,
  sign: `q_k \\leftarrow -q_k \\quad \\text{if} \\quad q_k^\\top q_k^{\\text{prev}} < 0`,
  gram: `\\bar X \\bar X^\\top p = s^2 p \\quad \\Rightarrow \\quad q = \\bar X^\\top p / s`,
} as const;

/** Every TeX string of every panel for every model and loss (the render test walks them). */
export function allTex(): string[] {
  const out: string[] = [...Object.values(SIGMOID_TEX), ...Object.values(WINDOW_TEX)];
  out.push(...Object.values(HS_TEX), ...Object.values(SGD_TEX), ...Object.values(PROJECTION_TEX));
  for (const model of ['skipgram', 'cbow'] as const) {
    out.push(...Object.values(softmaxTex(model)), ...Object.values(nsTex(model)));
    for (const loss of ['ns', 'hs', 'softmax'] as const)
      out.push(...Object.values(modelTex(model, loss)));
  }
  return out;
}
