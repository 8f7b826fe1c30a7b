/**
 * The word map's pixel layer on its canvas: owns the ImageData (one per canvas size) and the
 * point sprites (one set per style list and pixel ratio), paints the background dots, the label
 * backings and the labelled points into it (pixelLayer.ts) and puts it on the canvas. The canvas
 * drawing that follows (rings, leader lines, text) goes on top.
 */
import type { LabelPlacement } from './labelGrid';
import type { GroupStyle } from './palette';
import {
  createPixelLayer,
  packColor,
  paintBoxes,
  paintDots,
  resetLayer,
  stampSprites,
  type PixelLayer,
  type Sprite,
} from './pixelLayer';
import { createPointSprites } from './pointSprites';
import { LABEL_BOX_RGBA, LABEL_HEIGHT, type StyleBatches } from './scatterDraw';

/** Side of a background dot in CSS pixels (whole device pixels, at least one). */
export const DOT_SIZE = 2;
/** The background dots' colour, opaque: light enough that labelled points and labels stand out. */
export const DOT_RGBA: readonly [number, number, number, number] = [172, 174, 188, 255];

/** One frame's marks, in CSS pixels. */
export interface PixelFrame {
  /** All points' screen positions: the labelled ones [0, n), then the background [n, total). */
  screen: Float32Array;
  n: number;
  total: number;
  batches: StyleBatches;
  placement: LabelPlacement;
  /** Label indices in priority order (the placement's boxes are painted for these). */
  order: Int32Array;
  widths: Float32Array;
  /** The plot area: marks are clipped to it; label boxes are placed relative to its corner. */
  plot: { left: number; top: number; width: number; height: number };
  dpr: number;
}

export interface ScatterPixels {
  /** Paints `frame` into the layer and puts it on the canvas (replacing every pixel). */
  paint(frame: PixelFrame): void;
  /** The styles changed: the sprites are redrawn on the next paint. */
  setStyles(styles: readonly GroupStyle[]): void;
}

export function createScatterPixels(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
): ScatterPixels {
  let image: ImageData | null = null;
  let layer: PixelLayer | null = null;
  let styles: readonly GroupStyle[] = [];
  let sprites: { dpr: number; list: Sprite[] } | null = null;
  const dotColor = packColor(DOT_RGBA);

  const layerFor = (width: number, height: number): PixelLayer => {
    if (!image || !layer || image.width !== width || image.height !== height) {
      image = ctx.createImageData(width, height);
      layer = createPixelLayer(image.data, width, height);
    }
    return layer;
  };

  return {
    paint(frame) {
      const { screen, n, total, plot, dpr } = frame;
      const target = layerFor(canvas.width, canvas.height);
      const bounds = { left: plot.left, top: plot.top, right: plot.left + plot.width };
      resetLayer(target, { ...bounds, bottom: plot.top + plot.height }, dpr);
      const side = Math.max(1, Math.round(DOT_SIZE * dpr));
      paintDots(target, screen, n, total, dpr, side, dotColor);
      const boxes = { order: frame.order, ...frame.placement };
      paintBoxes(
        target,
        boxes,
        frame.widths,
        LABEL_HEIGHT,
        plot.left,
        plot.top,
        dpr,
        LABEL_BOX_RGBA,
      );
      if (!sprites || sprites.dpr !== dpr) {
        sprites = { dpr, list: createPointSprites(styles, dpr) };
      }
      stampSprites(target, screen, frame.batches, sprites.list, dpr);
      ctx.putImageData(image!, 0, 0);
    },
    setStyles(next) {
      styles = next;
      sprites = null;
    },
  };
}
