import { useEffect, useState } from 'react';
import type { NeighborWord } from '../worker/protocol';

export interface WordTooltipProps {
  id: string;
  word: string;
  group: string | null;
  isPinned: boolean;
  /** Position of the pointer inside the map, CSS pixels. */
  x: number;
  y: number;
  /** Put the tooltip left of the pointer (near the right edge). */
  isFlipped: boolean;
  /** Looks up the word's nearest neighbours; omitted: the tooltip shows the word only. */
  neighborsFor?: (word: string) => Promise<NeighborWord[] | null>;
}

type Lookup = { word: string; neighbors: NeighborWord[] | null } | { word: string; failed: true };

const similarity = (value: number): string => value.toFixed(2).replace('-', '−');

/** The hovered word, its group and its nearest neighbours, beside the pointer. */
export function WordTooltip({
  id,
  word,
  group,
  isPinned,
  x,
  y,
  isFlipped,
  neighborsFor,
}: WordTooltipProps) {
  const [lookup, setLookup] = useState<Lookup | null>(null);

  useEffect(() => {
    if (!neighborsFor) return;
    let isCurrent = true;
    neighborsFor(word).then(
      (neighbors) => isCurrent && setLookup({ word, neighbors }),
      () => isCurrent && setLookup({ word, failed: true }),
    );
    return () => {
      isCurrent = false;
    };
  }, [word, neighborsFor]);

  const answer = lookup?.word === word ? lookup : null;
  let body: string | null = null;
  if (neighborsFor) {
    if (!answer) body = 'looking up its neighbours…';
    else if ('failed' in answer || !answer.neighbors) body = 'no neighbours available';
    else body = answer.neighbors.map((n) => `${n.word} (${similarity(n.similarity)})`).join(', ');
  }

  return (
    <div
      id={id}
      role="tooltip"
      className="word-tooltip"
      style={{
        left: x,
        top: y,
        transform: `translate(${isFlipped ? 'calc(-100% - 14px)' : '14px'}, 14px)`,
      }}
    >
      <strong>{word}</strong>
      {group && <span className="muted"> · {group}</span>}
      {isPinned && <span className="muted"> · pinned</span>}
      {body && (
        <div>
          <span className="muted">nearest: </span>
          {body}
        </div>
      )}
    </div>
  );
}
