import { describe, expect, it } from 'vitest';
import { sgd } from './sgd';
import type { SgdProgress } from './sgd';
import { expectArraysClose, expectClose } from './testing/expectClose';

/** J(x) = ½‖x‖², ∇J = x: one step multiplies x by (1 − α). */
const quadratic = (x: Float64Array) => ({
  loss: 0.5 * x.reduce((s, v) => s + v * v, 0),
  grad: x.slice(),
});

describe('sgd', () => {
  it('exact run on ½‖x‖²: x ← x − αx, α halved every 2 iterations, EMA 0.95/0.05', () => {
    const seen: SgdProgress[] = [];
    const r = sgd(quadratic, [8, -4], {
      step: 0.5,
      iterations: 6,
      annealEvery: 2,
      printEvery: 1,
      onProgress: (p) => seen.push(p),
    });
    // steps 0.5, 0.5, 0.25, 0.25, 0.125, 0.125: x = (8, −4)·0.5·0.5·0.75·0.75·0.875·0.875 (exact)
    expect(Array.from(r.x)).toEqual([0.861328125, -0.4306640625]);
    expect(r.step).toBe(0.0625);
    // raw losses 40, 10, 2.5, 1.40625, 0.791015625, 0.605621337890625 (before each update)
    expect(seen.map((p) => p.rawLoss)).toEqual([
      40, 10, 2.5, 1.40625, 0.791015625, 0.605621337890625,
    ]);
    expect(seen.map((p) => p.step)).toEqual([0.5, 0.5, 0.25, 0.25, 0.125, 0.125]);
    // EMA by hand: 40; 38.5; 36.7; 34.9353125; 33.22809765625; 31.596973840332031
    expectArraysClose(
      r.history,
      [40, 38.5, 36.7, 34.9353125, 33.22809765625, 31.59697384033203],
      1e-14,
    );
    expect(seen.map((p) => p.loss)).toEqual(Array.from(r.history));
  });

  it('smooths only at print points, as CS224n does: first value raw, then 0.95·prev + 0.05·J', () => {
    let calls = 0;
    const counting = (x: Float64Array) => ({ loss: ++calls, grad: new Float64Array(x.length) });
    const seen: number[] = [];
    const r = sgd(counting, [1], {
      step: 1,
      iterations: 25,
      onProgress: (p) => seen.push(p.iteration),
    });
    expect(seen).toEqual([10, 20]); // printEvery defaults to 10
    expectArraysClose(r.history, [10, 0.95 * 10 + 0.05 * 20], 1e-15);
  });

  it('anneals every 20 000 iterations by default: 0.3 → 0.075 after 40 000', () => {
    const flat = (x: Float64Array) => ({ loss: 0, grad: new Float64Array(x.length) });
    expect(sgd(flat, [0], { step: 0.3, iterations: 40000 }).step).toBe(0.075);
    expect(sgd(flat, [0], { step: 0.3, iterations: 39999 }).step).toBe(0.15);
    expect(sgd(flat, [0], { step: 0.3, iterations: 40000, annealEvery: 0 }).step).toBe(0.3);
  });

  it('is pure: x0 is untouched and the result is a new array', () => {
    const x0 = Float64Array.of(3, 4);
    const r = sgd(quadratic, x0, { step: 0.1, iterations: 3 });
    expect(Array.from(x0)).toEqual([3, 4]);
    expect(r.x).not.toBe(x0);
    expectClose(r.x[0]!, 3 * 0.9 ** 3, 1e-15);
  });

  it('NaN is not hidden: a NaN gradient makes x and the smoothed loss NaN', () => {
    const r = sgd((x) => ({ loss: x[0]!, grad: [NaN] }), [1], { step: 0.1, iterations: 20 });
    expect(r.x[0]).toBeNaN();
    expect(r.history[1]).toBeNaN();
  });

  it('rejects a bad printEvery and a gradient of the wrong length', () => {
    expect(() => sgd(quadratic, [1], { step: 1, iterations: 1, printEvery: 0 })).toThrow(
      RangeError,
    );
    expect(() => sgd(() => ({ loss: 0, grad: [1, 2] }), [1], { step: 1, iterations: 1 })).toThrow(
      RangeError,
    );
  });
});
