import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { neighborsOf } from '../state/actions';
import { configStore } from '../state/configStore';
import { runStore } from '../state/runStore';
import { ControlsPanel } from './ControlsPanel';
import { CorpusPanel } from './CorpusPanel';
import { LossChart } from './LossChart';
import { NeighborsPanel } from './NeighborsPanel';
import { PresetBar } from './PresetBar';
import { ScatterPlot } from './ScatterPlot';
import { ShareBar } from './ShareBar';
import { TrainingPanel } from './TrainingPanel';
import { useFileDrop } from './useFileDrop';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { ViewControls } from './ViewControls';
import './controls.css';

// The derivations (KaTeX, the charts) load after the map: the first picture does not wait for them.
const DerivationsSection = lazy(() =>
  import('./derivations/DerivationsSection').then((m) => ({ default: m.DerivationsSection })),
);

/**
 * Page layout only; the panels read the stores themselves. The word map is the big central
 * element: settings on the left, the loss, neighbours and corpus on the right (below the map on
 * a laptop). A classroom link may hide whole panels.
 */
export function App() {
  const hidden = useStore(configStore, (s) => s.hidden);
  const shown = useStore(runStore, (s) => s.view.shown);
  const background = useStore(runStore, (s) => s.view.background);
  const missing = useStore(runStore, (s) => s.view.missing);
  const viewVersion = useStore(runStore, (s) => s.viewVersion);
  const isDragging = useFileDrop();
  useKeyboardShortcuts();
  const isShown = (id: string): boolean => !hidden.includes(id);

  return (
    <div className={`app${isDragging ? ' is-dragging' : ''}`}>
      <header className="page-header">
        <div className="title">
          <h1>word2vec playground</h1>
          <p>
            Word vectors trained live in your browser: words used in similar places end up close
            together on the map.
          </p>
        </div>
        <div className="header-tools">
          {isShown('presets') && <PresetBar />}
          <ShareBar />
        </div>
      </header>
      <main className="page-main">
        <div className="col-controls">
          <ControlsPanel />
        </div>
        <div className="col-center">
          <TrainingPanel />
          <section className="panel map" aria-labelledby="map-heading">
            <h2 id="map-heading">Map of the shown words</h2>
            <ScatterPlot
              words={shown}
              background={background}
              viewVersion={viewVersion}
              neighborsFor={neighborsOf}
              // The view controls report missing words next to the word box; without them, the map does.
              missing={isShown('view') ? [] : missing}
            />
            {isShown('view') && <ViewControls />}
          </section>
        </div>
        <div className="col-side">
          <section className="panel" aria-labelledby="loss-heading">
            <h2 id="loss-heading">Loss over training</h2>
            <LossChart />
          </section>
          <NeighborsPanel />
          {isShown('corpus') && <CorpusPanel />}
        </div>
      </main>
      <Suspense fallback={<p className="derivations-loading">Loading the derivations…</p>}>
        <DerivationsSection />
      </Suspense>
      <footer className="page-footer">
        Training runs in a Web Worker in this tab; your texts never leave your computer.
      </footer>
      {isDragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .txt file to train on it
        </div>
      )}
    </div>
  );
}
