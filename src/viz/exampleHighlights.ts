/**
 * Which shown words the word map rings while the derivation panels show a training example: the
 * centre (CBOW: the target), its context, the negatives and, once the walk reaches the gradients,
 * every other row the update touches. Pure: the renderer draws the answer, the caption lists it.
 */
import type { ExampleTrace, StageId } from '../core/index';

/** Marks by precedence: a word in several roles gets the first. */
export const HIGHLIGHT_MARKS = ['center', 'context', 'negative', 'touched'] as const;
export type HighlightMark = (typeof HIGHLIGHT_MARKS)[number];

/** Indices into the shown words, per mark; each index appears under one mark at most. */
export type ExampleHighlights = Record<HighlightMark, number[]>;

/** Ring colour per role (the page's .sym-center, .sym-outside, .sym-negative colours). */
export type HighlightColors = Record<HighlightMark, string>;

/** Used where the page defines no symbol colours (Okabe–Ito, distinct from the grey points). */
export const DEFAULT_HIGHLIGHT_COLORS: HighlightColors = {
  center: '#D55E00',
  context: '#0072B2',
  negative: '#CC79A7',
  touched: '#5b5b66',
};

/** The walk's stages before each role is introduced: there the role stays unmarked. */
const HIDDEN_AT: Record<HighlightMark, readonly StageId[]> = {
  center: [],
  context: ['center'],
  negative: ['center', 'window'],
  touched: [
    'center',
    'window',
    'negatives',
    'path',
    'vocabulary',
    'scores',
    'probabilities',
    'loss',
  ],
};

/**
 * Whether a role is shown at a stage of the walk; `null` (no walk: an example simply shown) shows
 * the example's own words, not the other touched rows (softmax touches every word).
 */
export function isMarkShown(mark: HighlightMark, stage: StageId | null): boolean {
  if (stage === null) return mark !== 'touched';
  return !HIDDEN_AT[mark].includes(stage);
}

/** The example's word ids per role (not yet restricted to the shown words). */
export function exampleWordIds(trace: ExampleTrace): Record<HighlightMark, number[]> {
  const negative: number[] = [];
  for (const pair of trace.pairs) {
    if (pair.scoring.kind !== 'ns') continue;
    for (const w of pair.scoring.negatives) if (w >= 0) negative.push(w);
  }
  // Rows of u (ns, softmax) and v are words; rows of θ are tree nodes, not on the map.
  const touched = [...trace.centerRows, ...trace.outputRows]
    .filter((r) => r.matrix !== 'node')
    .map((r) => r.row);
  return { center: [trace.center], context: Array.from(trace.context), negative, touched };
}

/**
 * The shown indices to ring at `stage`: `shownIds[i]` is the word id of shown word i (−1: not
 * known). Indices are in the order the roles list the words, without repeats.
 */
export function highlightsFor(
  trace: ExampleTrace,
  stage: StageId | null,
  shownIds: readonly number[],
): ExampleHighlights {
  const indexOf = new Map<number, number>();
  shownIds.forEach((id, i) => {
    if (id >= 0 && !indexOf.has(id)) indexOf.set(id, i);
  });
  const ids = exampleWordIds(trace);
  const taken = new Set<number>();
  const result: ExampleHighlights = { center: [], context: [], negative: [], touched: [] };
  for (const mark of HIGHLIGHT_MARKS) {
    if (!isMarkShown(mark, stage)) continue;
    for (const id of ids[mark]) {
      const index = indexOf.get(id);
      if (index === undefined || taken.has(index)) continue;
      taken.add(index);
      result[mark].push(index);
    }
  }
  return result;
}

/** Number of highlighted words. */
export function highlightCount(highlights: ExampleHighlights): number {
  return HIGHLIGHT_MARKS.reduce((sum, mark) => sum + highlights[mark].length, 0);
}

/** The mark of each shown index (null: none), for the list of shown words. */
export function markOf(
  highlights: ExampleHighlights | null,
  count: number,
): (HighlightMark | null)[] {
  const marks: (HighlightMark | null)[] = new Array<HighlightMark | null>(count).fill(null);
  if (!highlights) return marks;
  for (const mark of HIGHLIGHT_MARKS) {
    for (const i of highlights[mark]) if (i < count) marks[i] = mark;
  }
  return marks;
}

/** Most words a caption part lists before "and N more". */
const CAPTION_MAX_WORDS = 8;

/** The caption's parts: a label and the words, e.g. {label: 'context', words: 'the, sat'}. */
export function captionParts(
  highlights: ExampleHighlights,
  words: readonly string[],
  isCbow: boolean,
): { mark: HighlightMark; label: string; words: string }[] {
  const labels: Record<HighlightMark, string> = {
    center: isCbow ? 'target' : 'centre',
    context: 'context',
    negative: 'negatives',
    touched: 'also updated',
  };
  return HIGHLIGHT_MARKS.filter((mark) => highlights[mark].length > 0).map((mark) => {
    const list = highlights[mark].map((i) => words[i] ?? '?');
    const shown = list.slice(0, CAPTION_MAX_WORDS).join(', ');
    const more = list.length - CAPTION_MAX_WORDS;
    return { mark, label: labels[mark], words: more > 0 ? `${shown} and ${more} more` : shown };
  });
}
