/**
 * The word map's imperative renderer (STYLE rule 13): fed packed coordinates and word facts, it
 * animates the points toward their newest positions, smooths the view extent, places labels on a
 * collision grid and draws on a DPR-scaled canvas. It redraws only when something changed.
 */
import type { ExampleHighlights, HighlightColors } from './exampleHighlights';
import {
  computeExtent,
  extentsClose,
  fitDomains,
  smoothExtent,
  type Domains,
  type Extent,
} from './extent';
import { createLabelPlacer } from './labelGrid';
import { approach } from './motion';
import { groupStyles, type GroupStyle } from './palette';
import {
  IDENTITY,
  PLOT_MARGIN,
  labelOrder,
  plotMap,
  plotSize,
  toScreen,
  type PlotMap,
  type Transform,
} from './scatterLayout';
import {
  LABEL_FONT,
  LABEL_HEIGHT,
  POINT_RADIUS,
  batchByStyle,
  drawExampleRings,
  drawHighlights,
  drawLabels,
  type StyleBatches,
} from './scatterDraw';
import { createScatterPixels } from './scatterPixels';

/** What the renderer needs to know about each shown word. */
export interface ScatterWord {
  word: string;
  group: string | null;
  count: number;
  isRequested: boolean;
  /** Its word id (ties the map to the derivation panels' example); absent = unknown. */
  id?: number;
}

export interface ScatterRenderer {
  /**
   * New word list, plus `backgroundCount` unlabelled background points after them (small dots,
   * hoverable, never labelled): the point count may change; the next positions are shown
   * without animation.
   */
  setWords(words: readonly ScatterWord[], backgroundCount?: number): void;
  /**
   * Target positions, x/y interleaved, 2 per point (words first, then the background);
   * ignored when the length does not match.
   */
  setPositions(coords: Float32Array): void;
  setTransform(transform: Transform): void;
  setHighlight(hovered: number, pinned: ReadonlySet<number>): void;
  /** Rings the shown example's words (null: none); cleared by `setWords`. */
  setExampleHighlights(highlights: ExampleHighlights | null, colors: HighlightColors): void;
  resize(width: number, height: number, dpr: number): void;
  /** Draws if anything changed; returns true when it drew. */
  render(time: number): boolean;
  /** Current screen positions (CSS pixels) of all points, background included, for hit testing. */
  screenPositions(): { xy: Float32Array; count: number };
  /** Domains of the unzoomed view and the base map, for the axes. */
  view(): { domains: Domains | null; map: PlotMap | null; width: number; height: number };
  /** Styles by group, for the legend. */
  styles(): Map<string | null, GroupStyle>;
  dispose(): void;
}

/** Largest time step the animation takes at once (after a hidden tab, say). */
const MAX_DT_MS = 100;

