import { useId, type ReactNode } from 'react';
import type { ExampleTrace } from '../../core/inspect/trace';
import { wordOf } from '../../state/inspectModel';
import type { InspectContext, InspectFrame } from '../../worker/protocol';
import { usePairIndex } from './useExample';

interface PairSelectProps {
  trace: ExampleTrace;
  index: number;
  onChange: (index: number) => void;
  wordOf: (w: number) => string;
}

/**
 * Which (centre, outside word) pair of a skip-gram window a chart shows. Hidden when the example
 * has one pair (CBOW, or a window of one word).
 */
export function PairSelect({ trace, index, onChange, wordOf }: PairSelectProps) {
  const id = useId();
  if (trace.pairs.length < 2) return null;
  return (
    <p className="pair-select">
      <label htmlFor={id}>Pair</label>{' '}
      <select id={id} value={index} onChange={(e) => onChange(Number(e.target.value))}>
        {trace.pairs.map((pair, i) => (
          <option key={i} value={i}>
            {i + 1}: {wordOf(trace.center)} → {wordOf(pair.target)}
          </option>
        ))}
      </select>
    </p>
  );
}

/**
 * The panels' shared pair choice with its picker: the index of the pair to show and the `Pair`
 * select to render (null for a one-pair example).
 */
export function usePairPicker(frame: InspectFrame, context: InspectContext): [number, ReactNode] {
  const [index, setIndex] = usePairIndex(frame.trace.pairs.length);
  const picker = (
    <PairSelect
      trace={frame.trace}
      index={index}
      onChange={setIndex}
      wordOf={(w) => wordOf(context, w)}
    />
  );
  return [index, picker];
}
