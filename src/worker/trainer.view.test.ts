import { describe, expect, it } from 'vitest';
import { TEACHING_GROUPS } from '../core/corpora/teaching';
import type { Frame, ViewRequest } from './protocol';
import {
  everySlice,
  fakeClock,
  initialised,
  projected,
  SMALL,
  stepAndDrain,
  steppingClock,
  TEACHING,
} from './testing/harness';
import { DEFAULT_VIEW_WORDS } from './views';

/** Pearson correlation of the x (axis 0) or y (axis 1) coordinates of two projections. */
function axisCorrelation(a: Float32Array, b: Float32Array, axis: 0 | 1): number {
  const n = a.length / 2;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[2 * i + axis]! / n;
    mb += b[2 * i + axis]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[2 * i + axis]! - ma;
    const db = b[2 * i + axis]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

const lastCoords = (frames: Frame[]): Float32Array => projected(frames).at(-1)!.coords;

describe('createTrainer: the default view', () => {
  it('the teaching corpus shows every TEACHING_GROUPS word with its group; init sends their coords', async () => {
    const h = await initialised({ now: fakeClock() });
    const view = await h.trainer.getView();
    const expected = Object.entries(TEACHING_GROUPS).flatMap(([group, words]) =>
      words.map((word) => ({ word, group })),
    );
    expect(view.shown.map((s) => ({ word: s.word, group: s.group }))).toEqual(expected);
    expect(view.shown.every((s) => s.isRequested && s.count > 0)).toBe(true);
    expect(view.missing).toEqual([]);
    expect(view.note).toBeUndefined();
    const frame = h.last();
    expect(frame.coords).toHaveLength(2 * expected.length);
    expect(frame.coords.every(Number.isFinite)).toBe(true);
    expect(frame.explained[0]).toBeGreaterThanOrEqual(frame.explained[1]);
    expect(frame.explained[0] + frame.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('DEFAULT_VIEW_WORDS: the CS224n 24 words for SST (MATH.md §10), ~30 for moby and sotu, no repeats', () => {
    expect(DEFAULT_VIEW_WORDS.sst).toEqual(
      'great cool brilliant wonderful well amazing worth sweet enjoyable boring bad dumb annoying female male queen king man woman rain snow hail coffee tea'.split(
        ' ',
      ),
    );
    for (const id of ['moby', 'sotu'] as const) {
      expect(DEFAULT_VIEW_WORDS[id].length).toBeGreaterThanOrEqual(25);
      expect(DEFAULT_VIEW_WORDS[id].length).toBeLessThanOrEqual(40);
    }
    for (const words of Object.values(DEFAULT_VIEW_WORDS)) {
      expect(new Set(words).size).toBe(words.length);
    }
  });
});

describe('createTrainer: setView', () => {
  it('requested words first (normalised, once), then the top words; missing ones reported; groups attached', async () => {
    const h = await initialised({ now: fakeClock() });
    const version = h.last().viewVersion;
    const result = await h.trainer.setView({
      words: [' King', 'queen', 'zyzzyva', 'king', '', 'Qwerty'],
      top: 3,
      vectors: 'center',
    });
    const words = result.shown.map((s) => s.word);
    expect(words.slice(0, 2)).toEqual(['king', 'queen']);
    expect(result.shown.slice(0, 2).map((s) => s.group)).toEqual(['royalty', 'royalty']);
    expect(result.shown.slice(0, 2).every((s) => s.isRequested)).toBe(true);
    // The three most frequent words of the teaching corpus are ids 0, 1, 2.
    expect(result.shown.slice(2).map((s) => s.id)).toEqual([0, 1, 2]);
    expect(result.shown.slice(2).every((s) => !s.isRequested)).toBe(true);
    expect(result.shown[2]!.word).toBe('the');
    expect(result.shown[2]!.group).toBeNull();
    expect(result.missing).toEqual(['zyzzyva', 'qwerty']);
    expect(await h.trainer.getView()).toEqual(result);
    const frame = h.last();
    expect(frame.viewVersion).toBe(version + 1);
    expect(frame.coords).toHaveLength(2 * words.length);
    expect(frame.coords.every(Number.isFinite)).toBe(true);
  });

  it('the same view again keeps the version; an empty view sends empty coords', async () => {
    const h = await initialised({ now: fakeClock() });
    const request: ViewRequest = { words: ['dog', 'cat'], top: 0, vectors: 'center' };
    await h.trainer.setView(request);
    const version = h.last().viewVersion;
    await h.trainer.setView(request);
    expect(h.last().viewVersion).toBe(version);
    const empty = await h.trainer.setView({ words: [], top: 0, vectors: 'center' });
    expect(empty.shown).toEqual([]);
    expect(h.last().viewVersion).toBe(version + 1);
    expect(h.last().coords).toHaveLength(0);
  });

  it('outside and concatenated vectors project with negative sampling; hierarchical softmax falls back to centre with a note', async () => {
    const h = await initialised({ now: fakeClock() });
    await stepAndDrain(h, 500);
    for (const vectors of ['outside', 'concat'] as const) {
      const result = await h.trainer.setView({ words: ['king', 'dog', 'rain'], top: 0, vectors });
      expect(result.note).toBeUndefined();
      expect(h.last().coords).toHaveLength(6);
      expect(h.last().coords.every(Number.isFinite)).toBe(true);
    }
    const hs = await initialised(
      { now: fakeClock() },
      { ...TEACHING, config: { ...SMALL, loss: 'hs' } },
    );
    const result = await hs.trainer.setView({ words: ['king', 'dog'], top: 0, vectors: 'concat' });
    expect(result.note).toMatch(/hierarchical softmax has no outside vectors/);
    const centre = await hs.trainer.setView({ words: ['king', 'dog'], top: 0, vectors: 'center' });
    expect(centre.note).toBeUndefined();
  });

  it('a listener registered after init still gets the current picture', async () => {
    const h = await initialised({ now: fakeClock() });
    const coords = h.last().coords;
    const late: Frame[] = [];
    h.trainer.setFrameListener((frame) => late.push(frame));
    expect(late).toHaveLength(1);
    expect(late[0]!.coords).toEqual(coords);
  });

  it('a view given to init replaces the default list', async () => {
    const h = await initialised(
      { now: fakeClock() },
      { ...TEACHING, view: { words: ['wine', 'milk'], top: 0, vectors: 'center' } },
    );
    expect((await h.trainer.getView()).shown.map((s) => s.word)).toEqual(['wine', 'milk']);
    expect(h.last().coords).toHaveLength(4);
  });
});

describe('createTrainer: the projection over time', () => {
  it('consecutive projections do not flip: each axis correlates positively with the previous frame', async () => {
    const h = await initialised(everySlice());
    await stepAndDrain(h, 2000);
    let previous = lastCoords(h.frames);
    for (let i = 0; i < 40; i++) {
      await stepAndDrain(h, 25);
      const next = lastCoords(h.frames);
      expect(next).not.toBe(previous);
      expect(axisCorrelation(previous, next, 0)).toBeGreaterThan(0.5);
      expect(axisCorrelation(previous, next, 1)).toBeGreaterThan(0.5);
      previous = next;
    }
  });

  it('every step, pause and reset ends with fresh coords; reset with the same seed gives the first picture again', async () => {
    const h = await initialised({ now: fakeClock() });
    const first = h.last().coords;
    await stepAndDrain(h, 300);
    expect(h.last().coords.length).toBe(first.length);
    await h.trainer.play();
    h.tick();
    await h.trainer.pause();
    expect(h.last().status).toBe('paused');
    expect(h.last().coords.length).toBe(first.length);
    await h.trainer.reset();
    expect(h.last()).toMatchObject({ status: 'idle', unitsDone: 0 });
    expect(h.last().coords).toEqual(first);
  });

  it('the same seed gives the same pictures, frame by frame', async () => {
    const pictures = async () => {
      // A coarse clock (2 ms per read) makes projections due every few slices.
      const h = await initialised({ now: fakeClock(2) });
      await h.trainer.play();
      h.drain();
      return projected(h.frames).map((f) => Array.from(f.coords));
    };
    const a = await pictures();
    expect(a.length).toBeGreaterThan(5);
    expect(await pictures()).toEqual(a);
  });

  it('a diverged model keeps the last finite picture (no NaN reaches the page)', async () => {
    const h = await initialised(everySlice(), { ...TEACHING, config: { ...SMALL, lr: 10 } });
    await h.trainer.play();
    h.drain();
    expect(h.last().status).toBe('diverged');
    for (const frame of h.frames) {
      expect(frame.coords.every(Number.isFinite)).toBe(true);
      expect(frame.explained.every(Number.isFinite)).toBe(true);
    }
  });

  it('500 words × d 100: slices still end near their 10 ms budget with projections in them', async () => {
    const words = Array.from({ length: 600 }, (_, i) => `w${i}`);
    // Every word appears in a few random-ish sentences, so 500 distinct words are in the vocabulary.
    const text = Array.from({ length: 3000 }, (_, i) =>
      [0, 1, 2, 3, 4].map((k) => words[(i * 7 + k * 131) % words.length]).join(' '),
    ).join('.\n');
    // Time on a stepping clock, so the budget is checked without timing this machine (the real
    // cost of a 500 × 100 projection is measured by `npm run bench:browser`).
    const clock = steppingClock();
    const h = await initialised(
      { frameMs: 0, now: clock.now },
      {
        corpus: { kind: 'text', text, name: 'many words' },
        config: { dim: 100, epochs: 50, seed: 1 },
        view: { words: [], top: 500, vectors: 'center' },
      },
    );
    await h.trainer.play();
    const durations: number[] = [];
    for (let i = 0; i < 40 && h.queue.length > 0; i++) {
      const start = clock.read();
      h.tick();
      durations.push(clock.read() - start);
    }
    expect(projected(h.frames.slice(2)).length).toBeGreaterThan(0);
    expect(Math.max(...durations)).toBeLessThanOrEqual(12);
  });
});

describe('createTrainer: nearest with a choice of vectors', () => {
  it('centre, outside and concatenated vectors each give k neighbours; without outside vectors, centre is used', async () => {
    const h = await initialised({ now: fakeClock() });
    await stepAndDrain(h, 3000);
    const centre = await h.trainer.nearest('king', 4);
    const outside = await h.trainer.nearest('king', 4, 'outside');
    const concat = await h.trainer.nearest('king', 4, 'concat');
    for (const r of [centre, outside, concat]) expect(r.neighbors).toHaveLength(4);
    expect(outside).not.toEqual(centre);
    const hs = await initialised(
      { now: fakeClock() },
      { ...TEACHING, config: { ...SMALL, loss: 'hs' } },
    );
    await stepAndDrain(hs, 1000);
    expect(await hs.trainer.nearest('king', 4, 'outside')).toEqual(
      await hs.trainer.nearest('king', 4),
    );
  });
});
