/**
 * The inspect data the chart components share: the run's context and its latest example (an
 * example of an older model is ignored), and the pair a component shows.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { currentFrame } from '../../state/inspectModel';
import { inspectStore } from '../../state/inspectStore';
import type { ExampleTrace, PairTrace } from '../../core/inspect/trace';
import type { InspectContext, InspectFrame } from '../../worker/protocol';

export function useInspectContext(): InspectContext | null {
  return useStore(inspectStore, (s) => s.context);
}

/** The latest example of the context's run, or null. */
export function useExampleFrame(): InspectFrame | null {
  return useStore(inspectStore, (s) => currentFrame(s.context, s.frame));
}

/**
 * The pair of a skip-gram window the panels show, shared by every selector and chart so they
 * always agree (a candidate for the inspect store; kept here while only the panels read it).
 */
const pairStore = createStore<{ index: number }>()(() => ({ index: 0 }));
const choosePair = (index: number) => pairStore.setState({ index });

/** The chosen pair index, clamped to the example's pairs (a new example may have fewer). */
export function usePairIndex(pairCount: number): [number, (index: number) => void] {
  const chosen = useStore(pairStore, (s) => s.index);
  return [Math.max(0, Math.min(chosen, pairCount - 1)), choosePair];
}

/** A word by id, with a fallback for ids outside the vocabulary. */
export function wordLookup(context: InspectContext | null): (w: number) => string {
  return (w) => context?.words[w] ?? `#${w}`;
}

/** "centre → outside word" (skip-gram) or "(context words) → centre" (CBOW). */
export function pairCaption(
  trace: ExampleTrace,
  pair: PairTrace,
  wordOf: (w: number) => string,
): string {
  if (trace.model === 'cbow')
    return `(${Array.from(trace.context, wordOf).join(', ')}) → ${wordOf(trace.center)}`;
  return `${wordOf(trace.center)} → ${wordOf(pair.target)}`;
}
