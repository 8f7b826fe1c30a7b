/**
 * Axes drawn by d3-axis into `<g>` elements that React created and never touches again
 * (STYLE rule 12). Each call redraws the ticks for the given scale.
 */
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import type { ScaleContinuousNumeric } from 'd3-scale';
import { select } from 'd3-selection';

export type AxisSide = 'bottom' | 'left' | 'right';

const AXES = { bottom: axisBottom, left: axisLeft, right: axisRight } as const;

/**
 * Draws an axis for `scale` into `g`, translated to (x, y), with about `ticks` ticks and the
 * d3-format `format` specifier (e.g. '.2~f').
 */
export function drawAxis(
  g: SVGGElement,
  side: AxisSide,
  scale: ScaleContinuousNumeric<number, number>,
  x: number,
  y: number,
  ticks: number,
  format?: string,
): void {
  const axis = AXES[side](scale).ticks(Math.max(2, ticks), format);
  select(g).attr('transform', `translate(${x},${y})`).call(axis);
}

/**
 * The tick format for map coordinates: two decimals for ordinary values, exponent notation when
 * they are huge (a diverged model's coordinates run to 1e36 and would print 37 digits).
 */
export function coordinateFormat(scale: ScaleContinuousNumeric<number, number>): string {
  const [a, b] = scale.domain() as [number, number];
  return Math.max(Math.abs(a), Math.abs(b)) >= 1e5 ? '.1~e' : '.2~f';
}

/** Sets an element's text only when it changed (no layout work otherwise). */
export function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}
