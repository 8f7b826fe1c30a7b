import { scaleLinear } from 'd3-scale';
import type { SamplingRow } from '../../worker/protocol';
import { formatProb, samplingShares } from '../../viz/barLayout';
import { useInspectContext } from './useExample';
import './charts-derivations.css';

interface SamplingChartProps {
  /** 'noise': unigram vs noise distribution (NS panel); 'subsampling': keep probabilities (SGD panel). */
  variant: 'noise' | 'subsampling';
}

const WIDTH = 480;
const LABEL_WIDTH = 92;
const RIGHT = 52;
const ROW = 16;
const percent = (p: number) => `${(100 * p).toFixed(p < 0.1 ? 1 : 0)}%`;

/** One row per word: one bar per series, stacked within the row, and a note at the end. */
function Rows({
  rows,
  series,
  label,
  note,
  fullScale,
}: {
  rows: readonly SamplingRow[];
  series: { key: 'unigram' | 'noise' | 'keep'; className: string }[];
  label: string;
  note: (row: SamplingRow) => string;
  /** The value of a full-length bar (default: the largest value shown). */
  fullScale?: number;
}) {
  const max = fullScale ?? Math.max(...rows.flatMap((row) => series.map((s) => row[s.key])), 1e-12);
  const x = scaleLinear()
    .domain([0, max])
    .range([LABEL_WIDTH, WIDTH - RIGHT]);
  const bar = (ROW - 4) / series.length;
  return (
    <svg
      className="bar-list"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      {rows.map((row, i) => (
        <g key={row.word} transform={`translate(0,${i * ROW + 2})`}>
          <text className="bar-label" x={LABEL_WIDTH - 6} y={ROW / 2} textAnchor="end">
            {row.word.length > 13 ? `${row.word.slice(0, 12)}…` : row.word}
          </text>
          {series.map((s, k) => (
            <rect
              key={s.key}
              className={`bar ${s.className}`}
              x={x(0)}
              y={2 + k * bar}
              height={bar}
              width={Math.max(x(row[s.key]) - x(0), 0.5)}
            />
          ))}
          <text className="bar-value" x={WIDTH - 2} y={ROW / 2} textAnchor="end">
            {note(row)}
          </text>
        </g>
      ))}
      <line className="bar-zero" x1={x(0)} x2={x(0)} y1={0} y2={rows.length * ROW + 4} />
    </svg>
  );
}

/**
 * Sampling of the run's most frequent words. 'noise': the unigram share next to the noise
 * distribution P_n(w) ∝ count^0.75 that negatives are drawn from (frequent words lose share, the
 * rarer ones gain it). 'subsampling': the probability of keeping an occurrence at the run's
 * `sample`, by the rule of the run's mode (word2vec.c in stream mode, CS224n in minibatch mode).
 */
export function SamplingChart({ variant }: SamplingChartProps) {
  const context = useInspectContext();
  const name = variant === 'noise' ? 'Noise distribution' : 'Sub-sampling keep probability';
  const rows = context?.sampling ?? [];
  if (!context || rows.length === 0) {
    return (
      <figure className="derivation-chart" aria-label={name}>
        <p className="chart-empty">No corpus yet: the chart appears once a model is built.</p>
      </figure>
    );
  }
  const shares = samplingShares(rows);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  if (variant === 'noise') {
    const ratio = (row: SamplingRow) => `×${(row.noise / row.unigram).toFixed(2)}`;
    const label = `Unigram and noise probability of the ${rows.length} most frequent words: ${rows
      .slice(0, 3)
      .map((r) => `${r.word} ${formatProb(r.unigram)} → ${formatProb(r.noise)}`)
      .join(
        ', ',
      )}; together ${percent(shares.unigram)} of tokens but ${percent(shares.noise)} of noise draws.`;
    return (
      <figure className="derivation-chart" aria-label={name}>
        <p className="chart-key">
          <span className="key-swatch plain-swatch" aria-hidden="true" /> unigram count/T{' '}
          <span className="sym-negative key-swatch" aria-hidden="true" /> noise ∝ count
          <sup>0.75</sup>; × = noise ÷ unigram
        </p>
        <Rows
          rows={rows}
          series={[
            { key: 'unigram', className: 'bar-plain' },
            { key: 'noise', className: 'sym-negative' },
          ]}
          label={label}
          note={ratio}
        />
        <figcaption className="chart-caption">
          The power 0.75 flattens the distribution: the {rows.length} most frequent words hold{' '}
          {percent(shares.unigram)} of the tokens but get {percent(shares.noise)} of the negative
          draws ({first.word} {ratio(first)}, {last.word} {ratio(last)}); the share they lose goes
          to rarer words.
        </figcaption>
      </figure>
    );
  }
  if (context.sample <= 0) {
    return (
      <figure className="derivation-chart" aria-label={name}>
        <p className="chart-empty">
          Sub-sampling is off (sample = 0): every occurrence of every word is kept.
        </p>
      </figure>
    );
  }
  const label = `Keep probability at sample ${context.sample} for the ${rows.length} most frequent words: ${rows
    .slice(0, 3)
    .map((r) => `${r.word} ${formatProb(r.keep)}`)
    .join(', ')}; about ${percent(shares.dropped)} of all tokens dropped among them.`;
  return (
    <figure className="derivation-chart" aria-label={name}>
      <Rows
        rows={rows}
        series={[{ key: 'keep', className: 'sym-prob' }]}
        label={label}
        note={(row) => formatProb(row.keep)}
        fullScale={1}
      />
      <figcaption className="chart-caption">
        At sample = {context.sample}, an occurrence of a word with share f is kept with probability{' '}
        {context.mode === 'minibatch'
          ? '√(s/f) (CS224n’s rule, capped at 1)'
          : '(√(f/s) + 1)·s/f (word2vec.c’s rule, capped at 1)'}
        : {first.word} is kept {percent(first.keep)} of the time, {last.word} {percent(last.keep)}.
        Among these words that drops about {percent(shares.dropped)} of all tokens: the most
        frequent words lose the most occurrences, so training time goes to the rarer, more
        informative ones. A full bar means always kept.
      </figcaption>
    </figure>
  );
}
