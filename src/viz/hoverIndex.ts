/**
 * Which point is under the pointer: a d3-quadtree over the points' screen positions. Building it
 * costs O(n log n), so the scatter builds it lazily, on the first pointer move after the points
 * moved or the view changed, and reuses it for every move until then (STYLE rule 14).
 */
import { quadtree, type Quadtree } from 'd3-quadtree';

export interface HoverIndex {
  /** Index of the point nearest (px, py) within `radius` pixels, or −1. */
  find(px: number, py: number, radius: number): number;
}

/**
 * An index over the first `count` points of interleaved screen coordinates `xy` (x at 2i, y at
 * 2i+1). Points with a non-finite coordinate are left out. `xy` is read during the build only.
 */
export function buildHoverIndex(xy: Float32Array, count: number): HoverIndex {
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    xs[i] = xy[2 * i]!;
    ys[i] = xy[2 * i + 1]!;
    if (Number.isFinite(xs[i]!) && Number.isFinite(ys[i]!)) ids.push(i);
  }
  const tree: Quadtree<number> = quadtree<number>()
    .x((i) => xs[i]!)
    .y((i) => ys[i]!)
    .addAll(ids);
  return {
    find(px, py, radius) {
      const hit = tree.find(px, py, radius);
      return hit === undefined ? -1 : hit;
    },
  };
}

/** Holds an index and rebuilds it only when it was invalidated since the last query. */
export interface LazyHoverIndex {
  invalidate(): void;
  find(px: number, py: number, radius: number): number;
}

/** `readPositions` returns the current screen positions and their count when a build is due. */
export function createLazyHoverIndex(
  readPositions: () => { xy: Float32Array; count: number },
): LazyHoverIndex {
  let index: HoverIndex | null = null;
  return {
    invalidate() {
      index = null;
    },
    find(px, py, radius) {
      if (!index) {
        const { xy, count } = readPositions();
        index = buildHoverIndex(xy, count);
      }
      return index.find(px, py, radius);
    },
  };
}
