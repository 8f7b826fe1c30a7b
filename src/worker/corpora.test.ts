import { describe, expect, it } from 'vitest';
import { buildCorpus, corpusFromText, parseSstSentences } from '../core/corpus';
import { loadCorpus, MAX_TEXT_CHARS, type LoadDeps } from './corpora';

const noFetch: LoadDeps['fetchText'] = () => Promise.reject(new Error('no fetch in this test'));

function deps(fetchText = noFetch) {
  const fractions: number[] = [];
  const d: LoadDeps = {
    fetchText,
    progress: async (fraction) => {
      fractions.push(fraction);
    },
  };
  return { deps: d, fractions };
}

const text = (t: string, name = 'notes.txt') => ({ kind: 'text', text: t, name }) as const;

/** A long text of ordinary sentences with words of very different frequencies. */
function longText(sentences: number): string {
  const lines: string[] = [];
  for (let i = 0; i < sentences; i++) {
    lines.push(
      `The ship ${i % 97} sailed past word${i % 1013} and w${(i * 31) % 7919}! Was it late? Yes.`,
    );
  }
  // Half the sentences end a line, half run on, so pieces end at line breaks and at full stops.
  return lines.map((line, i) => (i % 2 === 0 ? `${line}\n` : `${line} `)).join('');
}

/** Element-wise equality of two large typed arrays (toEqual walks them far too slowly). */
function sameInts(a: Int32Array, b: Int32Array): boolean {
  return (
    a.length === b.length && Buffer.compare(Buffer.from(a.buffer), Buffer.from(b.buffer)) === 0
  );
}

describe('loadCorpus: reading in pieces', () => {
  it('a 3 MB text read in pieces gives exactly the corpus read in one go, with progress between pieces', async () => {
    const big = longText(60_000);
    expect(big.length).toBeGreaterThan(3_000_000);
    const { deps: d, fractions } = deps();
    const loaded = await loadCorpus(text(big), { minCount: 5 }, d);
    const whole = corpusFromText(big, { minCount: 5 });
    expect(loaded.corpus.vocab.words).toEqual(whole.vocab.words);
    expect(sameInts(loaded.corpus.tokens, whole.tokens)).toBe(true);
    expect(sameInts(loaded.corpus.sentenceStarts, whole.sentenceStarts)).toBe(true);
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.every((f, i) => f > 0 && f < 1 && (i === 0 || f > fractions[i - 1]!))).toBe(
      true,
    );
  });

  it('an SST file read in pieces gives exactly what parseSstSentences reads, CRLF line ends included', async () => {
    const lines = ['sentence_index\tsentence'];
    for (let i = 1; i <= 40_000; i++)
      lines.push(`${i}\tThe film 's ${i % 50} charms , ${i % 7 ? 'sweet' : 'dumb'} .`);
    const sst = lines.join('\r\n');
    const loaded = await loadCorpus(text(sst, 'datasetSentences.txt'), {}, deps().deps);
    const whole = buildCorpus(parseSstSentences(sst));
    expect(loaded.info.format).toBe('sst');
    expect(loaded.viewKey).toBe('sst');
    expect(sameInts(loaded.corpus.tokens, whole.tokens)).toBe(true);
    expect(loaded.corpus.vocab.words).toEqual(whole.vocab.words);
    expect(loaded.corpus.vocab.index.has("'s")).toBe(true);
  });
});

