/**
 * Binds the word-map renderer to the page: the shared animation loop, the live coordinates,
 * d3-zoom (the transform lives here, never in React state), the d3 axes, pointer hover through a
 * lazily rebuilt quadtree, click-to-pin and resizing. The React wrapper creates one in an effect
 * and disposes it in the cleanup.
 */
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { coordinateFormat, drawAxis, setText } from './axes';
import { frameLoop as sharedLoop, type FrameLoop } from './frameLoop';
import { markOf, type ExampleHighlights, type HighlightColors } from './exampleHighlights';
import { createLazyHoverIndex } from './hoverIndex';
import { PLOT_MARGIN } from './scatterLayout';
import { createScatterRenderer, type ScatterWord } from './scatterRenderer';
import type { GroupStyle } from './palette';

/** The live coordinates (liveFrame fits this shape). */
export interface ScatterSource {
  readonly coordsVersion: number;
  readonly coords: Float32Array;
  readonly explained: readonly [number, number];
  readonly viewVersion: number;
}

/** Elements React rendered for the map; d3 owns their insides from now on. */
export interface ScatterElements {
  canvas: HTMLCanvasElement;
  xAxis: SVGGElement;
  yAxis: SVGGElement;
  xTitle: SVGTextElement;
  yTitle: SVGTextElement;
  /**
   * The visually hidden list of the shown words (one item per word, in their order): its items
   * get `data-x` / `data-y`, each point's position in CSS pixels from the canvas's top-left.
   */
  list?: HTMLElement | null;
}

export interface ScatterCallbacks {
  /**
   * The point under the pointer changed (−1: none), with the pointer's position in the canvas.
   * Indices from the number of words on are background points.
   */
  onHover(index: number, x: number, y: number): void;
  /** A point was clicked. */
  onClick(index: number): void;
}

export interface ScatterController {
  /**
   * The shown words and how many background points follow them in the coordinates;
   * `viewVersion` (if known) must match the coordinates' before they are drawn.
   */
  setWords(
    words: readonly ScatterWord[],
    viewVersion: number | null,
    backgroundCount?: number,
  ): void;
  setPinned(indices: ReadonlySet<number>): void;
  /**
   * Rings the derivation panels' example words (null: none) and marks the list's items with
   * `data-highlight` (center, context, negative, touched). Call again after `setWords`.
   */
  setHighlights(highlights: ExampleHighlights | null, colors: HighlightColors): void;
  resetZoom(): void;
  styles(): Map<string | null, GroupStyle>;
  dispose(): void;
}

/** Hover reach in CSS pixels. */
const HOVER_RADIUS = 14;
/** The positions on the list of shown words are rewritten at most this often (ms). */
const LIST_PERIOD = 250;
/**
 * While the points glide, the axes (each d3 update costs a style, layout and paint pass) and
 * the hover index (a few ms over 11,000 points) are rebuilt at most this often (ms); a zoom or
 * a resize updates both at once.
 */
const GLIDE_PERIOD = 200;

/**
 * Writes each point's canvas position on the matching item of `list` as `data-x` / `data-y`
 * (rounded to 0.1 px); an item whose point has no finite position loses both attributes.
 */
export function writeListPositions(list: HTMLElement, xy: Float32Array, count: number): void {
  const items = list.children;
  const n = Math.min(items.length, count);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (i < n && x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
      item.setAttribute('data-x', x.toFixed(1));
      item.setAttribute('data-y', y.toFixed(1));
    } else {
      item.removeAttribute('data-x');
      item.removeAttribute('data-y');
    }
  }
}

/** Writes each shown word's highlight mark on the matching item of `list` (`data-highlight`). */
export function writeListHighlights(list: HTMLElement, highlights: ExampleHighlights | null): void {
  const marks = markOf(highlights, list.children.length);
  marks.forEach((mark, i) => {
    const item = list.children[i]!;
    if (mark) item.setAttribute('data-highlight', mark);
    else item.removeAttribute('data-highlight');
  });
}

/**
 * Axis title with its share of the variance, e.g. "horizontal — 38% of variance". The axes are
 * named by direction, not ranked: the worker keeps the previous frame's axis order so points do
 * not jump, and the vertical axis may explain more variance than the horizontal one.
 */
export function axisTitle(axis: 'horizontal' | 'vertical', ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return axis;
  return `${axis} — ${Math.round(ratio * 100)}% of variance`;
}

