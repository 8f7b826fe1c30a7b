import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildCorpus,
  corpusFromText,
  corpusStats,
  createVocab,
  isSstFormat,
  parseSstSentences,
  tokenize,
} from './corpus';
import type { Corpus } from './types';

/** Sentences of a corpus as word arrays, to compare against hand-written expectations. */
function sentencesOf(corpus: Corpus): string[][] {
  const out: string[][] = [];
  const { sentenceStarts, tokens, vocab } = corpus;
  for (let s = 0; s + 1 < sentenceStarts.length; s++) {
    const ids = Array.from(tokens.subarray(sentenceStarts[s], sentenceStarts[s + 1]));
    out.push(ids.map((id) => vocab.words[id]!));
  }
  return out;
}

describe('tokenize', () => {
  it('lower-cases and splits at apostrophes and punctuation', () => {
    expect(tokenize("Don't PANIC, said Ford")).toEqual([['don', 't', 'panic', 'said', 'ford']]);
  });

  it('ends sentences at . ! ? and line breaks, and drops empty ones', () => {
    const text = 'The king sat. Did he? Yes!\nThe queen ... smiled\r\n\r\nEnd';
    expect(tokenize(text)).toEqual([
      ['the', 'king', 'sat'],
      ['did', 'he'],
      ['yes'],
      ['the', 'queen'],
      ['smiled'],
      ['end'],
    ]);
  });

  it("'lines' splits only at line breaks (\\n, \\r\\n, \\r, U+2028)", () => {
    const text = 'a. b! c?\r\nd e\rf\u2028g\n\n';
    expect(tokenize(text, { split: 'lines' })).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f'], ['g']]);
  });

  it("'none' gives one stream, or nothing for text without words", () => {
    expect(tokenize('One. Two!\nThree', { split: 'none' })).toEqual([['one', 'two', 'three']]);
    expect(tokenize(' ,.;!? \n', { split: 'none' })).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('keeps digits by default and turns them into separators with keepDigits false', () => {
    expect(tokenize('Route66 in 1999 A4')).toEqual([['route66', 'in', '1999', 'a4']]);
    expect(tokenize('Route66 in 1999 A4', { keepDigits: false })).toEqual([['route', 'in', 'a']]);
  });

  it('a decimal point ends a sentence in sentence mode', () => {
    expect(tokenize('pi is 3.14')).toEqual([['pi', 'is', '3'], ['14']]);
    expect(tokenize('pi is 3.14', { split: 'lines' })).toEqual([['pi', 'is', '3', '14']]);
  });

  it('keeps non-ASCII letters and combining marks inside words', () => {
    // "café" spelled with U+0301 COMBINING ACUTE; Greek and Cyrillic capitals lower-cased.
    const text = 'Cafe\u0301 ÜBER Straße ΑΘΗΝΑ Москва 日本語';
    expect(tokenize(text)).toEqual([['cafe\u0301', 'über', 'straße', 'αθηνα', 'москва', '日本語']]);
  });

  it('treats non-ASCII punctuation and symbols as separators', () => {
    expect(tokenize('«quoted»—dash…ellipsis €5')).toEqual([['quoted', 'dash', 'ellipsis', '5']]);
  });
});

describe('buildCorpus', () => {
  it('sorts by count descending, ties by first appearance', () => {
    const corpus = buildCorpus([
      ['b', 'a', 'c', 'a'],
      ['c', 'd', 'b', 'a'],
    ]);
    // counts: a 3, b 2, c 2, d 1; b appears before c.
    expect(corpus.vocab.words).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(corpus.vocab.counts)).toEqual([3, 2, 2, 1]);
    expect(corpus.vocab.totalCount).toBe(8);
    expect(Array.from(corpus.tokens)).toEqual([1, 0, 2, 0, 2, 3, 1, 0]);
    expect(Array.from(corpus.sentenceStarts)).toEqual([0, 4, 8]);
    expect(corpus.vocab.index.get('c')).toBe(2);
  });

  it('drops words below minCount from the vocabulary and the stream; empty sentences vanish', () => {
    const corpus = buildCorpus([['x', 'the', 'y'], ['rare'], ['the', 'end', 'the'], ['end']], {
      minCount: 2,
    });
    expect(corpus.vocab.words).toEqual(['the', 'end']);
    expect(sentencesOf(corpus)).toEqual([['the'], ['the', 'end', 'the'], ['end']]);
    expect(corpus.tokens.length).toBe(corpus.vocab.totalCount);
  });

  it('maxVocab keeps the most frequent words, cutting ties by first appearance', () => {
    const corpus = buildCorpus([['p', 'q', 'r', 'q', 'r', 's', 's', 's']], { maxVocab: 2 });
    // counts: s 3, q 2, r 2 (q first), p 1 → keep s, q.
    expect(corpus.vocab.words).toEqual(['s', 'q']);
    expect(sentencesOf(corpus)).toEqual([['q', 'q', 's', 's', 's']]);
    expect(buildCorpus([['a']], { maxVocab: 0 }).vocab.words).toEqual([]);
  });

  it('cuts long sentences at maxSentenceLength in-vocabulary tokens and continues with the rest', () => {
    const long = Array.from({ length: 2500 }, (_, i) => (i % 2 === 0 ? 'w' : 'v'));
    const corpus = buildCorpus([long, ['w']]);
    expect(Array.from(corpus.sentenceStarts)).toEqual([0, 1000, 2000, 2500, 2501]);
    // OOV tokens do not count towards the length: a (6) is dropped, 7 z's give pieces 3 + 3 + 1.
    const withOov = buildCorpus(
      [['a', 'z', 'a', 'a', 'z', 'a', 'a', 'a', 'z', 'z', 'z', 'z', 'z']],
      {
        minCount: 7,
        maxSentenceLength: 3,
      },
    );
    expect(withOov.vocab.words).toEqual(['z']);
    expect(Array.from(withOov.sentenceStarts)).toEqual([0, 3, 6, 7]);
  });

  it('a sentence of exactly maxSentenceLength tokens is not followed by an empty piece', () => {
    const corpus = buildCorpus([['a', 'b', 'c'], ['d']], { maxSentenceLength: 3 });
    expect(Array.from(corpus.sentenceStarts)).toEqual([0, 3, 4]);
  });

  it('reads a one-shot generator (the input is traversed once)', () => {
    function* gen(): Generator<string[]> {
      yield ['a', 'b'];
      yield [];
      yield ['b'];
    }
    const corpus = buildCorpus(gen());
    expect(corpus.vocab.words).toEqual(['b', 'a']);
    expect(sentencesOf(corpus)).toEqual([['a', 'b'], ['b']]);
  });

  it('handles an empty input and rejects a bad maxSentenceLength', () => {
    const corpus = buildCorpus([]);
    expect(corpus.vocab.words).toEqual([]);
    expect(corpus.tokens.length).toBe(0);
    expect(Array.from(corpus.sentenceStarts)).toEqual([0]);
    expect(() => buildCorpus([['a']], { maxSentenceLength: 0 })).toThrow(/maxSentenceLength/);
  });

  it('grows its token buffer past the initial capacity without losing tokens', () => {
    const sentences = Array.from({ length: 700 }, (_, s) => [`w${s % 7}`, 'x', 'y']);
    const corpus = buildCorpus(sentences);
    expect(corpus.tokens.length).toBe(2100);
    expect(sentencesOf(corpus)[699]).toEqual(['w6', 'x', 'y']);
  });
});

describe('createVocab', () => {
  it('indexes words and sums counts; rejects duplicates and length mismatch', () => {
    const vocab = createVocab(['a', 'b'], [5, 2]);
    expect(vocab.index.get('b')).toBe(1);
    expect(vocab.totalCount).toBe(7);
    expect(() => createVocab(['a', 'a'], [1, 1])).toThrow(/duplicate/);
    expect(() => createVocab(['a'], [1, 2])).toThrow(/length/);
  });
});

describe('corpusFromText and corpusStats', () => {
  it('passes tokenizer and corpus options through', () => {
    const text = 'The cat sat. The cat ran 2 miles.\nThe dog sat';
    const corpus = corpusFromText(text, { minCount: 2, keepDigits: false });
    expect(corpus.vocab.words).toEqual(['the', 'cat', 'sat']);
    expect(sentencesOf(corpus)).toEqual([
      ['the', 'cat', 'sat'],
      ['the', 'cat'],
      ['the', 'sat'],
    ]);
    const stats = corpusStats(corpus, 2);
    expect(stats).toEqual({
      tokens: 7,
      vocabSize: 3,
      sentences: 3,
      topWords: [
        { word: 'the', count: 3 },
        { word: 'cat', count: 2 },
      ],
    });
    expect(corpusStats(corpus, 50).topWords).toHaveLength(3);
  });
});

// A small datasetSentences.txt excerpt, with SST's own tokenisation: `` '' -LRB- 's \/ .
const SST_FIXTURE = [
  'sentence_index\tsentence',
  "1\tThe Rock is destined to be the 21st Century 's new `` Conan '' .",
  '2\tEffective but too-tepid biopic',
  '3\tco-writer\\/director Peter Jackson -LRB- The Rock -RRB- .',
  '4\t',
  '5\tThe  rock\u00a0ROCK',
  '',
].join('\r\n');

describe('SST datasetSentences.txt', () => {
  it('detects the header, also behind a byte-order mark', () => {
    expect(isSstFormat(SST_FIXTURE)).toBe(true);
    expect(isSstFormat('\ufeffsentence_index\tsentence\n1\ta')).toBe(true);
    expect(isSstFormat('sentence_index\tsentences\n')).toBe(false);
    expect(isSstFormat('The king sat on the throne.')).toBe(false);
  });

  it('splits on whitespace, lower-cases, keeps punctuation tokens, skips the header', () => {
    expect(parseSstSentences(SST_FIXTURE)).toEqual([
      [
        'the',
        'rock',
        'is',
        'destined',
        'to',
        'be',
        'the',
        '21st',
        'century',
        "'s",
        'new',
        '``',
        'conan',
        "''",
        '.',
      ],
      ['effective', 'but', 'too-tepid', 'biopic'],
      ['co-writer\\/director', 'peter', 'jackson', '-lrb-', 'the', 'rock', '-rrb-', '.'],
      ['the', 'rock', 'rock'],
    ]);
  });

  it('builds a corpus whose counts follow the raw whitespace tokens', () => {
    const corpus = buildCorpus(parseSstSentences(SST_FIXTURE));
    expect(corpus.vocab.words.slice(0, 3)).toEqual(['the', 'rock', '.']);
    expect(Array.from(corpus.vocab.counts.subarray(0, 3))).toEqual([4, 4, 2]);
    expect(corpus.tokens.length).toBe(30);
  });

  const sstPath = fileURLToPath(
    new URL('../../../shared/corpora/sst/datasetSentences.txt', import.meta.url),
  );
  it.skipIf(!existsSync(sstPath))(
    'matches MATH.md §10 on the real file: 11,855 / 227,245 / 19,538',
    () => {
      const text = readFileSync(sstPath, 'utf8');
      expect(isSstFormat(text)).toBe(true);
      const corpus = buildCorpus(parseSstSentences(text));
      expect(corpusStats(corpus).sentences).toBe(11855);
      expect(corpus.tokens.length).toBe(227245);
      expect(corpus.vocab.words.length).toBe(19538);
    },
  );
});
