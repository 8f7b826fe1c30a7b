/**
 * d3-zoom on an SVG: d3 owns the zoom behaviour and writes the transform attribute of one layer
 * `<g>` (React renders that layer's children but never sets its transform), so the transform
 * lives in the DOM, not in React state.
 *
 * The view follows the data: when `followKey` changes (a new path) it frames `focus` again,
 * unless the user has zoomed or panned since the last reset; `resetKey` (a new tree) always
 * reframes.
 */
import { select } from 'd3-selection';
import { zoom, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { frameTransform, type ZoomTarget } from '../../viz/zoomFit';

export function useTreeZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layerRef: RefObject<SVGGElement | null>,
  targets: { focus: ZoomTarget; whole: ZoomTarget },
  followKey: unknown,
  resetKey: unknown,
) {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const latest = useRef(targets);
  const isUserView = useRef(false);
  useEffect(() => {
    latest.current = targets;
  });

  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer) return;
    const created = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.01, 12])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        layer.setAttribute('transform', event.transform.toString());
        if (event.sourceEvent) isUserView.current = true;
      });
    const selection = select(svg).call(created);
    behaviour.current = created;
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svgRef, layerRef]);

  const frame = useCallback(
    (which: 'focus' | 'whole') => {
      const svg = svgRef.current;
      if (!svg || !behaviour.current) return;
      const { width, height } = svg.getBoundingClientRect();
      isUserView.current = which === 'whole';
      select(svg).call(
        behaviour.current.transform,
        frameTransform(latest.current[which], width, height),
      );
    },
    [svgRef],
  );

  useEffect(() => {
    isUserView.current = false;
  }, [resetKey]);
  useEffect(() => {
    if (!isUserView.current) frame('focus');
  }, [frame, followKey, resetKey]);

  const zoomBy = useCallback(
    (factor: number) => {
      if (!svgRef.current || !behaviour.current) return;
      isUserView.current = true;
      select(svgRef.current).call(behaviour.current.scaleBy, factor);
    },
    [svgRef],
  );
  return { reset: () => frame('focus'), showWhole: () => frame('whole'), zoomBy };
}