describe('loadCorpus: defaults and info', () => {
  it('built-ins: name, id, default min-count 5 for the asset corpora and 1 for teaching', async () => {
    // "rare" occurs 4 times, "often" 5 times: the cut at 5 keeps only the second.
    const fixture =
      'rare often. rare often. rare often. rare often. often whale.\n'.repeat(1) +
      'whale sea. '.repeat(10);
    const fetched: string[] = [];
    const fetchText: LoadDeps['fetchText'] = async (id) => (fetched.push(id), fixture);
    for (const id of ['moby', 'sotu'] as const) {
      const loaded = await loadCorpus({ kind: 'builtin', id }, {}, deps(fetchText).deps);
      expect(loaded.info).toMatchObject({ id, format: 'text', words: 9 + 20 + 1 });
      expect(loaded.corpus.vocab.index.has('often')).toBe(true);
      expect(loaded.corpus.vocab.index.has('rare')).toBe(false);
      expect(loaded.viewKey).toBe(id);
    }
    expect(fetched).toEqual(['moby', 'sotu']);
    const moby = await loadCorpus(
      { kind: 'builtin', id: 'moby' },
      { minCount: 1 },
      deps(fetchText).deps,
    );
    expect(moby.corpus.vocab.index.has('rare')).toBe(true);
    expect(moby.info.name).toBe('Moby Dick');
    const teaching = await loadCorpus({ kind: 'builtin', id: 'teaching' }, {}, deps().deps);
    expect(teaching.info).toMatchObject({
      id: 'teaching',
      format: 'text',
      name: 'the teaching corpus',
    });
    expect(teaching.info.words).toBe(teaching.info.tokens);
  });

  it('other text: min-count 1 below 50,000 tokens, 5 from there on; maxVocab keeps the most frequent', async () => {
    const small = 'alpha beta gamma. alpha beta. alpha.';
    const s = await loadCorpus(text(small), {}, deps().deps);
    expect(s.info).toMatchObject({
      id: 'custom',
      name: 'notes.txt',
      words: 6,
      vocabSize: 3,
      tokens: 6,
    });
    const big = `${'one two three four five. '.repeat(10_000)} lonely.`;
    const b = await loadCorpus(text(big), {}, deps().deps);
    expect(b.info.words).toBe(50_001);
    expect(b.corpus.vocab.index.has('lonely')).toBe(false);
    const cut = await loadCorpus(text(small), { maxVocab: 2 }, deps().deps);
    expect(cut.corpus.vocab.words).toEqual(['alpha', 'beta']);
    expect(cut.info.words).toBe(6);
    expect(cut.info.tokens).toBe(5);
  });
});

describe('loadCorpus: input that cannot be trained on', () => {
  const refuse = (t: string, name = 'notes.txt', minCount?: number) =>
    loadCorpus(text(t, name), { minCount }, deps().deps);

  it('empty, blank, binary, mostly control characters, no words, one word, cut to one word', async () => {
    await expect(refuse('')).rejects.toThrow('“notes.txt” is empty');
    await expect(refuse(' \n\t \r\n')).rejects.toThrow('“notes.txt” is empty');
    await expect(refuse('%PDF-1.4\n\0\0\u0001stream', 'paper.pdf')).rejects.toThrow(
      '“paper.pdf” does not look like plain text (it holds binary data); open a .txt file',
    );
    const garbled = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0 ? 'a' : '\u0001\ufffd',
    ).join('');
    await expect(refuse(garbled)).rejects.toThrow(/does not look like plain text/);
    await expect(refuse('... !!! ???')).rejects.toThrow('“notes.txt” contains no words');
    await expect(refuse('Hello hello HELLO.')).rejects.toThrow(
      '“notes.txt” needs at least two different words (it only has “hello”)',
    );
    await expect(refuse('a a a b', 'notes.txt', 2)).rejects.toThrow(
      '“notes.txt” needs at least two different words seen 2 times or more; lower the min count',
    );
  });

  it('text with a few accented letters lost to bad decoding still counts as text', async () => {
    const latin1 = 'Le caf\ufffd est pr\ufffds de la rivi\ufffdre. '.repeat(50);
    await expect(refuse(latin1)).resolves.toBeTruthy();
  });

  it('more than 100 MB is refused with the size and the limit', async () => {
    const huge = 'a'.repeat(MAX_TEXT_CHARS + 1);
    await expect(refuse(huge, 'huge.txt')).rejects.toThrow(
      '“huge.txt” is too large (about 100 MB); the limit is 100 MB',
    );
  });
});
