import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import {
  cellAt,
  divergingCss,
  finiteRange,
  heatmapLayout,
  paintMatrix,
  rowCentre,
  spreadLabels,
  symmetricMax,
  type HeatmapLayout,
} from '../../viz/heatmap';
import { useCanvasDraw } from './useCanvasDraw';

/** A row the example changes: outlined, and named in the gutter. */
export interface RowMark {
  row: number;
  className: string;
}

export interface MatrixHeatmapProps {
  /** Heading, e.g. "v: centre vectors". */
  title: string;
  /** Row-major rows×cols. */
  values: Float32Array;
  rows: number;
  cols: number;
  rowName: (row: number) => string;
  marks: readonly RowMark[];
}

const LABEL_WIDTH = 84;
const MAX_HEIGHT = 300;
const LABEL_GAP = 12;
const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : String(v));

/** The matrix's pixels, one per cell, on a canvas the size of the matrix (scaled when drawn). */
function usePixels(values: Float32Array, rows: number, cols: number, maxAbs: number) {
  return useMemo(() => {
    if (rows === 0 || cols === 0) return null;
    const image = new ImageData(cols, rows);
    paintMatrix(values, rows, cols, maxAbs, image.data);
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    canvas.getContext('2d')?.putImageData(image, 0, 0);
    return canvas;
  }, [values, rows, cols, maxAbs]);
}

/**
 * One weight matrix as a heatmap: a canvas (one cell per weight, colour symmetric around 0), an
 * SVG layer outlining the rows the example changes with their names in the gutter, and a
 * tooltip (word, dimension, value) for the cell under the pointer.
 */
export function MatrixHeatmap({ title, values, rows, cols, rowName, marks }: MatrixHeatmapProps) {
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ row: number; col: number; x: number; y: number } | null>(
    null,
  );
  const maxAbs = symmetricMax(values);
  const [min, max] = finiteRange(values);
  const pixels = usePixels(values, rows, cols, maxAbs);
  const layout: HeatmapLayout = heatmapLayout(rows, cols, {
    width,
    labelWidth: LABEL_WIDTH,
    maxHeight: MAX_HEIGHT,
  });

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      if (!pixels) return;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(pixels, layout.left, 0, layout.cellWidth * cols, layout.height);
    },
    [pixels, layout.left, layout.cellWidth, layout.height, cols],
  );
  useCanvasDraw(canvas, draw);

  const sorted = [...marks].sort((a, b) => a.row - b.row);
  const labelYs = spreadLabels(
    sorted.map((m) => rowCentre(layout, m.row)),
    LABEL_GAP,
    6,
    Math.max(layout.height - 6, 6),
  );
  const names = sorted.map((m) => rowName(m.row)).join(', ');
  const label = `${title}: ${rows} rows × ${cols} dimensions, values from ${fmt(min)} to ${fmt(max)}; rows this example changes: ${names || 'none'}.`;
  const onMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const cell = cellAt(layout, x, y);
    setHover((old) =>
      cell === null
        ? null
        : old && old.row === cell.row && old.col === cell.col
          ? old
          : { ...cell, x, y },
    );
  };

  return (
    <div className="heatmap">
      <p className="heatmap-title">
        <strong>{title}</strong> ({rows} × {cols}){' '}
        <span className="heatmap-legend" aria-hidden="true">
          {fmt(-maxAbs)}
          <span
            className="heatmap-ramp"
            style={{
              background: `linear-gradient(to right, ${[-1, -0.5, 0, 0.5, 1].map(divergingCss).join(', ')})`,
            }}
          />
          {fmt(maxAbs)}
        </span>
      </p>
      <div ref={stage} className="heatmap-stage" style={{ height: layout.height }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={label}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        />
        <svg className="heatmap-marks" aria-hidden="true">
          {sorted.map((mark, i) => {
            const top = mark.row * layout.cellHeight;
            const band = Math.max(layout.cellHeight, 3);
            const y = top + layout.cellHeight / 2 - band / 2;
            return (
              <g key={mark.row} className={mark.className}>
                <rect
                  className="heatmap-row"
                  x={layout.left - 0.5}
                  y={y - 0.5}
                  width={layout.cellWidth * cols + 1}
                  height={band + 1}
                />
                <line
                  className="heatmap-leader"
                  x1={LABEL_WIDTH - 14}
                  y1={labelYs[i]}
                  x2={layout.left}
                  y2={top + layout.cellHeight / 2}
                />
                <text
                  className="heatmap-row-label"
                  x={LABEL_WIDTH - 16}
                  y={labelYs[i]}
                  dy="0.35em"
                  textAnchor="end"
                >
                  {rowName(mark.row).slice(0, 11)}
                </text>
              </g>
            );
          })}
        </svg>
        {hover && (
          <div
            className="heatmap-tooltip"
            role="tooltip"
            style={{ left: Math.min(hover.x + 12, Math.max(width - 170, 0)), top: hover.y + 12 }}
          >
            {rowName(hover.row)}, dimension {hover.col}:{' '}
            {fmt(values[hover.row * cols + hover.col]!)}
          </div>
        )}
      </div>
    </div>
  );
}
