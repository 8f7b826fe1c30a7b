/**
 * What the panels show is what the engine did: an example's displayed update is the weight change
 * it caused, its trace is a pure function of the example and the weights it carries, and the
 * gradient check passes on the correct gradient and catches a slipped sign, for every loss —
 * with the TypeScript kernel and with the WebAssembly one.
 */
import { describe, expect, it } from 'vitest';
import { wasmBackend } from '../../bench/wasmModule';
import { traceExample } from '../core/inspect/trace';
import type { LossId, ModeId, ModelId, TrainConfig } from '../core/types';
import { TOP_K } from './inspectFrames';
import { TS_CHOICE, type KernelChoice } from './kernelLoader';
import { SMALL, TEACHING, everySlice, initialised, stepAndDrain } from './testing/harness';
import { exampleOf, expectFrameApplied, listen, open } from './testing/inspect';

const D = SMALL.dim!;

const KERNELS: Record<string, KernelChoice> = {
  ts: TS_CHOICE,
  wasm: { backend: wasmBackend(), note: '' },
};

const RUNS: [ModelId, LossId, ModeId, string][] = Object.keys(KERNELS).flatMap((kernel) => [
  ['skipgram', 'ns', 'stream', kernel],
  ['cbow', 'hs', 'stream', kernel],
  ['skipgram', 'softmax', 'minibatch', kernel],
  ['cbow', 'ns', 'minibatch', kernel],
]);

async function running(model: ModelId, loss: LossId, mode: ModeId, kernel = 'ts') {
  const config: Partial<TrainConfig> = { ...SMALL, model, loss, mode, batchSize: 5 };
  const options = { ...everySlice(), loadKernel: async () => KERNELS[kernel]! };
  const h = await initialised(options, { ...TEACHING, config });
  const feed = listen(h);
  await open(h, true);
  // Non-trivial weights (the output matrix starts at zero).
  await stepAndDrain(h, mode === 'stream' ? 600 : 20);
  return { h, feed };
}

describe.each(RUNS)('the shown example is the trained one (%s/%s/%s, %s kernel)', (...run) => {
  const [model, loss, mode, kernel] = run;
  it('the update shown after a step is the weight change; the trace is a function of the example', async () => {
    const { h, feed } = await running(model, loss, mode, kernel);
    const shown = feed.examples().at(-1)!;
    expect(shown.state).toBe('trained');
    // The next draw carries the weights as the shown example left them.
    const next = (await h.trainer.slowStep())!;
    expectFrameApplied(shown, next, D);
    const { center, output } = shown.weights!;
    const weights = {
      centerVecs: center,
      outsideVecs: loss === 'hs' ? null : output,
      nodeVecs: loss === 'hs' ? output : null,
      tree: feed.contexts()[0]!.tree,
      dim: D,
    };
    const again = traceExample(exampleOf(shown.trace, SMALL.negatives ?? 5), weights, {
      cbowUpdate: shown.trace.cbowUpdate,
      schedule: shown.trace.schedule,
      topK: TOP_K,
    });
    expect(again).toEqual(shown.trace);
    expect(shown.trace.schedule).toBe(mode === 'stream' ? 'sequential' : 'window');
  });
});

const CHECKS = Object.keys(KERNELS).flatMap((kernel) =>
  (['ns', 'hs', 'softmax'] as LossId[]).map((loss) => [loss, kernel] as const),
);

describe.each(CHECKS)('gradcheck (%s, %s kernel)', (loss, kernel) => {
  it('passes on the correct gradient and fails with the sign dropped', async () => {
    const { h } = await running('skipgram', loss, 'stream', kernel);
    const good = (await h.trainer.gradcheck('none'))!;
    expect(good.check.passed).toBe(true);
    expect(good.targets.length).toBeGreaterThan(0);
    const bad = (await h.trainer.gradcheck('dropSign'))!;
    expect(bad.check.passed).toBe(false);
  });

  it('checks the pending example when there is one', async () => {
    const { h, feed } = await running('cbow', loss, 'minibatch', kernel);
    const pending = (await h.trainer.slowStep())!;
    const answer = (await h.trainer.gradcheck('none'))!;
    const words = feed.contexts()[0]!.words;
    expect(answer.center).toBe(words[pending.trace.center]);
    expect(answer.targets).toEqual([words[pending.trace.center]]);
    expect(answer.check.passed).toBe(true);
  });
});
