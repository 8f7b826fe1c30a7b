import { useCallback, useRef } from 'react';
import { binMax, binOf, formatProb } from '../../viz/barLayout';
import { cssColor, useCanvasDraw } from './useCanvasDraw';

interface SoftmaxColumnsProps {
  /** ŷ over the whole vocabulary, by word id. */
  yHat: Float64Array;
  target: number;
  targetWord: string;
  trueRank: number;
  /** The chart's accessible name. */
  label: string;
}

const MARGIN = { top: 24, bottom: 2 };

/**
 * ŷ for every word of the vocabulary as columns on a canvas (word ids left to right, most frequent
 * first); columns narrower than a pixel are merged, keeping the tallest. The true word's column is
 * drawn in its colour with a marker and its label.
 */
export function SoftmaxColumns({ yHat, target, targetWord, trueRank, label }: SoftmaxColumnsProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const trueKey = useRef<HTMLSpanElement>(null);
  const restKey = useRef<HTMLSpanElement>(null);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) => {
      const bins = binMax(yHat, Math.floor(width));
      const max = Math.max(...bins, 1e-12);
      const step = width / bins.length;
      const plot = height - MARGIN.top - MARGIN.bottom;
      const yOf = (p: number) => MARGIN.top + plot * (1 - p / max);
      ctx.fillStyle = cssColor(restKey.current, '#6b6b76');
      bins.forEach((p, b) =>
        ctx.fillRect(
          b * step,
          yOf(p),
          Math.max(step - (step > 3 ? 1 : 0), 0.5),
          plot - yOf(p) + MARGIN.top,
        ),
      );
      // The true word on top: its own column (at least 2 px wide) and a marker over it.
      const x = binOf(target, yHat.length, bins.length) * step;
      const top = yOf(yHat[target] ?? 0);
      ctx.fillStyle = cssColor(trueKey.current, '#D55E00');
      ctx.fillRect(x, top, Math.max(step, 2), MARGIN.top + plot - top);
      ctx.beginPath();
      ctx.moveTo(x + step / 2 - 5, top - 10);
      ctx.lineTo(x + step / 2 + 5, top - 10);
      ctx.lineTo(x + step / 2, top - 3);
      ctx.fill();
      ctx.font = '11px system-ui, sans-serif';
      ctx.textAlign = x > width / 2 ? 'right' : 'left';
      ctx.fillText(`${targetWord} (rank ${trueRank})`, x + step / 2, top - 12);
      // The uniform distribution 1/W: where every bar starts before training.
      const uniform = yOf(1 / yHat.length);
      ctx.strokeStyle = '#1d1d1f';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(0, uniform);
      ctx.lineTo(width, uniform);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#1d1d1f';
      ctx.textAlign = 'right';
      ctx.fillText('1/W', width - 2, uniform - 3);
    },
    [yHat, target, targetWord, trueRank],
  );
  useCanvasDraw(canvas, draw);
  return (
    <>
      <canvas ref={canvas} className="softmax-columns" role="img" aria-label={label} />
      <p className="chart-key">
        <span ref={trueKey} className="sym-outside key-swatch" aria-hidden="true" /> true word{' '}
        <span ref={restKey} className="sym-prob key-swatch" aria-hidden="true" /> other words, by
        frequency rank (most frequent on the left); full height = the largest ŷ,{' '}
        {formatProb(Math.max(...yHat))}; dashed: the uniform 1/W
      </p>
    </>
  );
}
