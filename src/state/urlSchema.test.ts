import { PANELS } from './panels';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng';
import type { TrainConfig } from '../core/types';
import {
  APP_DEFAULT_CONFIG,
  defaultEpochs,
  defaultViewWords,
  initialConfigState,
} from './configStore';
import { CORPORA, HIDEABLE_CONTROLS, SETTING_KEYS, SETTINGS } from './registry';
import { parseState, serializeState, shareStateOf, type ShareState } from './urlSchema';

const CORPUS_IDS = [...CORPORA.map((c) => c.id), 'custom'] as const;
/** Letters that need escaping in a URL, and some that do not. */
const WORD_LETTERS = 'abcxyzé’-&=+?#%/ü';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.nextInt(items.length)]!;

function randomWord(rng: Rng): string {
  let word = '';
  for (let n = 1 + rng.nextInt(8); n > 0; n--) word += pick(rng, [...WORD_LETTERS]);
  return word;
}

/** A value for one setting anywhere in its range (log settings: any double on the log scale). */
function randomSetting(rng: Rng, key: keyof TrainConfig): unknown {
  const spec = SETTINGS[key];
  if (spec.kind === 'choice') return pick(rng, spec.choices).id;
  if (spec.isZeroOff && rng.next() < 0.2) return 0;
  if (spec.scale === 'log') {
    const value = spec.min * (spec.max / spec.min) ** rng.next();
    return spec.isInteger ? Math.min(spec.max, Math.max(spec.min, Math.round(value))) : value;
  }
  if (spec.isInteger) return spec.min + rng.nextInt(spec.max - spec.min + 1);
  return spec.min + rng.next() * (spec.max - spec.min);
}

function randomState(rng: Rng): ShareState {
  const config = { ...APP_DEFAULT_CONFIG } as Record<string, unknown>;
  // Each setting keeps its default half the time, so defaults and non-defaults mix.
  for (const key of SETTING_KEYS) if (rng.next() < 0.5) config[key] = randomSetting(rng, key);
  const corpus = pick(rng, CORPUS_IDS);
  const wordsKind = rng.nextInt(3);
  const words =
    wordsKind === 0
      ? defaultViewWords(corpus)
      : wordsKind === 1
        ? []
        : Array.from({ length: 1 + rng.nextInt(30) }, () => randomWord(rng));
  return {
    config: config as unknown as TrainConfig,
    corpus,
    minCount: rng.next() < 0.5 ? null : 1 + rng.nextInt(50),
    view: {
      words,
      top: rng.next() < 0.5 ? 0 : rng.nextInt(1001),
      vectors: pick(rng, ['center', 'outside', 'concat'] as const),
      background: rng.next() < 0.5 ? 0 : rng.nextInt(10_001),
    },
    speed: rng.next() < 0.5 ? null : 1 + rng.next() * 99_999,
    hidden: HIDEABLE_CONTROLS.filter(() => rng.next() < 0.2).map((c) => c.id),
    panels: PANELS.filter(() => rng.next() < 0.3).map((p) => p.id),
    threads: 1 + rng.nextInt(2),
  };
}

const initialShare = (): ShareState => shareStateOf(initialConfigState());

