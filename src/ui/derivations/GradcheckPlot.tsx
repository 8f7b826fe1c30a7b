import { scaleLinear } from 'd3-scale';
import type { ExampleGradcheck } from '../../core/index';
import { plotDomain } from './gradcheckView';

const SIZE = 200;
const MARGIN = { left: 48, bottom: 30, top: 8, right: 8 };
const R = 2.5;

/**
 * Analytic against numeric gradient, one dot per checked entry: a correct gradient puts every
 * dot on the dashed diagonal. All dots are one SVG path (hundreds of entries, one node).
 */
export function GradcheckPlot({ check }: { check: ExampleGradcheck }) {
  const domain = plotDomain(check);
  const x = scaleLinear()
    .domain(domain)
    .range([MARGIN.left, SIZE - MARGIN.right]);
  const y = scaleLinear()
    .domain(domain)
    .range([SIZE - MARGIN.bottom, MARGIN.top]);
  let dots = '';
  for (let i = 0; i < check.analytic.length; i++) {
    const px = x(check.analytic[i]!);
    const py = y(check.numeric[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    dots += `M${(px - R).toFixed(1)},${py.toFixed(1)}a${R},${R} 0 1,0 ${2 * R},0a${R},${R} 0 1,0 ${-2 * R},0`;
  }
  const ticks = x.ticks(3);
  const tickText = x.tickFormat(3);
  const label = `Analytic against numeric gradient, ${check.analytic.length} entries: ${
    check.passed ? 'all on the diagonal' : 'some off the diagonal'
  }.`;
  return (
    <svg className="gradcheck-plot" width={SIZE} height={SIZE} role="img" aria-label={label}>
      <rect
        className="frame"
        x={MARGIN.left}
        y={MARGIN.top}
        width={SIZE - MARGIN.left - MARGIN.right}
        height={SIZE - MARGIN.top - MARGIN.bottom}
      />
      <line
        className="diagonal"
        x1={x(domain[0])}
        y1={y(domain[0])}
        x2={x(domain[1])}
        y2={y(domain[1])}
      />
      <path className="points" d={dots} />
      {ticks.map((t) => (
        <g key={t}>
          <text x={x(t)} y={SIZE - MARGIN.bottom + 11} textAnchor="middle">
            {tickText(t)}
          </text>
          <text x={MARGIN.left - 3} y={y(t) + 3} textAnchor="end">
            {tickText(t)}
          </text>
        </g>
      ))}
      <text x={(MARGIN.left + SIZE - MARGIN.right) / 2} y={SIZE - 3} textAnchor="middle">
        analytic g
      </text>
      <text
        transform={`translate(10,${(MARGIN.top + SIZE - MARGIN.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        numeric g̃
      </text>
    </svg>
  );
}
