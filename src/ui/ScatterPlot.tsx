import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { liveFrame } from '../state/liveFrame';
import { groupStyles } from '../viz/palette';
import type { ScatterSource } from '../viz/scatterController';
import type { ScatterWord } from '../viz/scatterRenderer';
import type { NeighborWord } from '../worker/protocol';
import { Legend, legendEntries } from './Legend';
import { WordTooltip } from './WordTooltip';
import { useExampleHighlight } from './useExampleHighlight';
import { useScatterController } from './useScatterController';
import './charts.css';

export interface ScatterPlotProps {
  /** The shown words, in the order of the coordinates (the worker's `ViewResult.shown`). */
  words: readonly ScatterWord[];
  /** Unlabelled background words, whose coordinates follow the shown words' (`ViewResult.background`). */
  background?: readonly string[];
  /** Requested words the vocabulary lacks; listed under the map. */
  missing?: readonly string[];
  /** `viewVersion` the words belong to; coordinates of another version are not drawn. */
  viewVersion?: number | null;
  /** Where the 2-D coordinates come from (default: `liveFrame`). */
  source?: ScatterSource;
  /** Called when the hovered word changes (null: none). */
  onHoverWord?: (word: string | null) => void;
  /** Nearest neighbours of a word, for the tooltip (read-only; omitted: no neighbours shown). */
  neighborsFor?: (word: string) => Promise<NeighborWord[] | null>;
}

const NO_WORDS: readonly string[] = [];

/** The word of point `index`: a shown word, or past them a background word (no group). */
function pointWord(words: readonly ScatterWord[], background: readonly string[], index: number) {
  if (index < words.length) return words[index];
  const word = background[index - words.length];
  return word === undefined ? undefined : { word, group: 'background point' };
}

interface Hover {
  index: number;
  x: number;
  y: number;
  isFlipped: boolean;
}

/**
 * The live word map: a canvas drawn by the scatter renderer, d3 axes on an SVG layer, a tooltip
 * for the hovered word, click-to-pin, zoom and pan. Frame data never passes through React state;
 * only the hovered word and the pinned words (which change on user actions) do.
 */
export function ScatterPlot({
  words,
  background = NO_WORDS,
  missing = [],
  viewVersion = null,
  source = liveFrame,
  onHoverWord,
  neighborsFor,
}: ScatterPlotProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const xTitle = useRef<SVGTextElement>(null);
  const yTitle = useRef<SVGTextElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const highlightCaption = useRef<HTMLParagraphElement>(null);
  const refs = useMemo(() => ({ canvas, xAxis, yAxis, xTitle, yTitle, list }), []);
  const [hover, setHover] = useState<Hover | null>(null);
  const [pinned, setPinned] = useState<readonly string[]>([]);
  const tooltipId = useId();
  const controllerRef = useScatterController(refs, source, {
    onHover(index, x, y) {
      const width = canvas.current?.clientWidth ?? 0;
      setHover(index < 0 ? null : { index, x, y, isFlipped: x > width * 0.6 });
      onHoverWord?.(pointWord(words, background, index)?.word ?? null);
    },
    onClick(index) {
      const word = words[index]?.word;
      if (!word) return;
      setPinned((list) => (list.includes(word) ? list.filter((w) => w !== word) : [...list, word]));
    },
  });

  useEffect(() => {
    controllerRef.current?.setWords(words, viewVersion, background.length);
    setHover(null);
  }, [controllerRef, words, background, viewVersion, source]);
  // After setWords (which clears the rings): the derivation panels' example on the map.
  useExampleHighlight(controllerRef, words, highlightCaption, source);

  const pinnedIndices = useMemo(() => {
    const wanted = new Set(pinned);
    return new Set(words.flatMap((w, i) => (wanted.has(w.word) ? [i] : [])));
  }, [words, pinned]);
  useEffect(
    () => controllerRef.current?.setPinned(pinnedIndices),
    [controllerRef, pinnedIndices, source],
  );

  const legend = useMemo(() => legendEntries(groupStyles(words.map((w) => w.group))), [words]);
  const hovered = hover ? pointWord(words, background, hover.index) : undefined;
  // Made once per word list: a hover re-renders the map's figure, not 1,000 list items.
  const items = useMemo(
    () =>
      words.map((w) => (
        <li key={w.word}>
          {w.word}
          {pinned.includes(w.word) ? ' (pinned)' : ''}
        </li>
      )),
    [words, pinned],
  );

  return (
    <figure className="chart scatter">
      <div className="chart-stage scatter-stage">
        <canvas
          ref={canvas}
          aria-label="Word map"
          role="img"
          aria-describedby={hovered ? tooltipId : undefined}
        />
        <svg className="chart-axes">
          <g ref={xAxis} aria-hidden="true" />
          <g ref={yAxis} aria-hidden="true" />
          <text ref={xTitle} className="axis-title" textAnchor="middle" />
          <text ref={yTitle} className="axis-title" textAnchor="middle" />
        </svg>
        {hover && hovered && (
          <WordTooltip
            id={tooltipId}
            word={hovered.word}
            group={hovered.group}
            isPinned={pinned.includes(hovered.word)}
            x={hover.x}
            y={hover.y}
            isFlipped={hover.isFlipped}
            neighborsFor={neighborsFor}
          />
        )}
      </div>
      <figcaption className="chart-caption">
        <Legend groups={legend} />
        <p ref={highlightCaption} className="example-highlight" />
        <p className="hint">
          Scroll to zoom, drag to pan, point at a word for its neighbours, click it to pin its
          label. The axes keep their orientation while training so the points don&rsquo;t jump; that
          is why the vertical axis may explain more variance than the horizontal one.{' '}
          <button
            type="button"
            className="small"
            onClick={() => controllerRef.current?.resetZoom()}
          >
            Reset zoom
          </button>
        </p>
        {missing.length > 0 && (
          <p className="missing">Not in the vocabulary: {missing.join(', ')}</p>
        )}
      </figcaption>
      {/* Each item gets data-x / data-y (the point on the canvas, CSS px) from the controller. */}
      <ul ref={list} className="visually-hidden" aria-label="Shown words">
        {items}
      </ul>
    </figure>
  );
}
