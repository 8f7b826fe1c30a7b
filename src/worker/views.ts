/**
 * Which words the scatter shows: each corpus's default list with its word groups, and the
 * resolution of a `ViewRequest` against a vocabulary (requested words first, in request order,
 * then the most frequent others; missing words reported, never dropped silently).
 */
import { TEACHING_GROUPS } from '../core/corpora/teaching';
import type { Vocab } from '../core/types';
import type { BuiltinCorpusId, ShownWord, VectorChoice, ViewRequest, ViewResult } from './protocol';

/** Which default list and group table a corpus uses. */
export type ViewKey = BuiltinCorpusId | 'sst' | 'custom';

/** Word groups, by group name, in display order. */
type Groups = Record<string, string[]>;

/** CS224n's 24 plot words (MATH.md §10), grouped by what the assignment hopes to see. */
const SST_GROUPS: Groups = {
  positive: [
    'great',
    'cool',
    'brilliant',
    'wonderful',
    'well',
    'amazing',
    'worth',
    'sweet',
    'enjoyable',
  ],
  negative: ['boring', 'bad', 'dumb', 'annoying'],
  gender: ['female', 'male', 'queen', 'king', 'man', 'woman'],
  weather: ['rain', 'snow', 'hail'],
  drinks: ['coffee', 'tea'],
};

// Hand-picked words that each occur at least 20 times with the default tokenizer (counts checked
// on the built assets: the rarest are "ishmael" 20 and "teeth" 49 in Moby Dick, "liberty" 325
// in the addresses), so every one of them gets enough updates to move.
const MOBY_GROUPS: Groups = {
  characters: ['ahab', 'starbuck', 'stubb', 'flask', 'queequeg', 'ishmael'],
  whaling: ['whale', 'whales', 'sperm', 'harpoon', 'oil'],
  sea: ['sea', 'ocean', 'water', 'waves', 'wind'],
  ship: ['ship', 'boat', 'boats', 'deck', 'mast', 'sail', 'pequod'],
  body: ['head', 'hand', 'eyes', 'heart', 'jaw', 'teeth'],
  time: ['day', 'night', 'morning'],
};

const SOTU_GROUPS: Groups = {
  government: ['congress', 'senate', 'president', 'government', 'law', 'constitution'],
  economy: ['tax', 'taxes', 'budget', 'economy', 'jobs', 'trade', 'dollars'],
  war: ['war', 'peace', 'military', 'army', 'navy', 'defense'],
  people: ['people', 'americans', 'citizens', 'families', 'children'],
  countries: ['spain', 'mexico', 'britain', 'france', 'china', 'russia'],
  values: ['freedom', 'liberty', 'justice'],
};

/** Group tables by corpus; other texts borrow the teaching groups (everyday English words). */
const GROUPS: Record<ViewKey, Groups> = {
  teaching: TEACHING_GROUPS,
  sst: SST_GROUPS,
  moby: MOBY_GROUPS,
  sotu: SOTU_GROUPS,
  custom: TEACHING_GROUPS,
};

/** Each corpus's default shown words: every word of its group table, group by group. */
export const DEFAULT_VIEW_WORDS: Record<BuiltinCorpusId | 'sst', string[]> = {
  teaching: Object.values(TEACHING_GROUPS).flat(),
  sst: Object.values(SST_GROUPS).flat(),
  moby: Object.values(MOBY_GROUPS).flat(),
  sotu: Object.values(SOTU_GROUPS).flat(),
};

/** Uploaded text has no list of its own: show its most frequent words. */
const CUSTOM_TOP = 50;
/** More labelled points than this are unreadable. */
export const MAX_SHOWN = 1000;
/**
 * Most background points: with MAX_SHOWN labelled ones, about 11,000 rows to project, which the
 * power iteration does in a few milliseconds (powerProjection.ts).
 */
export const MAX_BACKGROUND = 10_000;

/** What a view count may be: its label (as the page names it) and its largest value. */
export const VIEW_COUNTS = {
  top: { label: 'Top words', max: MAX_SHOWN },
  background: { label: 'Background points', max: MAX_BACKGROUND },
} as const;

/**
 * Why `value` is not a valid `top` or `background` count (a whole number from 0 to its max),
 * or null when it is.
 */
