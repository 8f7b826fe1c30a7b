/**
 * The loss chart's imperative renderer: the raw loss points (thin, light), their moving average
 * (thick) and the learning rate on a second y axis, drawn on a DPR-scaled canvas. Every series is
 * min/max-downsampled to at most two vertices per pixel column, so the cost per draw depends on
 * the chart's width, not on how long the run has been going.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import {
  createDownsampled,
  downsampleMinMax,
  extendEma,
  type Downsampled,
  type RingSeries,
} from './downsample';

/** The loss history (liveFrame fits this shape). */
export interface LossSource {
  readonly version: number;
  readonly losses: Float32Array;
  readonly lossAt: Float64Array;
  readonly lrs: Float32Array;
  readonly lossCount: number;
}

export const LOSS_MARGIN = { top: 24, right: 56, bottom: 36, left: 52 } as const;
export const RAW_COLOR = '#9fc3e6';
export const SMOOTH_COLOR = '#0072B2';
export const LR_COLOR = '#D55E00';

/** Values at one loss point, for the hover read-out. */
export interface LossReadout {
  x: number;
  raw: number;
  smoothed: number;
  lr: number;
  /** Its position on the canvas, CSS pixels. */
  px: number;
}

export interface LossScales {
  x: ScaleContinuousNumeric<number, number>;
  loss: ScaleContinuousNumeric<number, number>;
  lr: ScaleContinuousNumeric<number, number>;
  width: number;
  height: number;
}

export interface LossChartRenderer {
  /** Takes the points added since the last call; marks the chart dirty when there are any. */
  update(source: LossSource): void;
  setLogScale(isLog: boolean): void;
  /** Pointer x in CSS pixels, or null when the pointer left. */
  setHover(px: number | null): void;
  resize(width: number, height: number, dpr: number): void;
  /** Draws if anything changed; returns true when it drew. */
  render(): boolean;
  scales(): LossScales | null;
  /** The point nearest the hovered x (the latest point when nothing is hovered), or null. */
  readout(): LossReadout | null;
}

