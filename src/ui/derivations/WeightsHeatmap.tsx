import type { ExampleTrace } from '../../core/inspect/trace';
import type { InspectContext } from '../../worker/protocol';
import { WEIGHTS_MAX_WORDS } from '../../worker/inspectLimits';
import { MatrixHeatmap, type RowMark } from './MatrixHeatmap';
import { useExampleFrame, useInspectContext, wordLookup } from './useExample';
import './charts-derivations.css';

const NAME = 'Weight heatmaps';

/** The output rows to outline: true words, and negatives (NS) or path nodes (HS); the full softmax changes every row, so only its true words. */
function outputMarks(trace: ExampleTrace): RowMark[] {
  const targets = new Set(trace.pairs.map((pair) => pair.target));
  if (trace.loss === 'softmax')
    return [...targets].map((row) => ({ row, className: 'sym-outside' }));
  return trace.outputRows.map(({ row }) => ({
    row,
    className: trace.loss === 'hs' ? 'sym-node' : targets.has(row) ? 'sym-outside' : 'sym-negative',
  }));
}

/** Why there is nothing to draw. */
function waitingMessage(context: InspectContext | null, hasFrame: boolean): string {
  if (!context)
    return 'No model yet: the matrices appear once a model is built and an example is drawn.';
  if (context.words.length > WEIGHTS_MAX_WORDS) {
    return `The vocabulary has ${context.words.length.toLocaleString('en')} words: the matrices are drawn only up to ${WEIGHTS_MAX_WORDS} words (choose a smaller corpus or a higher minimum count).`;
  }
  return hasFrame
    ? 'The weights arrive with the next example.'
    : 'Waiting for an example: press play or slow step.';
}

/**
 * Heatmaps of the centre matrix V (W×d) and of the output matrix (U, W×d; or θ, (W−1)×d with
 * hierarchical softmax) as they were before the current example's update, with the rows that
 * update changes outlined and named.
 */
export function WeightsHeatmap() {
  const context = useInspectContext();
  const frame = useExampleFrame();
  const weights = frame?.weights ?? null;
  const wordOf = wordLookup(context);
  if (!context || !frame || !weights) {
    return (
      <figure className="derivation-chart" aria-label={NAME}>
        <p className="chart-empty">{waitingMessage(context, frame !== null)}</p>
      </figure>
    );
  }
  const d = context.dim;
  const isNodes = context.loss === 'hs';
  const trace = frame.trace;
  return (
    <figure className="derivation-chart" aria-label={NAME}>
      <MatrixHeatmap
        title="V: centre vectors"
        values={weights.center}
        rows={weights.center.length / d}
        cols={d}
        rowName={wordOf}
        marks={trace.centerRows.map(({ row }) => ({ row, className: 'sym-center' }))}
      />
      <MatrixHeatmap
        title={isNodes ? 'θ: Huffman node vectors' : 'U: outside vectors'}
        values={weights.output}
        rows={weights.output.length / d}
        cols={d}
        rowName={isNodes ? (n) => `node ${n}` : wordOf}
        marks={outputMarks(trace)}
      />
      <figcaption className="chart-caption">
        One row per {isNodes ? 'word (V) and per inner node (θ)' : 'word'}, one column per
        dimension; blue is negative, orange positive, white 0 (each matrix on its own scale, ±its
        largest |value|). Outlined: the rows this example’s update changes
        {trace.loss === 'softmax'
          ? ' (the full softmax changes every row of U; only the true words are outlined)'
          : ''}
        . Values before the update{frame.state === 'pending' ? ' (not applied yet)' : ''}. Hover a
        cell for its value.
      </figcaption>
    </figure>
  );
}
