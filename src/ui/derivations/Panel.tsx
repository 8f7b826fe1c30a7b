import { useId, type ReactNode } from 'react';
import type { PanelSpec } from '../../state/panels';

interface PanelProps {
  spec: PanelSpec;
  /** Its number on the page (1-based). */
  number: number;
  isOpen: boolean;
  onToggle: () => void;
  /** A link that opens this panel (the page's link with `panels=` and `#panel-<id>`). */
  href: string;
  children: ReactNode;
}

/**
 * One collapsible derivation panel. The body is rendered only while open, so a closed panel costs
 * nothing; its heading button says whether it is open (aria-expanded).
 */
export function Panel({ spec, number, isOpen, onToggle, href, children }: PanelProps) {
  const bodyId = useId();
  return (
    <section
      className={`derivation-panel${isOpen ? ' is-open' : ''}`}
      id={`panel-${spec.id}`}
      aria-labelledby={`${bodyId}-heading`}
    >
      <h3 className="derivation-heading" id={`${bodyId}-heading`}>
        <button type="button" aria-expanded={isOpen} aria-controls={bodyId} onClick={onToggle}>
          <span className="derivation-number" aria-hidden="true">
            {number}
          </span>
          {spec.title}
        </button>
        {isOpen && (
          <a className="derivation-link" href={href} aria-label={`Link to the panel ${spec.title}`}>
            link
          </a>
        )}
      </h3>
      {isOpen && (
        <div className="derivation-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