export function createScatterRenderer(canvas: HTMLCanvasElement): ScatterRenderer {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2-D canvas is not available');
  const placer = createLabelPlacer();
  let words: readonly ScatterWord[] = [];
  let texts: string[] = [];
  let widths = new Float32Array(0);
  let styles = new Map<string | null, GroupStyle>();
  let batches: StyleBatches = batchByStyle([]);
  /** Labelled points, and all points (labelled, then background). */
  let n = 0;
  let total = 0;
  /** The pixel layer: background dots, label backings and labelled points. */
  const pixels = createScatterPixels(canvas, ctx);
  let target = new Float32Array(0);
  let shown = new Float32Array(0);
  let screen = new Float32Array(0);
  let anchorX = new Float32Array(0);
  let anchorY = new Float32Array(0);
  let hasPositions = false;
  let shouldSnap = true;
  let isAnimating = false;
  let targetExtent: Extent | null = null;
  let extent: Extent | null = null;
  let domains: Domains | null = null;
  let map: PlotMap | null = null;
  let transform: Transform = IDENTITY;
  let hovered = -1;
  let pinned: ReadonlySet<number> = new Set();
  let example: { highlights: ExampleHighlights; colors: HighlightColors } | null = null;
  let order: ReturnType<typeof labelOrder> = { order: new Int32Array(0), priorityCount: 0 };
  let size = { width: 0, height: 0, dpr: 1 };
  let isDirty = true;
  let lastTime = -1;

  const measure = (): void => {
    ctx.font = LABEL_FONT;
    widths = Float32Array.from(texts, (text) => ctx.measureText(text).width + 2);
  };

  const reorder = (): void => {
    // The example's own words get their labels first, like pinned ones.
    const h = example?.highlights;
    const first = h ? new Set([...pinned, ...h.center, ...h.context, ...h.negative]) : pinned;
    order = labelOrder(words, first, hovered);
    isDirty = true;
  };

  const step = (dt: number): void => {
    if (isAnimating) {
      const remaining = approach(shown, target, 2 * total, dt);
      const span = targetExtent
        ? Math.max(targetExtent.x1 - targetExtent.x0, targetExtent.y1 - targetExtent.y0)
        : 1;
      // Stop once the remaining motion is far below a pixel.
      isAnimating = remaining > span * 1e-4;
      isDirty = true;
    }
    if (targetExtent && (!extent || !extentsClose(extent, targetExtent))) {
      extent = smoothExtent(extent, targetExtent, dt, extent ?? undefined);
      isDirty = true;
    }
  };

  const draw = (): void => {
    const plot = plotSize(size.width, size.height);
    domains = extent ? fitDomains(extent, plot.width, plot.height) : null;
    map = domains ? plotMap(domains, size.width, size.height) : null;
    ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    if (!map || !hasPositions) return;
    toScreen(shown, total, map, transform, screen);
    // Points and labels stay inside the plot area, off the axes, however far one zooms.
    const left = PLOT_MARGIN.left;
    const top = PLOT_MARGIN.top;
    for (let i = 0; i < n; i++) {
      anchorX[i] = screen[2 * i]! - left;
      anchorY[i] = screen[2 * i + 1]! - top;
    }
    const placement = placer.place({
      order: order.order,
      orderCount: order.order.length,
      priorityCount: order.priorityCount,
      anchorX,
      anchorY,
      widths,
      boxHeight: LABEL_HEIGHT,
      gap: POINT_RADIUS + 2,
      viewWidth: plot.width,
      viewHeight: plot.height,
    });
    // Dots, label backings and points as pixels (replacing the whole canvas), then the rest on top.
    pixels.paint({
      screen,
      n,
      total,
      batches,
      placement,
      order: order.order,
      widths,
      plot: { left, top, width: plot.width, height: plot.height },
      dpr: size.dpr,
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, plot.width, plot.height);
    ctx.clip();
    if (example) drawExampleRings(ctx, screen, example.highlights, example.colors);
    drawHighlights(ctx, screen, pinned, hovered);
    ctx.translate(left, top);
    drawLabels(ctx, texts, widths, placement, order.order, order.priorityCount, anchorX, anchorY);
    ctx.restore();
  };

  return {
    setWords(next, backgroundCount = 0) {
      words = next;
      n = next.length;
      total = n + Math.max(0, Math.floor(backgroundCount));
      texts = next.map((w) => w.word);
      styles = groupStyles(next.map((w) => w.group));
      batches = batchByStyle(next.map((w) => styles.get(w.group)!));
      pixels.setStyles(batches.styles);
      target = new Float32Array(2 * total);
      shown = new Float32Array(2 * total);
      screen = new Float32Array(2 * total);
      anchorX = new Float32Array(n);
      anchorY = new Float32Array(n);
      hasPositions = false;
      shouldSnap = true;
      hovered = -1;
      pinned = new Set([...pinned].filter((i) => i < n));
      example = null;
      measure();
      reorder();
    },
    setPositions(coords) {
      if (coords.length !== 2 * total) return;
      target.set(coords);
      targetExtent = computeExtent(target, total);
      if (shouldSnap || !hasPositions) {
        shown.set(coords);
        extent = targetExtent ? { ...targetExtent } : null;
        shouldSnap = false;
      } else {
        isAnimating = true;
      }
      hasPositions = true;
      isDirty = true;
    },
    setTransform(next) {
      transform = { k: next.k, x: next.x, y: next.y };
      isDirty = true;
    },
    setHighlight(nextHovered, nextPinned) {
      // Moving between background points (or off the map) changes the ring, not the labels.
      const isLabelSame = nextPinned === pinned && (hovered < 0 || hovered >= n);
      const isStillUnlabelled = isLabelSame && (nextHovered < 0 || nextHovered >= n);
      hovered = nextHovered;
      pinned = nextPinned;
      if (isStillUnlabelled) isDirty = true;
      else reorder();
    },
    setExampleHighlights(highlights, colors) {
      example = highlights ? { highlights, colors } : null;
      reorder();
    },
    resize(width, height, dpr) {
      size = { width, height, dpr };
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      isDirty = true;
    },
    render(time) {
      const dt = lastTime < 0 ? 0 : Math.min(MAX_DT_MS, time - lastTime);
      lastTime = time;
      step(dt);
      if (!isDirty) return false;
      isDirty = false;
      draw();
      return true;
    },
    screenPositions: () => ({ xy: screen, count: hasPositions ? total : 0 }),
    view: () => ({ domains, map, width: size.width, height: size.height }),
    styles: () => styles,
    dispose() {
      words = [];
      n = 0;
      total = 0;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