describe('urlSchema', () => {
  it('round trip: parse(serialize(s)) deep-equals s for 500 seeded random states', () => {
    const rng = createRng(20_240_601);
    for (let i = 0; i < 500; i++) {
      const state = randomState(rng);
      const query = serializeState(state);
      const { state: back, notes } = parseState(query);
      expect(notes, query).toEqual([]);
      expect(back, query).toEqual(state);
    }
  });

  it('a fresh page serializes to the seed alone: defaults are omitted, the seed never is', () => {
    expect(serializeState(initialShare())).toBe('seed=1');
    expect(parseState('').state).toEqual(initialShare());
  });

  it('only the changed values appear, keyed by their TrainConfig name', () => {
    const state = initialShare();
    state.config = { ...state.config, model: 'cbow', lr: 0.05, seed: 7 };
    expect(serializeState(state)).toBe('model=cbow&lr=0.05&seed=7');
  });

  it('reads the contract example link', () => {
    const { state, notes } = parseState(
      '?model=cbow&lr=0.05&seed=7&corpus=moby&words=king,queen&hide=loss,model',
    );
    expect(notes).toEqual([]);
    // Moby Dick's own epochs: the link says nothing about them.
    expect(state.config).toEqual({
      ...APP_DEFAULT_CONFIG,
      model: 'cbow',
      lr: 0.05,
      seed: 7,
      epochs: defaultEpochs('moby'),
    });
    expect(state.corpus).toBe('moby');
    expect(state.view.words).toEqual(['king', 'queen']);
    expect(state.hidden).toEqual(['loss', 'model']);
  });

  it('word lists keep their commas readable', () => {
    const state = initialShare();
    state.view = { ...state.view, words: ['king', 'queen'] };
    expect(serializeState(state)).toContain('words=king,queen');
  });

  it('an empty word list differs from the corpus default and survives the trip', () => {
    const state = initialShare();
    state.view = { ...state.view, words: [] };
    expect(serializeState(state)).toContain('words=');
    expect(parseState(serializeState(state)).state.view.words).toEqual([]);
  });

  it('the default word list follows the corpus of the link', () => {
    expect(parseState('corpus=sotu').state.view.words).toEqual(defaultViewWords('sotu'));
    expect(parseState('corpus=custom').state.view.words).toEqual([]);
  });

  it('bad values are ignored with a note each, and take the default', () => {
    const { state, notes } = parseState(
      'lr=abc&dim=2.5&window=&negatives=1e9&model=rnn&seed=NaN&sample=-1&top=-3&vectors=both&hide=loss,wings&corpus=wiki&speed=0&minCount=0&utm=x',
    );
    expect(state).toEqual(initialShare());
    expect(notes).toHaveLength(14);
    expect(notes).toContain('Ignored “lr=abc” in the link: Learning rate must be a number.');
    expect(notes).toContain('Ignored “dim=2.5” in the link: Dimension must be a whole number.');
    expect(notes).toContain(
      'Ignored “hide=loss,wings” in the link: there is no control called wings.',
    );
    expect(notes).toContain('Ignored “utm” in the link: it is not a setting.');
  });

  it('background points: in the link when non-zero, 0…10000 whole numbers only', () => {
    const state = initialShare();
    state.view = { ...state.view, top: 1000, background: 10_000 };
    expect(serializeState(state)).toBe('seed=1&top=1000&background=10000');
    expect(parseState('background=250').state.view.background).toBe(250);
    for (const bad of ['-1', '10001', '2.5']) {
      const { state: parsed, notes } = parseState(`background=${bad}`);
      expect(parsed.view.background).toBe(0);
      expect(notes).toEqual([
        `Ignored “background=${bad}” in the link: Background points must be a whole number from 0 to 10000.`,
      ]);
    }
    expect(parseState('background=lots').notes).toEqual([
      'Ignored “background=lots” in the link: Background points must be a number.',
    ]);
  });

  it('a view without the background key (an older state) serializes as 0, not "undefined"', () => {
    const state = initialShare();
    state.view = { words: state.view.words, top: 3, vectors: 'center' };
    expect(serializeState(state)).toBe('seed=1&top=3');
  });

  it('a learning rate of 10 (to show divergence) is allowed, 10.5 is not', () => {
    expect(parseState('lr=10').state.config.lr).toBe(10);
    expect(parseState('lr=10.5').notes).toHaveLength(1);
  });

  it('sub-sampling 0 means off and is accepted below the slider minimum', () => {
    expect(parseState('sample=0').state.config.sample).toBe(0);
    expect(parseState('sample=1e-9').notes).toHaveLength(1);
  });

  describe.each(CORPUS_IDS)('epochs on the %s corpus', (corpus) => {
    const onCorpus = (epochs: number): ShareState => {
      const state = initialShare();
      state.corpus = corpus;
      state.view = { ...state.view, words: defaultViewWords(corpus) };
      state.config = { ...state.config, epochs };
      return state;
    };

    it('a link without epochs gets the corpus default, and the default is left out', () => {
      const query = corpus === 'teaching' ? 'seed=1' : `corpus=${corpus}&seed=1`;
      expect(serializeState(onCorpus(defaultEpochs(corpus)))).toBe(query);
      expect(parseState(query).state).toEqual(onCorpus(defaultEpochs(corpus)));
    });

    it('any other number of epochs is written and read back', () => {
      for (const epochs of [1, 7, 200, 500].filter((e) => e !== defaultEpochs(corpus))) {
        const state = onCorpus(epochs);
        const query = serializeState(state);
        expect(query).toContain(`epochs=${epochs}`);
        expect(parseState(query)).toEqual({ state, notes: [] });
      }
    });
  });

  it('the corpus defaults are the ones the Corpus select sets', () => {
    expect(defaultEpochs('teaching')).toBe(200);
    expect(defaultEpochs('moby')).toBe(20);
    expect(defaultEpochs('sotu')).toBe(3);
    expect(defaultEpochs('custom')).toBe(APP_DEFAULT_CONFIG.epochs);
    expect(APP_DEFAULT_CONFIG.epochs).toBe(defaultEpochs('teaching'));
  });
});