export function createScatterController(
  elements: ScatterElements,
  source: ScatterSource,
  callbacks: ScatterCallbacks,
  loop: FrameLoop = sharedLoop,
): ScatterController {
  const { canvas } = elements;
  const renderer = createScatterRenderer(canvas);
  const hover = createLazyHoverIndex(() => renderer.screenPositions());
  /** When the axes were last drawn, for which transform and size; stale after a redraw. */
  const axes = { drawnAt: Number.NEGATIVE_INFINITY, key: '', isStale: true };
  /** Since when the hover index trails the drawn points (−1: it does not). */
  let hoverStaleSince = -1;
  /** A zoom moved every point: the index must follow the next drawing at once. */
  let isZoomPending = false;
  let transform: ZoomTransform = zoomIdentity;
  let seenCoords = -1;
  let wordCount = 0;
  let viewVersion: number | null = null;
  let hovered = -1;
  let pinned: ReadonlySet<number> = new Set();
  let isListStale = true;
  let listWrittenAt = Number.NEGATIVE_INFINITY;

  // The list's positions trail the drawing by at most LIST_PERIOD, never per frame.
  const updateList = (time: number): void => {
    if (!elements.list || !isListStale || time - listWrittenAt < LIST_PERIOD) return;
    const { xy, count } = renderer.screenPositions();
    writeListPositions(elements.list, xy, count);
    isListStale = false;
    listWrittenAt = time;
  };

  const pullCoords = (): void => {
    if (source.coordsVersion === seenCoords) return;
    if (source.coords.length !== 2 * wordCount) return;
    if (viewVersion !== null && source.viewVersion !== viewVersion) return;
    seenCoords = source.coordsVersion;
    renderer.setPositions(source.coords);
    setText(elements.xTitle, axisTitle('horizontal', source.explained[0]));
    setText(elements.yTitle, axisTitle('vertical', source.explained[1]));
  };

  const drawAxes = (): void => {
    const { domains, width, height } = renderer.view();
    if (!domains) return;
    const x = transform.rescaleX(
      scaleLinear()
        .domain(domains.x)
        .range([PLOT_MARGIN.left, width - PLOT_MARGIN.right]),
    );
    const y = transform.rescaleY(
      scaleLinear()
        .domain(domains.y)
        .range([height - PLOT_MARGIN.bottom, PLOT_MARGIN.top]),
    );
    drawAxis(
      elements.xAxis,
      'bottom',
      x,
      0,
      height - PLOT_MARGIN.bottom,
      width / 90,
      coordinateFormat(x),
    );
    drawAxis(elements.yAxis, 'left', y, PLOT_MARGIN.left, 0, height / 60, coordinateFormat(y));
    elements.xTitle.setAttribute('x', String((PLOT_MARGIN.left + width - PLOT_MARGIN.right) / 2));
    elements.xTitle.setAttribute('y', String(height - 4));
    elements.yTitle.setAttribute(
      'transform',
      `translate(12,${(height - PLOT_MARGIN.bottom) / 2}) rotate(-90)`,
    );
  };

  // Axes follow a zoom or resize at once, the gliding points at most every GLIDE_PERIOD.
  const updateAxes = (time: number): void => {
    if (!axes.isStale) return;
    const { width, height } = renderer.view();
    const key = `${transform.k},${transform.x},${transform.y},${width},${height}`;
    if (key === axes.key && time - axes.drawnAt < GLIDE_PERIOD) return;
    drawAxes();
    Object.assign(axes, { drawnAt: time, key, isStale: false });
  };

  const removeDraw = loop.add((time) => {
    pullCoords();
    if (renderer.render(time)) {
      // The hover index follows a zoom at once, gliding points lazily (see onMove).
      if (isZoomPending) {
        hover.invalidate();
        isZoomPending = false;
        hoverStaleSince = -1;
      } else if (hoverStaleSince < 0) hoverStaleSince = time;
      axes.isStale = true;
      isListStale = true;
    }
    updateAxes(time);
    updateList(time);
  });

  const zoomBehaviour = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.5, 50])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      transform = event.transform;
      renderer.setTransform(transform);
      isZoomPending = true;
    });
  const selection = select(canvas).call(zoomBehaviour);

  const pointAt = (event: MouseEvent): [number, number] => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  const setHovered = (index: number, x: number, y: number): void => {
    if (index === hovered) return;
    hovered = index;
    renderer.setHighlight(hovered, pinned);
    callbacks.onHover(index, x, y);
  };
  const onMove = (event: PointerEvent): void => {
    const [x, y] = pointAt(event);
    // Rebuilding the index over 11,000 points costs a few ms: not on every move while they glide.
    if (hoverStaleSince >= 0 && event.timeStamp - hoverStaleSince >= GLIDE_PERIOD) {
      hover.invalidate();
      hoverStaleSince = -1;
    }
    setHovered(hover.find(x, y, HOVER_RADIUS), x, y);
  };
  const onLeave = (): void => setHovered(-1, 0, 0);
  const onClick = (event: MouseEvent): void => {
    const [x, y] = pointAt(event);
    const index = hover.find(x, y, HOVER_RADIUS);
    if (index >= 0) callbacks.onClick(index);
  };
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('click', onClick);

  const resizeObserver = new ResizeObserver(() => {
    const rect = canvas.getBoundingClientRect();
    renderer.resize(rect.width, rect.height, window.devicePixelRatio || 1);
  });
  resizeObserver.observe(canvas);

  return {
    setWords(words, version, backgroundCount = 0) {
      wordCount = words.length + backgroundCount;
      viewVersion = version;
      seenCoords = -1;
      hovered = -1;
      renderer.setWords(words, backgroundCount);
      hover.invalidate();
      hoverStaleSince = -1;
      isListStale = true;
    },
    setPinned(indices) {
      pinned = indices;
      renderer.setHighlight(hovered, pinned);
    },
    setHighlights(highlights, colors) {
      renderer.setExampleHighlights(highlights, colors);
      if (elements.list) writeListHighlights(elements.list, highlights);
    },
    resetZoom() {
      selection.call(zoomBehaviour.transform, zoomIdentity);
    },
    styles: () => renderer.styles(),
    dispose() {
      removeDraw();
      resizeObserver.disconnect();
      selection.on('.zoom', null);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('click', onClick);
      renderer.dispose();
    },
  };
}
