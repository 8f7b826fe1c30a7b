import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { setView } from '../state/actions';
import { configStore } from '../state/configStore';
import { parseWordList } from '../state/urlSchema';
import { runStore } from '../state/runStore';
import type { ViewRequest } from '../worker/protocol';

/** Typing pauses this long before the word list is applied (Enter applies at once). */
const TYPING_DELAY_MS = 600;

const VECTOR_CHOICES: { id: ViewRequest['vectors']; label: string }[] = [
  { id: 'center', label: 'centre vectors v (as CS224n plots)' },
  { id: 'outside', label: 'outside vectors u' },
  { id: 'concat', label: 'both, side by side [v; u]' },
];

function WordsField() {
  const id = useId();
  const words = useStore(configStore, (s) => s.view.words);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? words.join(', ');
  const apply = (value: string): void => {
    setDraft(null);
    void setView({ words: parseWordList(value) });
  };
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => apply(draft), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  return (
    <div className="field words">
      <label htmlFor={id}>Words shown</label>
      <input
        id={id}
        type="text"
        value={text}
        spellCheck={false}
        aria-describedby={`${id}-explain`}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(e.currentTarget.value);
        }}
        onBlur={(e) => draft !== null && apply(e.currentTarget.value)}
      />
      <p id={`${id}-explain`} className="explain">
        The words to place on the map, separated by commas.
      </p>
    </div>
  );
}

function TopField() {
  const id = useId();
  const top = useStore(configStore, (s) => s.view.top);
  const [error, setError] = useState<string | null>(null);
  const onChange = (raw: string): void => {
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 1000) {
      setError('Top words must be a whole number from 0 to 1000.');
      return;
    }
    setError(null);
    void setView({ top: value });
  };
  return (
    <div className="field top">
      <label htmlFor={id}>Top words</label>
      <input
        id={id}
        type="number"
        min={0}
        max={1000}
        defaultValue={top}
        key={top}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-explain${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <p id={`${id}-explain`} className="explain">
        Also show this many of the most frequent words (0 for none).
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function VectorsSelect() {
  const id = useId();
  const vectors = useStore(configStore, (s) => s.view.vectors);
  return (
    <div className="field select">
      <label htmlFor={id}>Vectors shown</label>
      <select
        id={id}
        value={vectors}
        aria-describedby={`${id}-explain`}
        onChange={(e) => void setView({ vectors: e.currentTarget.value as ViewRequest['vectors'] })}
      >
        {VECTOR_CHOICES.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <p id={`${id}-explain`} className="explain">
        Every word has two vectors: one used when it is the centre, one when it is a neighbour.
      </p>
    </div>
  );
}

/** Which words the map shows and which of their vectors; reports words the corpus lacks. */
export function ViewControls() {
  const missing = useStore(runStore, (s) => s.view.missing);
  const note = useStore(runStore, (s) => s.view.note);
  return (
    <div className="view-controls" role="group" aria-label="What the map shows">
      <WordsField />
      <TopField />
      <VectorsSelect />
      {missing.length > 0 && <p className="missing">Not in the vocabulary: {missing.join(', ')}</p>}
      {note && <p className="hint">{note}</p>}
    </div>
  );
}
