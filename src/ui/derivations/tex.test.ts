/**
 * Every formula of the panels renders with KaTeX (throwing on any error), keeps its colour and
 * stage classes, and nothing but those classes gets through \htmlClass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTex, nsTex, transpose } from './formulas';
import { renderTex, sym, term } from './tex';

describe('derivation formulas', () => {
  it('every panel’s TeX renders without an error', () => {
    const all = allTex();
    expect(all.length).toBeGreaterThan(40);
    for (const tex of all) {
      expect(() => renderTex(tex, true, true), tex).not.toThrow();
      expect(renderTex(tex, true, true)).not.toContain('katex-error');
    }
  });

  it('every inline formula written in the panels renders too', () => {
    const panels = ['Model', 'Softmax', 'Sigmoid', 'Ns', 'Hs', 'Window', 'Sgd', 'Projection'];
    let count = 0;
    for (const name of panels) {
      const source = readFileSync(new URL(`./${name}Panel.tsx`, import.meta.url), 'utf8');
      for (const [, tex] of source.matchAll(/<Tex isInline tex="([^"]*)"/g)) {
        expect(() => renderTex(tex!, false, true), `${name}: ${tex}`).not.toThrow();
        count++;
      }
    }
    expect(count).toBeGreaterThan(30);
  });

  it('keeps the symbol and stage classes in the HTML', () => {
    const html = renderTex(nsTex('skipgram').loss, true, true);
    for (const cls of ['sym-center', 'sym-outside', 'sym-negative', 'sym-loss', 'term term-loss']) {
      expect(html).toContain(cls);
    }
    expect(renderTex(term('scores', sym('hidden', 'h')), false, true)).toContain(
      'term term-scores',
    );
  });

  it('puts the transpose inside a coloured symbol, so it stacks over the subscript', () => {
    expect(transpose(sym('outside', 'u_o'))).toBe('\\htmlClass{sym-outside}{u_o^\\top}');
    expect(transpose('X')).toBe('X^\\top');
  });

  it('trusts \\htmlClass only for the symbol and stage classes', () => {
    // An untrusted command is shown as its source text in KaTeX's error colour, never applied.
    expect(renderTex('\\htmlClass{evil}{x}', false)).not.toContain('class="enclosing evil"');
    expect(renderTex('\\htmlStyle{color:red}{x}', false)).not.toContain('style="color:red"');
    expect(() => renderTex('\\frac{1}{', false, true)).toThrow();
  });
});
