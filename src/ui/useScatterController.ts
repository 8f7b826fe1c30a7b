/**
 * Creates the word map's controller for the elements a component rendered, and disposes it in
 * the cleanup (symmetric, so it survives StrictMode's double mount). Hover and clicks come back
 * as word indices; the latest callbacks are read through refs so the controller is made once.
 */
import { useEffect, useRef, type RefObject } from 'react';
import {
  createScatterController,
  type ScatterController,
  type ScatterSource,
} from '../viz/scatterController';

export interface ScatterRefs {
  canvas: RefObject<HTMLCanvasElement | null>;
  xAxis: RefObject<SVGGElement | null>;
  yAxis: RefObject<SVGGElement | null>;
  xTitle: RefObject<SVGTextElement | null>;
  yTitle: RefObject<SVGTextElement | null>;
  /** The visually hidden list of shown words (optional): gets each point's data-x / data-y. */
  list?: RefObject<HTMLUListElement | null>;
}

export interface ScatterHandlers {
  onHover(index: number, x: number, y: number): void;
  onClick(index: number): void;
}

export function useScatterController(
  refs: ScatterRefs,
  source: ScatterSource,
  handlers: ScatterHandlers,
): RefObject<ScatterController | null> {
  const controllerRef = useRef<ScatterController | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const controller = createScatterController(
      {
        canvas: refs.canvas.current!,
        xAxis: refs.xAxis.current!,
        yAxis: refs.yAxis.current!,
        xTitle: refs.xTitle.current!,
        yTitle: refs.yTitle.current!,
        list: refs.list?.current ?? null,
      },
      source,
      {
        onHover: (index, x, y) => handlersRef.current.onHover(index, x, y),
        onClick: (index) => handlersRef.current.onClick(index),
      },
    );
    controllerRef.current = controller;
    return () => {
      controller.dispose();
      controllerRef.current = null;
    };
  }, [refs, source]);

  return controllerRef;
}
