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
/** More points than this are unreadable and make each projection slow. */
export const MAX_SHOWN = 1000;

/** The view a freshly loaded corpus starts with. */
export function defaultView(key: ViewKey): ViewRequest {
  return key === 'custom'
    ? { words: [], top: CUSTOM_TOP, vectors: 'center' }
    : { words: [...DEFAULT_VIEW_WORDS[key]], top: 0, vectors: 'center' };
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
 * once), then the `top` most frequent words not already shown, at most MAX_SHOWN in all.
 * Without outside vectors, 'outside' and 'concat' fall back to 'center' with a note.
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
  const top = Math.min(Math.max(0, Math.floor(request.top) || 0), vocab.words.length);
  for (let id = 0; id < top; id++) if (!taken.has(id)) add(id, false);
  const notes: string[] = [];
  if (shown.length > MAX_SHOWN) {
    notes.push(`showing the first ${MAX_SHOWN} of ${shown.length} words`);
    shown.length = MAX_SHOWN;
  }
  let vectors = request.vectors;
  if (vectors !== 'center' && !hasOutside) {
    notes.push('hierarchical softmax has no outside vectors, so the centre vectors are shown');
    vectors = 'center';
  }
  const result: ViewResult = { shown, missing };
  if (notes.length > 0) result.note = notes.join('; ');
  return { result, ids: Int32Array.from(shown, (s) => s.id), vectors };
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
