// A helper thread of a Hogwild team, started by the trainer worker (nested worker): one message,
// then its training loop until the trainer stops it (teamWorkers.ts, core/teamHelper.ts).
import { runHelperMessage, type HelperMessage } from './teamWorkers';

self.addEventListener(
  'message',
  (event: MessageEvent<HelperMessage>) => runHelperMessage(event.data, () => performance.now()),
  { once: true },
);
