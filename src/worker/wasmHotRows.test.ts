/**
 * The hot rows of a Hogwild team on the WebAssembly kernel (core/hotRows.ts, wasm/hot.ts): each
 * thread trains the most frequent words' rows in a copy of its own and merges it with the shared
 * weights (G += L − S; L = S = G), so no step is lost and the others' steps come in.
 */
import { describe, expect, it } from 'vitest';
import { sharedWasmBackend, wasmBackend } from '../../bench/wasmModule';
import { TEACHING_CORPUS } from '../core/corpora/teaching';
import { corpusFromText } from '../core/corpus';
import { createEngine, defaultConfig } from '../core/engine';
import { HOT_WORDS, hotOutFirst, hotRowCount } from '../core/hotRows';
import {
  IO_ALPHA0,
  IO_INV_DENOM,
  IO_NEGATIVES,
  IO_SIZE,
  IO_T_BASE,
  IO_WINDOW,
  LOSS_HS,
  LOSS_NS,
  LOSS_SOFTMAX,
} from '../core/kernelState';
import { createTeamEngine } from '../core/teamEngine';
import { createHelperRun } from '../core/teamHelper';
import { threadState } from '../core/teamState';
import type { Engine, TrainConfig } from '../core/types';

const CORPUS = corpusFromText(TEACHING_CORPUS);
const CONFIG: TrainConfig = defaultConfig({ dim: 16, epochs: 3, seed: 5 });

function trainAlone(engine: Engine): number[] {
  const losses: number[] = [];
  while (!engine.progress().done) losses.push(engine.train(700).lossSum);
  return losses;
}

/** Largest |a − b| over two arrays of the same length. */
function maxGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i]! - b[i]!));
  return gap;
}

describe('how many rows are hot', () => {
  it('HOT_WORDS, at most the vocabulary and the output rows; none under full softmax', () => {
    expect(hotRowCount({ dim: 8, words: 10_000, outRows: 10_000, loss: LOSS_NS })).toBe(HOT_WORDS);
    expect(hotRowCount({ dim: 8, words: 20, outRows: 19, loss: LOSS_HS })).toBe(19);
    expect(hotRowCount({ dim: 8, words: 10_000, outRows: 10_000, loss: LOSS_SOFTMAX })).toBe(0);
  });

  it('NS: the most frequent words; HS: the inner nodes next to the root (the last ones)', () => {
    expect(hotOutFirst({ dim: 8, words: 500, outRows: 500, loss: LOSS_NS }, 64)).toBe(0);
    expect(hotOutFirst({ dim: 8, words: 500, outRows: 499, loss: LOSS_HS }, 64)).toBe(435);
  });
});

describe.each([
  ['ns', 'skipgram'],
  ['hs', 'skipgram'],
  ['ns', 'cbow'],
] as const)('a team whose helper never trains (%s, %s)', (loss, model) => {
  it("thread 0's hot copies, merged after every chunk, give the plain kernel's run", () => {
    const config = { ...CONFIG, loss, model };
    const plain = createEngine(CORPUS, config, { kernel: wasmBackend() });
    const team = createTeamEngine(CORPUS, config, { kernel: sharedWasmBackend(), threads: 2 });
    const a = trainAlone(plain);
    const b = trainAlone(team);
    // The same steps on the same values: only the merge's float32 rounding (G + (L − S) with
    // G = S) separates the two runs. A merge that dropped the copy's steps would not come close.
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]!).toBeCloseTo(a[i]!, 3);
    expect(maxGap(team.centerVecs, plain.centerVecs)).toBeLessThan(1e-4);
    const out = (e: Engine) => e.outsideVecs ?? e.nodeVecs!;
    expect(maxGap(out(team), out(plain))).toBeLessThan(1e-4);
    expect(maxGap(plain.centerVecs, createEngine(CORPUS, config).centerVecs)).toBeGreaterThan(0.01);
  });
});

describe("a helper's hot copies", () => {
  it('train away from the shared rows, then merge: its steps and the other threads’ both stay', () => {
    const engine = createTeamEngine(CORPUS, CONFIG, { kernel: sharedWasmBackend(), threads: 2 });
    const setup = engine.team.helpers[0]!;
    const memory = sharedWasmBackend().attach(engine.team.handle);
    const st = threadState(setup.layout, memory.buffer, setup.regionAt, setup.rng);
    const kernel = memory.kernel(st);
    const D = CONFIG.dim;
    const H = st.hot.rows;
    expect(H).toBe(Math.min(HOT_WORDS, CORPUS.vocab.words.length));
    const G = engine.centerVecs.subarray(0, H * D);

    // The first merge fills the copy with the shared rows.
    kernel.mergeHot!();
    expect(st.hot.centre).toEqual(G);
    expect(st.hot.centreSnap).toEqual(G);

    // Training a sentence of the four most frequent words moves the copy, not the shared rows.
    const before = G.slice();
    const sen = Int32Array.from([0, 1, 2, 3, 0, 2, 1, 3]);
    const senT = Int32Array.from(sen.keys());
    const io = new Float64Array(IO_SIZE);
    io[IO_ALPHA0] = 0.05;
    io[IO_INV_DENOM] = 1e-9;
    io[IO_T_BASE] = 0;
    io[IO_WINDOW] = 2;
    io[IO_NEGATIVES] = 3;
    kernel.streamSpan(sen, senT, sen.length, 0, sen.length, io);
    expect(G).toEqual(before);
    const steps = st.hot.centre.map((v, i) => v - st.hot.centreSnap[i]!);
    expect(maxGap(steps, new Float32Array(steps.length))).toBeGreaterThan(1e-4);

    // Meanwhile another thread's merge moved row 0 of the shared weights.
    for (let i = 0; i < D; i++) G[i]! += 0.5;
    kernel.mergeHot!();
    const expected = before.map((v, i) => v + steps[i]! + (i < D ? 0.5 : 0));
    expect(maxGap(G, expected)).toBeLessThan(1e-6);
    expect(st.hot.centre).toEqual(G);
    expect(st.hot.centreSnap).toEqual(G);
  });
});

describe('a helper run (teamHelper.ts)', () => {
  it('leaves the shared hot rows alone while it trains, brings its steps in when it stops, resumes from them', () => {
    const engine = createTeamEngine(CORPUS, CONFIG, { kernel: sharedWasmBackend(), threads: 2 });
    const setup = engine.team.helpers[0]!;
    const memory = sharedWasmBackend().attach(engine.team.handle);
    const st = threadState(setup.layout, memory.buffer, setup.regionAt, setup.rng);
    const helper = createHelperRun(setup, CORPUS, memory);
    // The teaching corpus is smaller than HOT_WORDS: every row is hot.
    expect(st.hot.rows).toBe(CORPUS.vocab.words.length);
    const G = engine.centerVecs;
    const start = G.slice();

    // Chunks far shorter than a merge interval: the steps stay in the copy.
    expect(helper.train(300) + helper.train(300)).toBe(600);
    expect(G).toEqual(start);
    expect(maxGap(st.hot.centre, start)).toBeGreaterThan(1e-3);

    // Stopping merges them: the shared rows are the copy now.
    helper.settle();
    expect(G).toEqual(st.hot.centre);
    expect(maxGap(G, start)).toBeGreaterThan(1e-3);

    // While it is idle, the shared rows change (another thread, a derivation panel's step): the
    // next chunk starts from them.
    G[0]! += 0.5;
    expect(helper.train(0)).toBe(0);
    expect(st.hot.centre).toEqual(G);
  });
});
