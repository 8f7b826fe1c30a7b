import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { setView } from '../state/actions';
import { configStore } from '../state/configStore';
import { parseWordList, VIEW_COUNTS, viewCountProblem } from '../state/urlSchema';
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

/** What each count field says under its box. */
const COUNT_EXPLAIN: Record<keyof typeof VIEW_COUNTS, string> = {
  top: 'Also show this many of the most frequent words (0 for none).',
  background:
    'Also draw this many of the next most frequent words as small grey dots without labels (point at one to name it); 0 for none.',
};

/** A whole-number view setting (top words, background points), checked before it is applied. */
function CountField({ name }: { name: keyof typeof VIEW_COUNTS }) {
  const id = useId();
  const value = useStore(configStore, (s) => s.view[name] ?? 0);
  const [error, setError] = useState<string | null>(null);
  const { label, max } = VIEW_COUNTS[name];
  const onChange = (raw: string): void => {
    const next = raw.trim() === '' ? Number.NaN : Number(raw);
    const problem = viewCountProblem(name, next);
    setError(problem);
    if (!problem) void setView({ [name]: next });
  };
  return (
    <div className={`field ${name}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={max}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-explain${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <p id={`${id}-explain`} className="explain">
        {COUNT_EXPLAIN[name]}
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
      <CountField name="top" />
      <CountField name="background" />
      <VectorsSelect />
      {missing.length > 0 && <p className="missing">Not in the vocabulary: {missing.join(', ')}</p>}
      {note && <p className="hint">{note}</p>}
    </div>
  );
}
