import { useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { renderTex } from './tex';

interface TexProps {
  tex: string;
  /** Inline, inside a sentence (default: a displayed formula on its own line). */
  isInline?: boolean;
}

/**
 * A formula rendered by the bundled KaTeX (HTML for the eye, MathML for screen readers). The
 * string comes from formulas.ts, never from user input, and only \htmlClass is trusted.
 */
export function Tex({ tex, isInline = false }: TexProps) {
  const html = useMemo(() => renderTex(tex, !isInline), [tex, isInline]);
  return isInline ? (
    <span className="tex-inline" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div className="tex-block" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
