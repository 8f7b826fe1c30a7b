import { useStore } from 'zustand';
import { runStore } from '../state/runStore';
import type { NearestResult } from '../worker/protocol';
import { neighborsNotice } from './format';

const similarity = (value: number): string => value.toFixed(3).replace('-', '−');

function NeighborText({ result }: { result: NearestResult | undefined }) {
  if (!result) return <span className="muted">waiting for the model…</span>;
  if (!result.neighbors) return <span className="muted">not in the vocabulary</span>;
  return <>{result.neighbors.map((n) => `${n.word} (${similarity(n.similarity)})`).join(', ')}</>;
}

/** The nearest words to a few query words, refreshed while the model trains. */
export function NeighborsPanel() {
  const queryWords = useStore(runStore, (s) => s.queryWords);
  const neighbors = useStore(runStore, (s) => s.neighbors);
  const notice = useStore(runStore, (s) => neighborsNotice(s.status));

  return (
    <section className="panel" aria-labelledby="neighbors-heading">
      <h2 id="neighbors-heading">Nearest neighbours</h2>
      <p className="hint">
        The closest words by cosine similarity of their centre vectors. At first the vectors are
        random and the lists are noise. Soon every vector drifts in one shared direction, so all
        similarities come close to 1; then the word groups pull apart and related words move in.
      </p>
      {notice ? (
        <p className="neighbors-notice">{notice}</p>
      ) : (
        <ul className="neighbors" aria-label="Nearest neighbours of the query words">
          {queryWords.map((word) => (
            <li key={word}>
              <span className="query">{word}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">: </span>
              <NeighborText result={neighbors.find((r) => r.word === word)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
