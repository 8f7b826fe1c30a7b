/**
 * A helper thread of a Hogwild team in Node (worker_threads): receives its one message and runs
 * the helper loop until thread 0 stops it (src/worker/teamWorkers.ts). Started by
 * `nodeSpawner` (teamNode.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runHelperMessage, type HelperMessage } from '../src/worker/teamWorkers';

parentPort!.once('message', (message: HelperMessage) => {
  runHelperMessage(message, () => performance.now());
});