export function viewCountProblem(key: keyof typeof VIEW_COUNTS, value: unknown): string | null {
  const { label, max } = VIEW_COUNTS[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max
    ? null
    : `${label} must be a whole number from 0 to ${max}.`;
}

/** The view a freshly loaded corpus starts with. */
export function defaultView(key: ViewKey): ViewRequest {
  return key === 'custom'
    ? { words: [], top: CUSTOM_TOP, vectors: 'center', background: 0 }
    : { words: [...DEFAULT_VIEW_WORDS[key]], top: 0, vectors: 'center', background: 0 };
}

/** A resolved view: the answer for the page, the row ids to project, and the vectors used. */
export interface ResolvedView {
  result: ViewResult;
  ids: Int32Array;
  vectors: VectorChoice;
}

/** word → group name, for the group table of `key`. */
function groupOf(key: ViewKey): Map<string, string> {
  const map = new Map<string, string>();
  for (const [group, words] of Object.entries(GROUPS[key])) {
    for (const word of words) if (!map.has(word)) map.set(word, group);
  }
  return map;
}

/**
 * Resolves `request` against `vocab`: the requested words found (trimmed, lower-cased, each
 * once), then the `top` most frequent words not already shown, at most MAX_SHOWN in all; then
 * the `background` most frequent words not shown (at most MAX_BACKGROUND). The ids list the
 * shown words first, then the background ones. Without outside vectors, 'outside' and 'concat'
 * fall back to 'center' with a note; a bad count is clamped into range with a note.
 */
export function resolveView(
  request: ViewRequest,
  vocab: Vocab,
  key: ViewKey,
  hasOutside: boolean,
): ResolvedView {
  const groups = groupOf(key);
  const shown: ShownWord[] = [];
  const missing: string[] = [];
  const taken = new Set<number>();
  const add = (id: number, isRequested: boolean): void => {
    const word = vocab.words[id]!;
    taken.add(id);
    shown.push({
      id,
      word,
      count: vocab.counts[id]!,
      group: groups.get(word) ?? null,
      isRequested,
    });
  };
  for (const word of normaliseWords(request.words)) {
    const id = vocab.index.get(word);
    if (id === undefined) missing.push(word);
    else add(id, true);
  }
  const notes: string[] = [];
  const top = clampCount('top', request.top, notes);
  for (let id = 0; id < Math.min(top, vocab.words.length); id++) if (!taken.has(id)) add(id, false);
  if (shown.length > MAX_SHOWN) {
    notes.push(`showing the first ${MAX_SHOWN} of ${shown.length} words`);
    for (const cut of shown.splice(MAX_SHOWN)) taken.delete(cut.id);
  }
  const background = backgroundIds(
    vocab,
    taken,
    clampCount('background', request.background ?? 0, notes),
  );
  let vectors = request.vectors;
  if (vectors !== 'center' && !hasOutside) {
    notes.push('hierarchical softmax has no outside vectors, so the centre vectors are shown');
    vectors = 'center';
  }
  const result: ViewResult = {
    shown,
    missing,
    background: background.map((id) => vocab.words[id]!),
  };
  if (notes.length > 0) result.note = notes.join('; ');
  const ids = Int32Array.from([...shown.map((s) => s.id), ...background]);
  return { result, ids, vectors };
}

/** A count clamped into 0…max (NaN → 0), with a note when it had to change. */
function clampCount(key: keyof typeof VIEW_COUNTS, value: number, notes: string[]): number {
  if (viewCountProblem(key, value) === null) return value;
  const clamped = Math.min(VIEW_COUNTS[key].max, Math.max(0, Math.floor(value) || 0));
  notes.push(`${viewCountProblem(key, value)!.replace(/\.$/, '')}, so ${clamped} is used`);
  return clamped;
}

/** The `count` most frequent word ids (ids are in frequency order) not in `taken`. */
function backgroundIds(vocab: Vocab, taken: ReadonlySet<number>, count: number): number[] {
  const ids: number[] = [];
  for (let id = 0; id < vocab.words.length && ids.length < count; id++) {
    if (!taken.has(id)) ids.push(id);
  }
  return ids;
}

/** Trimmed, lower-cased, non-empty, each word once, in first-seen order. */
function normaliseWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of words) {
    const word = raw.trim().toLowerCase();
    if (word.length > 0) seen.add(word);
  }
  return [...seen];
}

/** True when two results list the same words with the same groups, missing words and note. */
export function sameView(a: ViewResult, b: ViewResult): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
