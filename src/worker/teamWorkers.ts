/**
 * The helper threads of a Hogwild team (core/team.ts) as workers: thread 0 (the trainer worker,
 * or the Node bench) sends each helper one message — its setup, the shared memory's handle and
 * the corpus — and the helper runs its loop until stopped (core/teamHelper.ts). How a worker is
 * made is injected (`SpawnHelper`): a nested module worker in the browser, a worker_threads
 * Worker in Node.
 */
import type { Corpus } from '../core/types';
import { SHARED_TS_KERNEL, type HelperSetup, type TeamEngine } from '../core/teamEngine';
import { runHelper } from '../core/teamHelper';
import { createSharedWasmBackend } from './wasmKernel';

/** The one message a helper worker receives. */
export interface HelperMessage {
  setup: HelperSetup;
  /** Which kernel the team runs on, and the memory's handle (see SharedKernelBackend). */
  kernel: string;
  handle: unknown;
  /** What a helper reads of the corpus (the words themselves stay with thread 0). */
  corpus: Corpus;
}

/** A started helper worker. */
export interface HelperThread {
  terminate(): void;
}

/** Starts a worker that passes `message` to `runHelperMessage`. */
export type SpawnHelper = (message: HelperMessage) => HelperThread;

/** The corpus without its word list: tokens, sentences and counts are all a helper needs. */
function helperCorpus(corpus: Corpus): Corpus {
  const { counts, totalCount } = corpus.vocab;
  return {
    vocab: { words: [], counts, index: new Map(), totalCount },
    tokens: corpus.tokens,
    sentenceStarts: corpus.sentenceStarts,
  };
}

/** In a helper worker: attaches the memory and trains until thread 0 says stop. */
export function runHelperMessage(message: HelperMessage, now: () => number): void {
  const { handle, setup } = message;
  const backend =
    message.kernel === 'wasm'
      ? createSharedWasmBackend((handle as { module: WebAssembly.Module }).module)
      : SHARED_TS_KERNEL;
  runHelper(setup, message.corpus, backend.attach(handle), now);
}

/** A team's helpers, running. */
export interface HelperPool {
  readonly threads: number;
  /** Stops the helpers' loops and ends their workers. */
  dispose(): void;
}

/** Spawns one worker per helper of `engine`'s team (they start parked). */
export function startHelpers(engine: TeamEngine, spawn: SpawnHelper): HelperPool {
  const { team } = engine;
  const corpus = helperCorpus(engine.corpus);
  const workers = team.helpers.map((setup) =>
    spawn({ setup, kernel: team.kernel, handle: team.handle, corpus }),
  );
  return {
    threads: team.threads,
    dispose() {
      team.stop();
      for (const w of workers) w.terminate();
    },
  };
}
