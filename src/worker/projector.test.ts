import { describe, expect, it } from 'vitest';
import { gatherRows, project2d } from '../core/projection';
import { expectArraysClose } from '../core/testing/expectClose';
import { randomMatrix } from '../core/testing/lossFixtures';
import type { Engine } from '../core/types';
import { fakeClock, initialised, projected, stepAndDrain } from './testing/harness';
import { createProjector, EXACT_MAX_ROWS } from './projector';

/**
 * An engine stand-in with W rows of d-dimensional centre vectors: scores on three directions
 * (spreads 4, 2, 1) plus noise, as trained embeddings have a few dominant directions.
 */
function fakeEngine(W: number, d: number): Engine {
  const directions = randomMatrix(1, 3, d);
  const scores = randomMatrix(2, W, 3);
  const noise = randomMatrix(3, W, d, 0.05);
  const centerVecs = Float32Array.from({ length: W * d }, (_, j) => {
    const [i, c] = [Math.floor(j / d), j % d];
    return [4, 2, 1].reduce((x, s, k) => x + s * scores[i * 3 + k]! * directions[k * d + c]!, 0.3);
  }).map((x, j) => x + noise[j]!);
  return { config: { dim: d }, centerVecs, outsideVecs: null } as unknown as Engine;
}

describe('createProjector: the power route for many rows', () => {
  it('beyond EXACT_MAX_ROWS it gives project2d’s picture (same axes, same signs)', () => {
    const d = 16;
    const engine = fakeEngine(EXACT_MAX_ROWS + 301, d);
    const ids = Int32Array.from({ length: EXACT_MAX_ROWS + 301 }, (_, i) => i);
    const projector = createProjector(fakeClock());
    projector.update(engine, ids, 'center');
    const exact = project2d(gatherRows(engine.centerVecs, d, ids), ids.length, d);
    const coords = projector.take();
    expect(coords).toHaveLength(2 * ids.length);
    expectArraysClose(coords, exact.coords, 1e-3);
    expectArraysClose(projector.explained(), exact.explainedVarianceRatio, 1e-6);
  });

  it('later projections of the same rows stay aligned with the first (warm start)', () => {
    const d = 12;
    const engine = fakeEngine(1500, d);
    const ids = Int32Array.from({ length: 1500 }, (_, i) => 1499 - i);
    const projector = createProjector(fakeClock());
    projector.update(engine, ids, 'center');
    const first = projector.take();
    // A small drift of the vectors, as between two frames of training.
    const drift = randomMatrix(9, 1500, d, 0.01);
    engine.centerVecs.forEach((x, j) => (engine.centerVecs[j] = x + drift[j]!));
    projector.update(engine, ids, 'center');
    const second = projector.take();
    let moved = 0;
    for (let j = 0; j < second.length; j++)
      moved = Math.max(moved, Math.abs(second[j]! - first[j]!));
    expect(moved).toBeLessThan(0.1);
  });
});

describe('createTrainer: background points', () => {
  it('setView with background sends one coords array: shown words first, then the background', async () => {
    const h = await initialised({ now: fakeClock() });
    const result = await h.trainer.setView({
      words: ['king'],
      top: 2,
      vectors: 'center',
      background: 40,
    });
    expect(result.shown.map((s) => s.word)).toContain('king');
    expect(result.background).toHaveLength(40);
    const words = [...result.shown.map((s) => s.word), ...result.background];
    expect(new Set(words).size).toBe(words.length);
    await stepAndDrain(h, 200);
    const frame = projected(h.frames).at(-1)!;
    expect(frame.coords).toHaveLength(2 * words.length);
    expect(frame.coords.every(Number.isFinite)).toBe(true);
  });
});
