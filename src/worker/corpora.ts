/**
 * Resolves a `CorpusSource` to a tokenised corpus. The built-in corpora are bundled with the
 * worker, so the app never fetches training text from the network.
 */
import { corpusFromText, corpusStats } from '../core/corpus';
import { TEACHING_CORPUS } from '../core/corpora/teaching';
import type { Corpus } from '../core/types';
import type { BuiltinCorpusId, CorpusInfo, CorpusSource } from './protocol';

interface BuiltinCorpus {
  name: string;
  text: string;
  minCount: number;
}

/** The corpora that ship with the app, by id. */
const BUILTIN_CORPORA: Record<BuiltinCorpusId, BuiltinCorpus> = {
  // Written for this app: every word matters, so nothing is cut by count.
  teaching: { name: 'the teaching corpus', text: TEACHING_CORPUS, minCount: 1 },
};

/** A loaded corpus and its summary. */
export interface LoadedCorpus {
  corpus: Corpus;
  info: CorpusInfo;
}

/**
 * Tokenises the source (see `corpusFromText`). `minCount` overrides the corpus's own default
 * (1 for the built-in corpora, 1 for pasted text). Throws if the vocabulary comes out empty.
 */
export function loadCorpus(source: CorpusSource, minCount?: number): LoadedCorpus {
  const {
    name,
    text,
    minCount: ownMinCount,
  } = source.kind === 'builtin'
    ? BUILTIN_CORPORA[source.id]
    : { name: source.name, text: source.text, minCount: 1 };
  const corpus = corpusFromText(text, { minCount: minCount ?? ownMinCount });
  if (corpus.vocab.words.length < 2) {
    throw new Error(`${name} has fewer than two distinct words to train on`);
  }
  const stats = corpusStats(corpus, 10);
  return {
    corpus,
    info: {
      name,
      tokens: stats.tokens,
      vocabSize: stats.vocabSize,
      sentences: stats.sentences,
      topWords: stats.topWords,
    },
  };
}
