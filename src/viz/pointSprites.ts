/**
 * The labelled points as sprites for the pixel layer (pixelLayer.ts): each style's dot (filled
 * with a thin dark rim, or a ring for groups beyond the eighth colour) is drawn once by the
 * canvas, anti-aliased, at the page's pixel ratio, and its pixels are then stamped at every
 * point of that style.
 */
import type { GroupStyle } from './palette';
import { createSprite, type Sprite } from './pixelLayer';
import { POINT_RADIUS } from './scatterDraw';

/** Side of a sprite in device pixels: the dot, its rim and a pixel of air on each side. */
export function spriteSize(radius: number, rim: number, dpr: number): number {
  return Math.ceil(2 * (radius + rim) * dpr) + 2;
}

/** One sprite per style, in the order given, for `dpr`. */
export function createPointSprites(styles: readonly GroupStyle[], dpr: number): Sprite[] {
  const size = spriteSize(POINT_RADIUS, 1, dpr);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return [];
  return styles.map((style) => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, size, size);
    ctx.setTransform(dpr, 0, 0, dpr, size / 2, size / 2);
    ctx.beginPath();
    ctx.arc(0, 0, POINT_RADIUS, 0, 2 * Math.PI);
    if (style.isHollow) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = style.color;
      ctx.stroke();
    } else {
      ctx.fillStyle = style.color;
      ctx.fill();
      ctx.lineWidth = 0.75;
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
      ctx.stroke();
    }
    return createSprite(ctx.getImageData(0, 0, size, size).data, size);
  });
}
