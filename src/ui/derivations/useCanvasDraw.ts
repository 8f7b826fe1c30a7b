/**
 * Draws a canvas at the device pixel ratio whenever `draw` changes or the canvas is resized.
 * The charts here redraw at most once per example (about once a second), so no animation loop.
 */
import { useEffect, type RefObject } from 'react';

/** Draw callback: a context scaled to CSS pixels, and the canvas's CSS size. */
export type CanvasDraw = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

export function useCanvasDraw(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  draw: CanvasDraw,
): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const paint = () => {
      const ctx = canvas.getContext('2d');
      const { width, height } = canvas.getBoundingClientRect();
      if (!ctx || width === 0 || height === 0) return;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      draw(ctx, width, height);
    };
    paint();
    const observer = new ResizeObserver(paint);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [canvasRef, draw]);
}

/** The text colour an element's CSS gives it (the .sym-* classes), for canvas drawing. */
export function cssColor(element: Element | null, fallback: string): string {
  return element ? getComputedStyle(element).color || fallback : fallback;
}
