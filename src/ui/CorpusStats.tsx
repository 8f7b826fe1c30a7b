import { useStore } from 'zustand';
import { runStore } from '../state/runStore';
import { formatCount } from './format';

/** Tokens, vocabulary, sentences and the most frequent words of the loaded corpus. */
export function CorpusStats() {
  const info = useStore(runStore, (s) => s.corpus);
  if (!info) return <p className="hint">No corpus loaded yet.</p>;
  return (
    <div className="corpus-stats">
      <dl className="stats" aria-label="Corpus statistics">
        <div>
          <dt>Words in the text</dt>
          <dd>{formatCount(info.words)}</dd>
        </div>
        <div>
          <dt>Tokens kept</dt>
          <dd>{formatCount(info.tokens)}</dd>
        </div>
        <div>
          <dt>Vocabulary</dt>
          <dd>{formatCount(info.vocabSize)}</dd>
        </div>
        <div>
          <dt>Sentences</dt>
          <dd>{formatCount(info.sentences)}</dd>
        </div>
      </dl>
      <p className="top-words">
        <span className="muted">Most frequent: </span>
        {info.topWords.map((w) => `${w.word} (${formatCount(w.count)})`).join(', ')}
      </p>
      {info.kernelNote && <p className="hint">{info.kernelNote}</p>}
      {info.format === 'sst' && (
        <p className="hint">Recognised CS224n’s datasetSentences.txt (one sentence per line).</p>
      )}
    </div>
  );
}
