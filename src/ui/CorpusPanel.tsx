import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { loadBuiltin, loadText } from '../state/actions';
import { configStore } from '../state/configStore';
import { CORPORA } from '../state/registry';
import { runStore } from '../state/runStore';
import type { BuiltinCorpusId } from '../worker/protocol';
import { CorpusStats } from './CorpusStats';
import { openTextFile } from './openTextFile';

function CorpusSelect() {
  const id = useId();
  const corpus = useStore(configStore, (s) => s.corpus);
  const isLoading = useStore(runStore, (s) => s.isLoading);
  const customName = useStore(runStore, (s) => (s.corpus?.id === 'custom' ? s.corpus.name : null));
  const explain = CORPORA.find((c) => c.id === corpus)?.explain ?? 'A text of your own.';
  return (
    <div className="field select">
      <label htmlFor={id}>Corpus</label>
      <select
        id={id}
        value={corpus}
        disabled={isLoading}
        aria-describedby={`${id}-explain`}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (next !== 'custom') void loadBuiltin(next as BuiltinCorpusId);
        }}
      >
        {CORPORA.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
        <option value="custom" disabled={corpus !== 'custom'}>
          {customName ? `Your text: ${customName}` : 'Your own text'}
        </option>
      </select>
      <p id={`${id}-explain`} className="explain">
        {explain}
      </p>
    </div>
  );
}

function OwnText() {
  const fileId = useId();
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const isLoading = useStore(runStore, (s) => s.isLoading);
  return (
    <>
      <div className="field">
        <label htmlFor={fileId}>Open a text file</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          aria-describedby={`${fileId}-explain`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void openTextFile(file);
            e.currentTarget.value = '';
          }}
        />
        <p id={`${fileId}-explain`} className="explain">
          Any plain .txt file, or CS224n’s datasetSentences.txt (recognised by its format). You can
          also drop a file anywhere on the page. It stays on your computer.
        </p>
      </div>
      <div className="field">
        <label htmlFor={pasteId}>Paste text</label>
        <textarea
          id={pasteId}
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          aria-describedby={`${pasteId}-explain`}
        />
        <p id={`${pasteId}-explain`} className="explain">
          A few paragraphs are enough to see something; more text gives better vectors.
        </p>
        <button
          type="button"
          disabled={isLoading || pasted.trim() === ''}
          onClick={() => void loadText('your pasted text', pasted)}
        >
          Train on pasted text
        </button>
      </div>
    </>
  );
}

/** Which text the model learns from: a built-in corpus, a file, or pasted text; and its numbers. */
export function CorpusPanel() {
  return (
    <section className="panel corpus" aria-labelledby="corpus-heading">
      <h2 id="corpus-heading">Text to learn from</h2>
      <CorpusSelect />
      <CorpusStats />
      <OwnText />
    </section>
  );
}
