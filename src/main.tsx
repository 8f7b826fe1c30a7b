import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectTrainer, startFromUrl } from './state/actions';
import { App } from './ui/App';
import './ui/styles.css';

// The worker, its frame routing and the URL sync start once per page, outside React
// (StrictMode mounts components twice).
connectTrainer();
startFromUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
