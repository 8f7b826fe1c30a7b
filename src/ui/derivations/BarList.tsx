import { scaleLinear } from 'd3-scale';
import { formatProb, type BarItem } from '../../viz/barLayout';

interface BarListProps {
  items: readonly BarItem[];
  /** The value at the full bar length (1 for σ and probabilities of one event). */
  max: number;
  /** The chart's accessible name: what is drawn and its numbers. */
  label: string;
}

const WIDTH = 480;
const LABEL_WIDTH = 130;
const VALUE_WIDTH = 56;
const ROW = 20;
const TOP = 16;

/**
 * Labelled horizontal bars (one SVG, React-drawn: a few dozen marks at most), coloured by the
 * symbol each bar stands for, with the value printed after the bar.
 */
export function BarList({ items, max, label }: BarListProps) {
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([LABEL_WIDTH, WIDTH - VALUE_WIDTH])
    .clamp(true);
  const height = TOP + items.length * ROW + 4;
  return (
    <svg
      className="bar-list"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      <text className="bar-axis" x={x(0)} y={10} textAnchor="start">
        0
      </text>
      <text className="bar-axis" x={x(max)} y={10} textAnchor="end">
        {formatProb(max)}
      </text>
      <line className="bar-grid" x1={x(max)} x2={x(max)} y1={TOP - 2} y2={height} />
      {items.map((item, i) => {
        const y = TOP + i * ROW;
        const end = Number.isFinite(item.value) ? x(item.value) : x(0);
        return (
          <g key={i} className={`sym-${item.tone}`}>
            <title>{`${item.label}: ${formatProb(item.value)} (${item.note})`}</title>
            <text className="bar-label" x={LABEL_WIDTH - 6} y={y + ROW / 2} textAnchor="end">
              {item.label}
            </text>
            <rect
              className="bar"
              x={x(0)}
              y={y + 3}
              width={Math.max(end - x(0), 1)}
              height={ROW - 6}
            />
            <text className="bar-value" x={end + 4} y={y + ROW / 2}>
              {formatProb(item.value)}
            </text>
          </g>
        );
      })}
      <line className="bar-zero" x1={x(0)} x2={x(0)} y1={TOP - 2} y2={height} />
    </svg>
  );
}
