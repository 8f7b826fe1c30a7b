import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectTrainer, startTeachingRun } from './state/actions';
import { App } from './ui/App';
import './ui/styles.css';

// The worker and its frame routing start once per page, outside React (StrictMode mounts twice).
connectTrainer();
void startTeachingRun();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
