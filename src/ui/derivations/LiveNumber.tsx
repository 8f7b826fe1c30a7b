import type { ReactNode } from 'react';
import type { StageId } from '../../core/index';
import { formatValue } from '../format';
import type { SymRole } from './tex';

/** The classes of a live value: its symbol colour and the slow-step stage that concerns it. */
export function liveClass(role?: SymRole, stage?: StageId): string {
  return ['num', role && `sym-${role}`, stage && `term term-${stage}`].filter(Boolean).join(' ');
}

interface NumProps {
  value: number | string;
  role?: SymRole;
  stage?: StageId;
}

/** One live number (4 significant digits) or word, in its symbol's colour. */
export function Num({ value, role, stage }: NumProps) {
  const text = typeof value === 'number' ? formatValue(value) : value;
  return <span className={liveClass(role, stage)}>{text}</span>;
}

/** One line of a {@link NumberList}. */
export interface LiveItem {
  /** What the number is, in words (also what a screen reader says). */
  name: string;
  /** Its symbol, shown after the name (plain text: "ŷ_o", "‖∂J/∂h‖"). */
  symbol?: string;
  value: number | string;
  role?: SymRole;
  stage?: StageId;
}

/** Named numbers as a description list: name (symbol) → value. */
export function NumberList({ items, label }: { items: LiveItem[]; label: string }) {
  return (
    <dl className="live-numbers" aria-label={label}>
      {items.map((item) => (
        <div key={item.name} className="live-number">
          <dt>
            {item.name}
            {item.symbol && <span className="live-symbol"> {item.symbol}</span>}
          </dt>
          <dd>
            <Num value={item.value} role={item.role} stage={item.stage} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A table cell holding a live value. */
export function NumCell(props: NumProps) {
  return (
    <td className="num-cell">
      <Num {...props} />
    </td>
  );
}

/** A table of live rows with column headers; the caption names it for screen readers. */
export function LiveTable(props: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="live-table-wrap">
      <table className="live-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