export function createLossChartRenderer(canvas: HTMLCanvasElement): LossChartRenderer {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2-D canvas is not available');
  let source: LossSource | null = null;
  let smooth = new Float32Array(0);
  let ema = Number.NaN;
  let taken = 0;
  let seenVersion = -1;
  let isLog = false;
  let hoverPx: number | null = null;
  let size = { width: 0, height: 0, dpr: 1 };
  let scales: LossScales | null = null;
  let isDirty = true;
  const raw = createDownsampled(1024);
  const smoothed = createDownsampled(1024);
  const lrs = createDownsampled(1024);

  const series = (ys: ArrayLike<number>): RingSeries => ({
    xs: source!.lossAt,
    ys,
    total: source!.lossCount,
    capacity: source!.losses.length,
  });

  const held = (): { first: number; count: number } => {
    const count = Math.min(source?.lossCount ?? 0, source?.losses.length ?? 0);
    return { first: (source?.lossCount ?? 0) - count, count };
  };
  const xAt = (j: number): number => source!.lossAt[j % source!.losses.length]!;

  const fitScales = (): LossScales | null => {
    const { first, count } = held();
    if (count === 0) return null;
    const x0 = first === 0 ? 0 : xAt(first);
    const x1 = Math.max(xAt(first + count - 1), x0 + 1);
    const left = LOSS_MARGIN.left;
    const right = Math.max(left + 1, size.width - LOSS_MARGIN.right);
    const bottom = Math.max(LOSS_MARGIN.top + 1, size.height - LOSS_MARGIN.bottom);
    const columns = right - left;
    downsampleMinMax(series(source!.losses), x0, x1, columns, raw);
    downsampleMinMax(series(smooth), x0, x1, columns, smoothed);
    downsampleMinMax(series(source!.lrs), x0, x1, columns, lrs);
    const [lo, hi] = range(raw, isLog);
    const loss = (isLog ? scaleLog() : scaleLinear())
      .domain([lo, hi])
      .range([bottom, LOSS_MARGIN.top]);
    if (!isLog) loss.nice();
    const lrMax = Math.max(range(lrs, false)[1], 1e-12);
    return {
      x: scaleLinear().domain([x0, x1]).range([left, right]),
      loss,
      lr: scaleLinear()
        .domain([0, lrMax * 1.1])
        .range([bottom, LOSS_MARGIN.top])
        .nice(),
      width: size.width,
      height: size.height,
    };
  };

  /** The point nearest the hovered x; the latest point when nothing is hovered. */
  const findReadout = (): LossReadout | null => {
    const { first, count } = held();
    if (!scales || !source || count === 0) return null;
    const x = hoverPx === null ? Infinity : scales.x.invert(hoverPx);
    // Binary search for the first point at or after x (lossAt increases with the index).
    let lo = first;
    let hi = first + count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xAt(mid) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > first && Math.abs(xAt(lo - 1) - x) < Math.abs(xAt(lo) - x)) lo--;
    const slot = lo % source.losses.length;
    const at = xAt(lo);
    return {
      x: at,
      raw: source.losses[slot]!,
      smoothed: smooth[slot]!,
      lr: source.lrs[slot]!,
      px: scales.x(at),
    };
  };

  const draw = (): void => {
    ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    scales = fitScales();
    if (!scales) return;
    const { x, loss, lr } = scales;
    ctx.save();
    ctx.beginPath();
    ctx.rect(LOSS_MARGIN.left, 0, size.width - LOSS_MARGIN.left - LOSS_MARGIN.right, size.height);
    ctx.clip();
    polyline(ctx, lrs, x, lr, LR_COLOR, 1.5, [5, 4]);
    polyline(ctx, raw, x, loss, RAW_COLOR, 1, []);
    polyline(ctx, smoothed, x, loss, SMOOTH_COLOR, 2, []);
    ctx.restore();
    const hit = hoverPx === null ? null : findReadout();
    if (hit) drawHover(ctx, hit, scales);
  };

  return {
    update(next) {
      source = next;
      if (next.version === seenVersion) return;
      seenVersion = next.version;
      if (smooth.length !== next.losses.length) smooth = new Float32Array(next.losses.length);
      // A shorter history than before means a new run: start the average over.
      if (next.lossCount < taken) {
        ema = Number.NaN;
        taken = 0;
      }
      ema = extendEma(next.losses, smooth, next.losses.length, taken, next.lossCount, ema);
      taken = next.lossCount;
      isDirty = true;
    },
    setLogScale(value) {
      isLog = value;
      isDirty = true;
    },
    setHover(px) {
      hoverPx = px;
      isDirty = true;
    },
    resize(width, height, dpr) {
      size = { width, height, dpr };
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      isDirty = true;
    },
    render() {
      if (!isDirty) return false;
      isDirty = false;
      draw();
      return true;
    },
    scales: () => scales,
    readout: findReadout,
  };
}

/** [min, max] of the downsampled values (positive ones only on a log scale), padded a little. */
function range(points: Downsampled, isLog: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < points.count; k++) {
    const y = points.ys[k]!;
    if (isLog && !(y > 0)) continue;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (lo > hi) return isLog ? [0.1, 1] : [0, 1];
  if (isLog) return hi / lo < 1.01 ? [lo / 1.1, hi * 1.1] : [lo, hi];
  const pad = Math.max((hi - lo) * 0.05, Math.abs(hi) * 1e-3, 1e-9);
  return [lo - pad, hi + pad];
}

function polyline(
  ctx: CanvasRenderingContext2D,
  points: Downsampled,
  x: (v: number) => number,
  y: (v: number) => number,
  color: string,
  lineWidth: number,
  dash: number[],
): void {
  ctx.beginPath();
  for (let k = 0; k < points.count; k++) {
    const px = x(points.xs[k]!);
    const py = y(points.ys[k]!);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.setLineDash(dash);
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawHover(ctx: CanvasRenderingContext2D, hit: LossReadout, scales: LossScales): void {
  ctx.beginPath();
  ctx.moveTo(hit.px, LOSS_MARGIN.top);
  ctx.lineTo(hit.px, scales.height - LOSS_MARGIN.bottom);
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
  ctx.stroke();
  const dot = (value: number, scale: (v: number) => number, color: string): void => {
    if (!Number.isFinite(scale(value))) return;
    ctx.beginPath();
    ctx.arc(hit.px, scale(value), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
  };
  dot(hit.raw, scales.loss, RAW_COLOR);
  dot(hit.smoothed, scales.loss, SMOOTH_COLOR);
  dot(hit.lr, scales.lr, LR_COLOR);
}
