/**
 * Helper threads of a Hogwild team in Node: each a worker_threads Worker running teamThread.ts
 * (through tsx's loader, which a worker does not inherit by itself), sharing thread 0's
 * WebAssembly.Memory or SharedArrayBuffer. Node needs no cross-origin isolation.
 */
import { Worker } from 'node:worker_threads';
import { createEngine } from '../src/core/engine';
import type { KernelBackend } from '../src/core/kernel';
import { readTotals } from '../src/core/team';
import { createTeamEngine, SHARED_TS_KERNEL } from '../src/core/teamEngine';
import type { Corpus, Engine, TrainConfig } from '../src/core/types';
import type { TeamOptions } from '../src/worker/run';
import { startHelpers, type SpawnHelper } from '../src/worker/teamWorkers';
import { sharedWasmBackend } from './wasmModule';

const ENTRY = new URL('./teamThread.ts', import.meta.url);

/** Starts a helper in a worker thread. */
export const nodeSpawner: SpawnHelper = (message) => {
  const worker = new Worker(
    `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(ENTRY.href)});`,
    { eval: true, name: `helper ${message.setup.thread}` },
  );
  worker.postMessage(message);
  worker.on('error', (error) => console.error(`helper ${message.setup.thread}:`, error));
  return { terminate: () => void worker.terminate() };
};

/**
 * The engine a benchmark measures: the plain one (threads = 1), or thread 0 of a Hogwild team
 * whose helpers run in worker threads, let go at once; `stop` ends them, `threadWords` tells
 * how many words each thread has read.
 */
export function benchEngine(
  corpus: Corpus,
  config: TrainConfig,
  kernel: KernelBackend,
  threads: number,
): { engine: Engine; stop: () => void; threadWords: () => number[] } {
  if (threads === 1) {
    const engine = createEngine(corpus, config, { kernel });
    return { engine, stop: () => {}, threadWords: () => [engine.progress().wordsProcessed] };
  }
  const shared = kernel.id === 'ts' ? SHARED_TS_KERNEL : sharedWasmBackend();
  const engine = createTeamEngine(corpus, config, { kernel: shared, threads });
  const pool = startHelpers(engine, nodeSpawner);
  engine.team.run();
  const threadWords = () =>
    Array.from({ length: threads }, (_, t) => readTotals(engine.team.control, t).words);
  return { engine, stop: () => pool.dispose(), threadWords };
}

/** A team of `threads` on the shared WebAssembly kernel with Node helpers (none for 1). */
export function nodeTeam(threads: number): TeamOptions | undefined {
  return threads > 1 ? { threads, backend: sharedWasmBackend(), spawn: nodeSpawner } : undefined;
}

/** The thread count a "Throughput" readout states ("1.02M words/s on 2 threads"), else NaN. */
export function threadsOf(readout: string): number {
  return Number(/on (\d+) threads?/.exec(readout)?.[1] ?? Number.NaN);
}
