import { useEffect, useId, useRef, useState } from 'react';
import { liveFrame } from '../state/liveFrame';
import {
  createLossChartController,
  type LossChartController,
  type LossChartSource,
} from '../viz/lossChartController';
import { LR_COLOR, RAW_COLOR, SMOOTH_COLOR } from '../viz/lossChartRenderer';
import './charts.css';

export interface LossChartProps {
  /** The loss history to draw (default: `liveFrame`). */
  source?: LossChartSource;
}

/** A short line in a series' colour and dash, for the key. */
function Swatch({ color, isDashed, width }: { color: string; isDashed?: boolean; width: number }) {
  return (
    <svg width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={isDashed ? '5 4' : undefined}
      />
    </svg>
  );
}

/**
 * The loss over training: each raw loss point (light), their moving average (dark) and the
 * learning rate (dashed, right axis). Drawn by the loss-chart renderer in the shared animation
 * loop; the read-out under it follows the pointer (the latest point otherwise).
 */
export function LossChart({ source = liveFrame }: LossChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const lossAxis = useRef<SVGGElement>(null);
  const lrAxis = useRef<SVGGElement>(null);
  const xTitle = useRef<SVGTextElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const controller = useRef<LossChartController | null>(null);
  const [isLog, setIsLog] = useState(false);
  const logId = useId();

  useEffect(() => {
    const created = createLossChartController(
      {
        canvas: canvas.current!,
        xAxis: xAxis.current!,
        lossAxis: lossAxis.current!,
        lrAxis: lrAxis.current!,
        xTitle: xTitle.current!,
        readout: readout.current!,
      },
      source,
    );
    controller.current = created;
    return () => {
      created.dispose();
      controller.current = null;
    };
  }, [source]);

  useEffect(() => controller.current?.setLogScale(isLog), [isLog, source]);

  return (
    <figure className="chart loss-chart" aria-label="Loss chart">
      <div className="chart-stage loss-stage">
        <canvas ref={canvas} role="img" aria-label="Loss and learning rate during training" />
        <svg className="chart-axes">
          <g ref={xAxis} aria-hidden="true" />
          <g ref={lossAxis} aria-hidden="true" />
          <g ref={lrAxis} aria-hidden="true" />
          <text ref={xTitle} className="axis-title" textAnchor="middle" />
          <text className="axis-title" x="6" y="12">
            loss
          </text>
          <text className="axis-title" x="100%" y="12" dx="-6" textAnchor="end">
            learning rate
          </text>
        </svg>
      </div>
      <figcaption className="chart-caption">
        <ul className="series-key" aria-label="Series">
          <li>
            <Swatch color={RAW_COLOR} width={1.5} /> loss per point
          </li>
          <li>
            <Swatch color={SMOOTH_COLOR} width={2.5} /> moving average
          </li>
          <li>
            <Swatch color={LR_COLOR} width={1.5} isDashed /> learning rate
          </li>
          <li>
            <input
              id={logId}
              type="checkbox"
              checked={isLog}
              onChange={(e) => setIsLog(e.target.checked)}
            />{' '}
            <label htmlFor={logId}>Log scale</label>
          </li>
        </ul>
        <p ref={readout} className="loss-readout" />
      </figcaption>
    </figure>
  );
}
