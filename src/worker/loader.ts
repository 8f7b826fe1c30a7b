/**
 * Corpus loads for `init`, one at a time: a newer `init` makes an older load give up at its next
 * break, and a long load reports how far it got about every 50 ms, letting messages through.
 */
import { loadCorpus, sourceName, type LoadedCorpus } from './corpora';
import type { AssetCorpusId } from './corpusAssets';
import type { InitRequest } from './protocol';

/** Time between progress reports (and event-loop breaks) while reading a large text. */
const PROGRESS_MS = 50;

export interface LoaderDeps {
  now: () => number;
  fetchText: (id: AssetCorpusId) => Promise<string>;
  breathe: () => Promise<void>;
  /** Shows progress ("reading Moby Dick: 40%"). */
  report: (text: string) => void;
}

export function createLoader(deps: LoaderDeps) {
  let latest = 0;
  return {
    /** Starts a load; earlier ones are superseded. The token identifies it. */
    begin: (): number => ++latest,
    isLatest: (token: number): boolean => token === latest,
    /** Reads the corpus of `request` (throws on bad input); null if a newer load took over. */
    async load(request: InitRequest, token: number): Promise<LoadedCorpus | null> {
      let lastBreak = deps.now();
      const progress = async (fraction: number): Promise<void> => {
        if (token !== latest) throw new Error('superseded');
        if (deps.now() - lastBreak < PROGRESS_MS) return;
        deps.report(`reading ${sourceName(request.corpus)}: ${Math.floor(fraction * 100)}%`);
        await deps.breathe();
        lastBreak = deps.now();
      };
      const options = { minCount: request.minCount, maxVocab: request.maxVocab };
      const next = await loadCorpus(request.corpus, options, {
        fetchText: deps.fetchText,
        progress,
      });
      return token === latest ? next : null;
    },
  };
}
