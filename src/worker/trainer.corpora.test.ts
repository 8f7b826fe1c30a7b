import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from './corpora';
import type { InitRequest } from './protocol';
import {
  everySlice,
  fakeClock,
  harness,
  initialised,
  SMALL,
  stepAndDrain,
} from './testing/harness';
import { DEFAULT_VIEW_WORDS } from './views';

const custom = (text: string, name = 'upload.txt'): InitRequest => ({
  corpus: { kind: 'text', text, name },
  config: SMALL,
});

describe('createTrainer: loading corpora', () => {
  it('moby and sotu come from the injected fetcher; the info and default view follow the corpus', async () => {
    const text = `${DEFAULT_VIEW_WORDS.moby.join(' ')}. `.repeat(6);
    const h = harness({ now: fakeClock(), fetchText: async () => text });
    const result = await h.trainer.init({ corpus: { kind: 'builtin', id: 'moby' }, config: SMALL });
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.corpus).toMatchObject({ id: 'moby', format: 'text', name: 'Moby Dick' });
    const view = await h.trainer.getView();
    expect(view.shown.map((s) => s.word)).toEqual(DEFAULT_VIEW_WORDS.moby);
    expect(view.shown.find((s) => s.word === 'ahab')?.group).toBe('characters');
    expect(h.frames.some((f) => f.status === 'loading' && f.message === 'loading Moby Dick')).toBe(
      true,
    );
    expect(h.last()).toMatchObject({ status: 'idle' });
    expect(h.last().coords).toHaveLength(2 * DEFAULT_VIEW_WORDS.moby.length);
  });

  it('an uploaded datasetSentences.txt is read as SST and shows the CS224n words it has', async () => {
    const rows = ['sentence_index\tsentence'];
    for (let i = 1; i <= 30; i++)
      rows.push(`${i}\tThe king 's coffee was great , the queen 's tea was bad .`);
    const h = harness({ now: fakeClock() });
    const result = await h.trainer.init(custom(rows.join('\n'), 'datasetSentences.txt'));
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.corpus).toMatchObject({
      id: 'custom',
      format: 'sst',
      name: 'datasetSentences.txt',
    });
    const view = await h.trainer.getView();
    expect(view.shown.map((s) => [s.word, s.group])).toEqual([
      ['great', 'positive'],
      ['bad', 'negative'],
      ['queen', 'gender'],
      ['king', 'gender'],
      ['coffee', 'drinks'],
      ['tea', 'drinks'],
    ]);
    expect(view.missing).toHaveLength(24 - 6);
  });

  it('a long text sends loading frames with its progress while it is read', async () => {
    const text = 'the whale swam. the ship sailed on.\n'.repeat(40_000);
    const h = harness({ now: fakeClock(60) });
    const result = await h.trainer.init(custom(text, 'big.txt'));
    expect(result.ok).toBe(true);
    const loading = h.frames.filter((f) => f.status === 'loading').map((f) => f.message);
    expect(loading[0]).toBe('loading “big.txt”');
    expect(loading.slice(1).length).toBeGreaterThan(2);
    for (const m of loading.slice(1)) expect(m).toMatch(/^reading “big\.txt”: \d{1,2}%$/);
  });

  it('a newer init wins over a slower earlier one', async () => {
    let release: (text: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (release = resolve));
    const h = harness({ now: fakeClock(), fetchText: () => slow });
    const first = h.trainer.init({ corpus: { kind: 'builtin', id: 'sotu' }, config: SMALL });
    const second = await h.trainer.init({
      corpus: { kind: 'builtin', id: 'teaching' },
      config: SMALL,
    });
    release('war and peace. peace and war.');
    expect(await first).toEqual({ ok: false, errors: ['a newer corpus was requested'] });
    expect(second.ok && second.corpus.id).toBe('teaching');
    expect(h.last().status).toBe('idle');
  });
});

describe('createTrainer: bad input keeps the current model', () => {
  const bad: [string, InitRequest, string][] = [
    ['empty file', custom(''), '“upload.txt” is empty'],
    ['binary file', custom('\u0089PNG\r\n\u001a\n\0\0\0\rIHDR'), 'does not look like plain text'],
    ['one-word corpus', custom('buffalo Buffalo BUFFALO'), 'needs at least two different words'],
    ['huge file', custom('x'.repeat(MAX_TEXT_CHARS + 10)), 'is too large'],
  ];

  for (const [what, request, error] of bad) {
    it(`${what}: a plain-words error, the old model trains on`, async () => {
      const h = await initialised(everySlice());
      await stepAndDrain(h, 300);
      const before = await h.trainer.nearest('king', 3);
      const view = await h.trainer.getView();
      const result = await h.trainer.init(request);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]).toContain(error);
      expect(h.last()).toMatchObject({
        status: 'error',
        message: result.errors[0],
        unitsDone: 300,
      });
      expect(await h.trainer.nearest('king', 3)).toEqual(before);
      expect(await h.trainer.getView()).toEqual(view);
      await h.trainer.play();
      h.tick();
      expect(h.last().status).toBe('training');
      expect(h.last().unitsDone).toBeGreaterThan(300);
    });
  }

  it('a failed download says so and keeps the model', async () => {
    const h = await initialised({
      now: fakeClock(),
      fetchText: () =>
        Promise.reject(new Error('could not load the built-in corpus "moby" (HTTP 404)')),
    });
    const result = await h.trainer.init({ corpus: { kind: 'builtin', id: 'moby' } });
    expect(result).toEqual({
      ok: false,
      errors: ['could not load the built-in corpus "moby" (HTTP 404)'],
    });
    expect(await h.trainer.nearest('king', 1)).not.toEqual({ word: 'king', neighbors: null });
  });

  it('while a corpus loads, play and step wait for it', async () => {
    let release: (text: string) => void = () => undefined;
    const h = await initialised({
      now: fakeClock(),
      fetchText: () => new Promise((r) => (release = r)),
    });
    const loading = h.trainer.init({ corpus: { kind: 'builtin', id: 'moby' }, config: SMALL });
    expect(h.last().status).toBe('loading');
    await h.trainer.play();
    await h.trainer.step(5);
    expect(h.queue).toHaveLength(0);
    release('call me ishmael. some years ago.\n'.repeat(5));
    expect((await loading).ok).toBe(true);
    expect(h.last()).toMatchObject({ status: 'idle', unitsDone: 0 });
  });
});
