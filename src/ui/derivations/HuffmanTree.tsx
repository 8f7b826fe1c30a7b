import { useMemo, useRef, type ReactNode } from 'react';
import type { HuffmanTree as Tree } from '../../core/types';
import {
  MAX_FULL_LEAVES,
  layoutPath,
  layoutTree,
  pathTo,
  type PathItem,
} from '../../viz/huffmanLayout';
import type { ZoomTarget } from '../../viz/zoomFit';
import { FullTree, PathTree, fullTreeTargets, pathTreeTargets } from './HuffmanDrawings';
import { PairSelect } from './PairSelect';
import { useExampleFrame, useInspectContext, usePairIndex, wordLookup } from './useExample';
import { useTreeZoom } from './useTreeZoom';
import './charts-derivations.css';

/** The spoken summary of what the drawing shows. */
function describeTree(
  tree: Tree,
  target: number | null,
  wordOf: (w: number) => string,
  folded: PathItem[] | null,
) {
  const head = `Huffman tree of ${tree.leaves} words`;
  if (target === null) return `${head}; no example yet, so no path is highlighted.`;
  const { nodes, codes } = pathTo(tree, target);
  const path = `path of ${wordOf(target)}: code ${codes.join('') || '(empty)'} through inner nodes ${Array.from(nodes).join(', ')}`;
  if (!folded) return `${head}, drawn whole; ${path}.`;
  const counts = folded.filter((item) => !item.isOnPath).map((item) => item.leaves);
  return `${head}, drawn along one path; ${path}; the branches beside it hold ${counts.join(', ')} words.`;
}

interface TreeViewProps {
  targets: { focus: ZoomTarget; whole: ZoomTarget };
  /** A new path: the view follows it unless the user moved it. */
  followKey: unknown;
  /** A new tree: the view is reframed. */
  resetKey: unknown;
  label: string;
  children: ReactNode;
}

/** The zoomable SVG (d3-zoom: drag to pan, wheel to zoom) with keyboard-usable buttons. */
function TreeView({ targets, followKey, resetKey, label, children }: TreeViewProps) {
  const svg = useRef<SVGSVGElement>(null);
  const layer = useRef<SVGGElement>(null);
  const { reset, showWhole, zoomBy } = useTreeZoom(svg, layer, targets, followKey, resetKey);
  return (
    <>
      <div className="tree-tools" role="group" aria-label="Tree view">
        <button type="button" className="small" onClick={() => zoomBy(1.5)}>
          Zoom in
        </button>
        <button type="button" className="small" onClick={() => zoomBy(1 / 1.5)}>
          Zoom out
        </button>
        <button type="button" className="small" onClick={reset}>
          Reset view
        </button>
        <button type="button" className="small" onClick={showWhole}>
          Show all
        </button>
      </div>
      <svg ref={svg} className="huffman-tree" role="img" aria-label={label}>
        <g ref={layer}>{children}</g>
      </svg>
    </>
  );
}

/**
 * The Huffman tree of the vocabulary (hierarchical softmax) with the current target word's path:
 * its codes on the edges and its leaf labelled. Up to MAX_FULL_LEAVES words the whole tree is
 * drawn; above, only the path, with the branches beside it folded into triangles.
 */
export interface HuffmanTreeProps {
  /**
   * Show this chart's own "Pair" selector (default). The choice is shared by every pair selector,
   * so a panel that already has one can hide this one.
   */
  showPairSelect?: boolean;
}

export function HuffmanTree({ showPairSelect = true }: HuffmanTreeProps) {
  const context = useInspectContext();
  const frame = useExampleFrame();
  const tree = context?.tree ?? null;
  const pairs = frame?.trace.pairs ?? [];
  const [index, setIndex] = usePairIndex(pairs.length);
  const pair = pairs[index];
  const target = pair && pair.scoring.kind === 'hs' ? pair.target : null;
  const wordOf = wordLookup(context);
  const isWhole = tree !== null && tree.leaves <= MAX_FULL_LEAVES;
  const layout = useMemo(() => (tree && isWhole ? layoutTree(tree) : null), [tree, isWhole]);
  const folded = useMemo(
    () => (tree && !isWhole ? layoutPath(tree, target) : null),
    [tree, isWhole, target],
  );
  const path = useMemo(
    () => (tree && target !== null ? pathTo(tree, target) : null),
    [tree, target],
  );

  if (!context || !tree || tree.leaves < 2) {
    return (
      <figure className="derivation-chart" aria-label="Huffman tree">
        <p className="chart-empty">
          {context && !tree
            ? 'The Huffman tree exists only with hierarchical softmax.'
            : 'No tree yet: it is built with the vocabulary when a model is created.'}
        </p>
      </figure>
    );
  }
  const label = describeTree(tree, target, wordOf, folded);
  return (
    <figure className="derivation-chart" aria-label="Huffman tree">
      {frame && showPairSelect && (
        <PairSelect trace={frame.trace} index={index} onChange={setIndex} wordOf={wordOf} />
      )}
      {layout ? (
        <TreeView
          targets={fullTreeTargets(tree, layout, path, target ?? 0)}
          followKey={target}
          resetKey={tree}
          label={label}
        >
          <FullTree tree={tree} layout={layout} path={path} target={target ?? 0} wordOf={wordOf} />
        </TreeView>
      ) : (
        <TreeView
          targets={pathTreeTargets(folded ?? [])}
          followKey={target}
          resetKey={tree}
          label={label}
        >
          <PathTree items={folded ?? []} wordOf={wordOf} />
        </TreeView>
      )}
      <figcaption className="chart-caption">
        {target !== null && path ? (
          <>
            <span className="sym-outside">{wordOf(target)}</span>: code {path.codes.join('')} (
            {path.codes.length} steps), p(w | h) = product of one σ per{' '}
            <span className="sym-node">inner node</span> on the path.
          </>
        ) : (
          'The path of the next example’s target word is highlighted once an example arrives.'
        )}{' '}
        {isWhole
          ? `All ${tree.leaves} words; frequent words sit near the root (short codes).`
          : `${tree.leaves.toLocaleString('en')} words are too many to draw: the path is shown, each branch beside it folded with its number of words.`}{' '}
        Drag to pan, scroll or use the buttons to zoom.
      </figcaption>
    </figure>
  );
}
