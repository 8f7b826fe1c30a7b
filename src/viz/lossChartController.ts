/**
 * Binds the loss-chart renderer to the page: the shared animation loop, resizing, the d3 axes
 * and the hover read-out, which is written straight into its element (never through React).
 */
import { format } from 'd3-format';
import { drawAxis, setText } from './axes';
import { frameLoop as sharedLoop, type FrameLoop } from './frameLoop';
import {
  LOSS_MARGIN,
  createLossChartRenderer,
  type LossReadout,
  type LossSource,
} from './lossChartRenderer';

/** The loss history plus what a unit is (liveFrame fits this shape). */
export interface LossChartSource extends LossSource {
  readonly latest: { readonly unit: 'word' | 'iteration' } | null;
}

/** Elements React rendered for the chart; d3 owns the axes' insides. */
export interface LossChartElements {
  canvas: HTMLCanvasElement;
  xAxis: SVGGElement;
  lossAxis: SVGGElement;
  lrAxis: SVGGElement;
  xTitle: SVGTextElement;
  readout: HTMLElement;
}

export interface LossChartController {
  setLogScale(isLog: boolean): void;
  dispose(): void;
}

const count = format(',');
const value = format('.4~r');
const rate = format('.3~g');

/** The read-out sentence, e.g. "words 12,000 · loss 3.214 · smoothed 3.402 · learning rate 0.0241". */
export function describeReadout(hit: LossReadout | null, unit: 'word' | 'iteration'): string {
  if (!hit) return 'No loss points yet.';
  const show = (v: number, f: (n: number) => string): string =>
    Number.isFinite(v) ? f(v) : String(v);
  return (
    `${unit}s ${count(hit.x)} · loss ${show(hit.raw, value)} · smoothed ${show(hit.smoothed, value)}` +
    ` · learning rate ${show(hit.lr, rate)}`
  );
}

export function createLossChartController(
  elements: LossChartElements,
  source: LossChartSource,
  loop: FrameLoop = sharedLoop,
): LossChartController {
  const { canvas } = elements;
  const renderer = createLossChartRenderer(canvas);
  const unit = (): 'word' | 'iteration' => source.latest?.unit ?? 'word';

  const drawAxes = (): void => {
    const scales = renderer.scales();
    if (!scales) return;
    const { width, height } = scales;
    const bottom = height - LOSS_MARGIN.bottom;
    drawAxis(elements.xAxis, 'bottom', scales.x, 0, bottom, width / 110, '~s');
    drawAxis(elements.lossAxis, 'left', scales.loss, LOSS_MARGIN.left, 0, height / 45, '.3~g');
    drawAxis(
      elements.lrAxis,
      'right',
      scales.lr,
      width - LOSS_MARGIN.right,
      0,
      height / 45,
      '.2~g',
    );
    elements.xTitle.setAttribute('x', String((LOSS_MARGIN.left + width - LOSS_MARGIN.right) / 2));
    elements.xTitle.setAttribute('y', String(height - 3));
    setText(elements.xTitle, `${unit()}s`);
  };

  const removeDraw = loop.add(() => {
    renderer.update(source);
    if (!renderer.render()) return;
    drawAxes();
    setText(elements.readout, describeReadout(renderer.readout(), unit()));
  });

  const onMove = (event: PointerEvent): void => {
    renderer.setHover(event.clientX - canvas.getBoundingClientRect().left);
  };
  const onLeave = (): void => renderer.setHover(null);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);
  const resizeObserver = new ResizeObserver(() => {
    const rect = canvas.getBoundingClientRect();
    renderer.resize(rect.width, rect.height, window.devicePixelRatio || 1);
  });
  resizeObserver.observe(canvas);

  return {
    setLogScale: (isLog) => renderer.setLogScale(isLog),
    dispose() {
      removeDraw();
      resizeObserver.disconnect();
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
    },
  };
}
