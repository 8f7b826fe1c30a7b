/**
 * The SVG marks of the Huffman tree (drawing units: pixels before zoom). The whole tree draws its
 * edges and inner nodes as one `<path>` each, so a 300-leaf tree costs a few hundred nodes (mostly
 * the leaf labels), not thousands.
 */
import { useMemo } from 'react';
import type { HuffmanTree } from '../../core/types';
import {
  childOf,
  innerIndex,
  positionOf,
  type PathItem,
  type TreeLayout,
} from '../../viz/huffmanLayout';
import type { ZoomTarget } from '../../viz/zoomFit';

/** Pixels per leaf slot (whole tree), per slot (path view), per level. */
export const LEAF_GAP = 16;
export const PATH_GAP = 110;
export const LEVEL_GAP = 46;
const LABEL_ROOM = 90;

const truncate = (word: string) => (word.length > 14 ? `${word.slice(0, 13)}…` : word);
const circle = (x: number, y: number, r: number) =>
  `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;

/** The highlighted path: thick edges with their codes, node markers, the leaf's label. */
function PathMarks({
  points,
  codes,
  word,
}: {
  points: [number, number][];
  codes: ArrayLike<number>;
  word: string;
}) {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('');
  const [leafX, leafY] = points[points.length - 1] ?? [0, 0];
  // The leaf's label goes on the side away from its incoming edge (and from its sibling).
  const side = codes[codes.length - 1] === 0 ? -1 : 1;
  return (
    <g className="tree-highlight">
      <path className="tree-path sym-node" d={d} />
      {points.slice(0, -1).map(([x, y], j) => {
        const [x2, y2] = points[j + 1]!;
        const side = codes[j] === 0 ? -1 : 1;
        return (
          <g key={j}>
            <circle className="tree-path-node sym-node" cx={x} cy={y} r={4.5} />
            <text
              className="tree-code"
              x={(x + x2) / 2 + side * 9}
              y={(y + y2) / 2}
              textAnchor="middle"
            >
              {codes[j]}
            </text>
          </g>
        );
      })}
      <rect
        className="tree-leaf-mark sym-outside"
        x={leafX - 5}
        y={leafY - 5}
        width={10}
        height={10}
      />
      <text
        className="tree-leaf-label sym-outside"
        x={leafX + side * 10}
        y={leafY + 4}
        dy="0.35em"
        textAnchor={side < 0 ? 'end' : 'start'}
      >
        {word}
      </text>
    </g>
  );
}

interface FullTreeProps {
  tree: HuffmanTree;
  layout: TreeLayout;
  path: { nodes: Int32Array; codes: Uint8Array } | null;
  target: number;
  wordOf: (w: number) => string;
}

/** Every node of a small tree, leaves labelled vertically under their slot. */
export function FullTree({ tree, layout, path, target, wordOf }: FullTreeProps) {
  const marks = useMemo(() => {
    let edges = '';
    let nodes = '';
    for (let n = 0; n < tree.leaves - 1; n++) {
      const [x, y] = positionOf(layout, -(n + 1));
      nodes += circle(x * LEAF_GAP, y * LEVEL_GAP, 2.5);
      for (const code of [0, 1]) {
        const [cx, cy] = positionOf(layout, childOf(tree, n, code));
        edges += `M${x * LEAF_GAP},${y * LEVEL_GAP}L${cx * LEAF_GAP},${cy * LEVEL_GAP}`;
      }
    }
    return { edges, nodes };
  }, [tree, layout]);
  const at = (ref: number): [number, number] => {
    const [x, y] = positionOf(layout, ref);
    return [x * LEAF_GAP, y * LEVEL_GAP];
  };
  return (
    <>
      <path className="tree-edges" d={marks.edges} />
      <path className="tree-nodes" d={marks.nodes} />
      {Array.from(layout.leafX, (x, w) => (
        <text
          key={w}
          className="tree-leaf"
          transform={`translate(${x * LEAF_GAP},${layout.leafDepth[w]! * LEVEL_GAP + 6}) rotate(90)`}
          dy="0.35em"
        >
          {truncate(wordOf(w))}
        </text>
      ))}
      {path && (
        <PathMarks
          points={[...Array.from(path.nodes, (n) => at(-(n + 1))), at(target)]}
          codes={path.codes}
          word={wordOf(target)}
        />
      )}
    </>
  );
}

/** Framing targets of the whole tree: all of it, and (with a word) the part around its path. */
export function fullTreeTargets(
  tree: HuffmanTree,
  layout: TreeLayout,
  path: { nodes: Int32Array } | null,
  target: number,
): { focus: ZoomTarget; whole: ZoomTarget } {
  const bottom = layout.depth * LEVEL_GAP + LABEL_ROOM;
  const whole = {
    bounds: { x0: -20, y0: -30, x1: Math.max(tree.leaves - 1, 0) * LEAF_GAP + 20, y1: bottom },
  };
  if (!path) return { focus: whole, whole };
  const xs = [
    ...Array.from(path.nodes, (n) => positionOf(layout, -(n + 1))[0]),
    layout.leafX[target]!,
  ];
  const [leafX, leafDepth] = positionOf(layout, target);
  const focus = {
    bounds: {
      x0: Math.min(...xs) * LEAF_GAP - 60,
      y0: -30,
      x1: Math.max(...xs) * LEAF_GAP + 60,
      y1: bottom,
    },
    anchor: [leafX * LEAF_GAP, leafDepth * LEVEL_GAP] as const,
    // Readable labels first: near the leaf at almost natural size; "Show all" gives the shape.
    minScale: 0.85,
  };
  return { focus, whole };
}

/** A large tree along one path: each folded branch is a leaf or a triangle with its leaf count. */
export function PathTree({
  items,
  wordOf,
}: {
  items: readonly PathItem[];
  wordOf: (w: number) => string;
}) {
  const at = (item: PathItem): [number, number] => [item.x * PATH_GAP, item.depth * LEVEL_GAP];
  const onPath = items.filter((item) => item.isOnPath);
  const leaf = onPath[onPath.length - 1];
  return (
    <>
      <circle className="tree-root" cx={0} cy={0} r={4} />
      {items.slice(1).map((item, i) => {
        const [x, y] = at(item);
        const [px, py] = at(items[item.parent]!);
        const side = item.code === 0 ? -1 : 1;
        const anchor = side < 0 ? 'end' : 'start';
        return (
          <g key={i} className={item.isOnPath ? 'tree-step' : 'tree-fold'}>
            <line className="tree-edge" x1={px} y1={py} x2={x} y2={y} />
            {!item.isOnPath && (
              <text
                className="tree-code"
                x={(x + px) / 2 + side * 9}
                y={(y + py) / 2}
                textAnchor="middle"
              >
                {item.code}
              </text>
            )}
            {!item.isOnPath && item.ref >= 0 && (
              <>
                <rect className="tree-leaf-box" x={x - 3.5} y={y - 3.5} width={7} height={7} />
                <text className="tree-leaf" x={x + side * 8} y={y} dy="0.35em" textAnchor={anchor}>
                  {truncate(wordOf(item.ref))}
                </text>
              </>
            )}
            {!item.isOnPath && item.ref < 0 && (
              <>
                <path
                  className="tree-triangle"
                  d={`M${x},${y}L${x - 14},${y + 24}L${x + 14},${y + 24}Z`}
                />
                <text className="tree-count" x={x + side * 18} y={y + 14} textAnchor={anchor}>
                  {item.leaves.toLocaleString('en')} words
                </text>
              </>
            )}
            {item.isOnPath && item.ref < 0 && (
              <text className="tree-node-label" x={x + side * 8} y={y - 6} textAnchor={anchor}>
                n{innerIndex(item.ref)}
              </text>
            )}
          </g>
        );
      })}
      {leaf && leaf.ref >= 0 && (
        <PathMarks
          points={onPath.map(at)}
          codes={onPath.slice(1).map((item) => item.code)}
          word={wordOf(leaf.ref)}
        />
      )}
    </>
  );
}

/** Framing target of the path view: the whole path, or its leaf end when that is too small. */
export function pathTreeTargets(items: readonly PathItem[]): {
  focus: ZoomTarget;
  whole: ZoomTarget;
} {
  const xs = items.map((item) => item.x * PATH_GAP);
  const depth = Math.max(0, ...items.map((item) => item.depth));
  const bounds = {
    x0: Math.min(0, ...xs) - LABEL_ROOM,
    y0: -30,
    x1: Math.max(0, ...xs) + LABEL_ROOM,
    y1: depth * LEVEL_GAP + 40,
  };
  const leaf = items.filter((item) => item.isOnPath).pop();
  const anchor = leaf ? ([leaf.x * PATH_GAP, leaf.depth * LEVEL_GAP] as const) : undefined;
  return { focus: { bounds, anchor, minScale: 0.6 }, whole: { bounds } };
}
