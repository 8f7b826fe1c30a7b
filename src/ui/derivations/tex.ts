/**
 * KaTeX for the derivation panels: the options (only \htmlClass is trusted, and only for the
 * symbol and stage classes) and the helpers that colour a symbol or mark a term of a slow-step
 * stage. Rendering is a pure string function, so Node tests run it too.
 */
import katex from 'katex';
import type { StageId } from '../../core/index';

/** The colour roles of the symbols (classes `sym-<role>` in derivations.css). */
export type SymRole =
  'center' | 'outside' | 'negative' | 'hidden' | 'prob' | 'loss' | 'grad' | 'lr' | 'node';

const ALLOWED_CLASS = /^(sym-[a-z]+|term term-[a-z]+)$/;

const trust = (context: { command: string; class?: string }): boolean =>
  context.command === '\\htmlClass' && ALLOWED_CLASS.test(context.class ?? '');

/** \htmlClass is an HTML extension; every other non-LaTeX input is an error. */
const strict = (code: string): 'ignore' | 'error' =>
  code === 'htmlExtension' ? 'ignore' : 'error';

/**
 * Renders TeX to an HTML string (with MathML for screen readers). The page passes
 * `throwOnError: false` so a slip shows in red instead of breaking the panel; tests pass true.
 */
export function renderTex(tex: string, isDisplay: boolean, throwOnError = false): string {
  return katex.renderToString(tex, {
    displayMode: isDisplay,
    throwOnError,
    trust,
    strict,
    output: 'htmlAndMathml',
  });
}

/** A symbol in its colour: `sym('center', 'v_c')`. */
export const sym = (role: SymRole, tex: string): string => `\\htmlClass{sym-${role}}{${tex}}`;

/** A term that the slow step's stage `stage` highlights. */
export const term = (stage: StageId, tex: string): string =>
  `\\htmlClass{term term-${stage}}{${tex}}`;

/** The symbols every panel shares. */
export const S = {
  vc: sym('center', 'v_c'),
  uo: sym('outside', 'u_o'),
  uw: sym('negative', 'u_{w_s}'),
  h: sym('hidden', 'h'),
  yHat: sym('prob', '\\hat y'),
  y: sym('outside', 'y'),
  J: sym('loss', 'J'),
  alpha: sym('lr', '\\alpha'),
  theta: sym('node', '\\theta_{n(w,j)}'),
  U: sym('outside', 'U'),
  V: sym('center', 'V'),
  sigma: sym('prob', '\\sigma'),
} as const;

/** ∂a/∂b as a coloured gradient. */
export const grad = (of: string, wrt: string): string =>
  sym('grad', `\\frac{\\partial ${of}}{\\partial ${wrt}}`);
