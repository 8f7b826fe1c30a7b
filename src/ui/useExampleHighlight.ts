/**
 * Rings the derivation panels' example on the word map: while a panel is open and an example is
 * shown (its words follow the slow step's stage), the scatter controller gets the shown indices
 * to ring and a caption under the map names them. Fed from the stores by `subscribe`, so a new
 * example never re-renders the map's React tree.
 */
import { useEffect, type RefObject } from 'react';
import { configStore } from '../state/configStore';
import { inspectStore } from '../state/inspectStore';
import {
  DEFAULT_HIGHLIGHT_COLORS,
  captionParts,
  highlightsFor,
  type ExampleHighlights,
  type HighlightColors,
  type HighlightMark,
} from '../viz/exampleHighlights';
import type { ScatterController, ScatterSource } from '../viz/scatterController';
import type { ScatterWord } from '../viz/scatterRenderer';
import './derivations/stepper.css';

/** The derivations' symbol class of each role: the rings take their colours from these. */
const SYMBOL_CLASS: Record<HighlightMark, string> = {
  center: 'sym-center',
  context: 'sym-outside',
  negative: 'sym-negative',
  touched: 'highlight-touched',
};

/**
 * Writes "Highlighted: centre cat; context: the, sat; …" into `caption` (emptied when nothing is
 * shown) and returns the ring colours read from its coloured parts: the page's symbol colours
 * where the stylesheet defines them, else the defaults.
 */
function writeCaption(
  caption: HTMLElement | null,
  highlights: ExampleHighlights | null,
  words: readonly string[],
  isCbow: boolean,
): HighlightColors {
  const colors = { ...DEFAULT_HIGHLIGHT_COLORS };
  if (!caption) return colors;
  if (!highlights) {
    caption.replaceChildren();
    return colors;
  }
  const parts = captionParts(highlights, words, isCbow);
  if (parts.length === 0) {
    caption.textContent = 'Highlighted: none of this example’s words are on the map.';
    return colors;
  }
  const inherited = getComputedStyle(caption).color;
  const spans = parts.map((part, k) => {
    const span = document.createElement('span');
    span.className = SYMBOL_CLASS[part.mark];
    const label = part.mark === 'center' ? `${part.label} ` : `${part.label}: `;
    span.textContent = `${k > 0 ? '; ' : ''}${label}${part.words}`;
    return span;
  });
  caption.replaceChildren('Highlighted: ', ...spans);
  spans.forEach((span, k) => {
    const color = getComputedStyle(span).color;
    if (color && color !== inherited) colors[parts[k]!.mark] = color;
  });
  return colors;
}

export function useExampleHighlight(
  controllerRef: RefObject<ScatterController | null>,
  words: readonly ScatterWord[],
  caption: RefObject<HTMLElement | null>,
  source: ScatterSource,
): void {
  useEffect(() => {
    const ids = words.map((w) => w.id ?? -1);
    const texts = words.map((w) => w.word);
    const apply = (): void => {
      const { frame, stage } = inspectStore.getState();
      const isOpen = configStore.getState().panels.length > 0;
      const stageId = frame && stage !== null ? (frame.trace.stages[stage]?.id ?? null) : null;
      const highlights =
        frame && (isOpen || stage !== null) ? highlightsFor(frame.trace, stageId, ids) : null;
      const colors = writeCaption(
        caption.current,
        highlights,
        texts,
        frame?.trace.model === 'cbow',
      );
      controllerRef.current?.setHighlights(highlights, colors);
    };
    apply();
    const stopInspect = inspectStore.subscribe((s, prev) => {
      if (s.frame !== prev.frame || s.stage !== prev.stage) apply();
    });
    const stopConfig = configStore.subscribe((s, prev) => {
      if (s.panels.length > 0 !== prev.panels.length > 0) apply();
    });
    return () => {
      stopInspect();
      stopConfig();
    };
    // `source` recreates the controller: ring the new one too.
  }, [controllerRef, words, caption, source]);
}
