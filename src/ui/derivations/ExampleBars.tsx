import type { PairTrace } from '../../core/inspect/trace';
import { barItems, describeBars, formatProb } from '../../viz/barLayout';
import { BarList } from './BarList';
import { PairSelect } from './PairSelect';
import { SoftmaxColumns } from './SoftmaxColumns';
import {
  pairCaption,
  useExampleFrame,
  useInspectContext,
  usePairIndex,
  wordLookup,
} from './useExample';
import './charts-derivations.css';

const TITLES = {
  ns: 'σ of the true word and of each negative',
  hs: 'The factors along the Huffman path',
  softmax: 'ŷ = softmax(Uᵀh) over the vocabulary',
} as const;

/** What the bars mean, per loss. */
function Legend({ pair, words }: { pair: PairTrace; words: number }) {
  const scoring = pair.scoring;
  if (scoring.kind === 'ns') {
    return (
      <>
        <span className="sym-outside">true word</span>: σ(u_o·h), which training pushes towards 1;{' '}
        <span className="sym-negative">negatives</span>: σ(u_w·h), pushed towards 0.
      </>
    );
  }
  if (scoring.kind === 'hs') {
    return (
      <>
        One <span className="sym-node">factor per inner node</span>: σ(θ·h) where the path takes
        branch 0, σ(−θ·h) where it takes branch 1; their <span className="sym-prob">product</span>{' '}
        is p(w | h) = {formatProb(scoring.pathProb)}.
      </>
    );
  }
  return (
    <>
      ŷ sums to 1 over all {words} words; the <span className="sym-outside">true word</span> has ŷ ={' '}
      {formatProb(scoring.trueProb)} (rank {scoring.trueRank}), and J = −log ŷ_o ={' '}
      {pair.loss.toPrecision(3)}.
    </>
  );
}

/**
 * The probabilities of the current example under the active loss: the full softmax ŷ (every word
 * on a canvas, or the top list for large vocabularies), negative sampling's σ of the true word
 * and the negatives, or hierarchical softmax's factors along the path. Skip-gram windows with
 * several pairs get a pair selector.
 */
export interface ExampleBarsProps {
  /**
   * Show this chart's own "Pair" selector (default). The choice is shared by every pair selector,
   * so a panel that already has one can hide this one.
   */
  showPairSelect?: boolean;
}

export function ExampleBars({ showPairSelect = true }: ExampleBarsProps) {
  const context = useInspectContext();
  const frame = useExampleFrame();
  const pairs = frame?.trace.pairs ?? [];
  const [index, setIndex] = usePairIndex(pairs.length);
  const wordOf = wordLookup(context);
  const pair = pairs[index];
  if (!context || !frame || !pair) {
    return (
      <figure className="derivation-chart" aria-label="Example probabilities">
        <p className="chart-empty">
          No example yet: press play or slow step to see its probabilities.
        </p>
      </figure>
    );
  }
  const scoring = pair.scoring;
  const W = context.words.length;
  const items = barItems(scoring, pair.target, wordOf);
  const summary = describeBars(scoring, items, W);
  const isFull = scoring.kind === 'softmax' && scoring.yHat.length === W;
  const max = scoring.kind === 'softmax' ? Math.max(...items.map((b) => b.value)) : 1;
  return (
    <figure className="derivation-chart" aria-label="Example probabilities">
      {showPairSelect && (
        <PairSelect trace={frame.trace} index={index} onChange={setIndex} wordOf={wordOf} />
      )}
      {scoring.kind === 'softmax' && isFull ? (
        <SoftmaxColumns
          yHat={scoring.yHat}
          target={pair.target}
          targetWord={wordOf(pair.target)}
          trueRank={scoring.trueRank}
          label={summary}
        />
      ) : (
        <BarList items={items} max={max} label={summary} />
      )}
      <figcaption className="chart-caption">
        <strong>{TITLES[scoring.kind]}</strong> for {pairCaption(frame.trace, pair, wordOf)}
        {scoring.kind === 'softmax' &&
          !isFull &&
          ` (the ${scoring.top.length} most probable of ${W} words)`}
        . <Legend pair={pair} words={W} />
      </figcaption>
    </figure>
  );
}
