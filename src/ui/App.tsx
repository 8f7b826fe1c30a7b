import { NeighborsPanel } from './NeighborsPanel';
import { TrainingPanel } from './TrainingPanel';

/** Page layout only; the panels read the stores themselves. */
export function App() {
  return (
    <>
      <header className="page-header">
        <h1>word2vec playground</h1>
        <p>
          Word vectors trained live in your browser. The model learns from which words appear near
          which, so words used in similar places end up with similar vectors.
        </p>
      </header>
      <main className="page-main">
        <TrainingPanel />
        <NeighborsPanel />
      </main>
      <footer className="page-footer">
        Training runs in a Web Worker on a small corpus that ships with the page; nothing is sent
        anywhere.
      </footer>
    </>
  );
}
