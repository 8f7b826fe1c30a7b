/**
 * The trainer with a Hogwild team (threads.ts): the helpers here are in-process helper runs that
 * train only when the test calls them, so every count is exact. Thread 0 is the trainer.
 */
import { describe, expect, it } from 'vitest';
import { TS_KERNEL } from '../core/kernel';
import { command, PARK, RUN, teamControl } from '../core/team';
import { SHARED_TS_KERNEL } from '../core/teamEngine';
import { createHelperRun, type HelperRun } from '../core/teamHelper';
import type { KernelChoice } from './kernelLoader';
import type { HelperMessage } from './teamWorkers';
import { everySlice, initialised, LONGER, stepAndDrain } from './testing/harness';
import type { TrainerOptions } from './trainerOptions';

const TEAM_CHOICE: KernelChoice = { backend: TS_KERNEL, note: '', team: SHARED_TS_KERNEL };

/** A spawner that keeps each helper's message and makes its run when the test first drives it. */
function fakeHelpers() {
  const spawned: { message: HelperMessage; isTerminated: boolean; run: HelperRun | null }[] = [];
  const spawnHelper: TrainerOptions['spawnHelper'] = (message) => {
    const entry = { message, isTerminated: false, run: null as HelperRun | null };
    spawned.push(entry);
    return { terminate: () => void (entry.isTerminated = true) };
  };
  const latest = () => spawned.at(-1)!;
  return {
    spawned,
    spawnHelper,
    /** The latest helper trains n tokens (as its worker would between two slices). */
    drive(n: number): number {
      const entry = latest();
      const { setup, handle, corpus } = entry.message;
      entry.run ??= createHelperRun(setup, corpus, SHARED_TS_KERNEL.attach(handle));
      return entry.run.train(n);
    },
    /** The command thread 0 gives its helpers now. */
    command(): number {
      const { setup, handle } = latest().message;
      return command(teamControl(handle as SharedArrayBuffer, setup.controlAt));
    },
  };
}

async function teamTrainer(threads = 2, choice: KernelChoice = TEAM_CHOICE) {
  const helpers = fakeHelpers();
  const h = await initialised(
    { ...everySlice(), loadKernel: async () => choice, spawnHelper: helpers.spawnHelper },
    { ...LONGER, threads },
  );
  return { h, helpers };
}

describe('trainer with two threads', () => {
  it('starts one helper, reports 2 threads, lets it run while playing and parks it on pause', async () => {
    const { h, helpers } = await teamTrainer();
    expect(helpers.spawned).toHaveLength(1);
    expect(helpers.spawned[0]!.message.kernel).toBe('ts');
    expect(h.last().threads).toBe(2);
    expect(helpers.command()).toBe(PARK);
    await h.trainer.play();
    expect(helpers.command()).toBe(RUN);
    h.tick();
    await h.trainer.pause();
    expect(helpers.command()).toBe(PARK);
  });

  it("folds the helper's words and losses into the run's counts and loss points", async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.play();
    h.tick();
    const before = h.last().unitsDone;
    const points = h.frames.reduce((n, f) => n + f.losses.length, 0);
    const helped = helpers.drive(5000);
    h.tick();
    const after = h.last();
    expect(helped).toBe(5000);
    expect(after.unitsDone).toBeGreaterThan(before + helped);
    expect(after.words).toBe(after.unitsDone);
    expect(h.frames.reduce((n, f) => n + f.losses.length, 0)).toBeGreaterThan(points);
  });

  it('a step settles the helpers first, then trains exactly n units on thread 0 alone', async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.play();
    h.tick();
    const helped = helpers.drive(3000);
    const before = h.last().unitsDone;
    await stepAndDrain(h, 10);
    expect(helpers.command()).toBe(PARK);
    expect(h.last()).toMatchObject({ status: 'paused', unitsDone: before + helped + 10 });
    await stepAndDrain(h, 7);
    expect(h.last().unitsDone).toBe(before + helped + 17);
  });

  it('the slow step pauses and draws its example with the helpers parked', async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.play();
    h.tick();
    helpers.drive(2000);
    const frame = await h.trainer.slowStep();
    expect(frame?.state).toBe('pending');
    expect(helpers.command()).toBe(PARK);
    // The helper's words were recorded before the example was drawn.
    expect(frame?.unitsDone).toBe(h.last().unitsDone);
  });

  it('a speed cap parks the helpers; lifting it lets them run again', async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.play();
    await h.trainer.setSpeed(1000);
    expect(helpers.command()).toBe(PARK);
    await h.trainer.setSpeed(null);
    expect(helpers.command()).toBe(RUN);
  });

  it('reset ends the old helpers and starts new ones; one thread asked for: none', async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.reset();
    expect(helpers.spawned.map((s) => s.isTerminated)).toEqual([true, false]);
    await h.trainer.setThreads(1);
    await h.trainer.reset();
    expect(helpers.spawned).toHaveLength(2);
    expect(helpers.spawned[1]!.isTerminated).toBe(true);
    expect(h.last().threads).toBe(1);
  });

  it('minibatch mode trains on one thread', async () => {
    const { h, helpers } = await teamTrainer();
    await h.trainer.setConfig({ mode: 'minibatch', iterations: 100 });
    await h.trainer.reset();
    expect(h.last().threads).toBe(1);
    expect(helpers.spawned).toHaveLength(1);
  });

  it('without a shared kernel (no isolation): one thread, and the corpus info says why', async () => {
    const helpers = fakeHelpers();
    const choice: KernelChoice = { ...TEAM_CHOICE, team: null, teamNote: 'Not isolated.' };
    const h = await initialised(
      { ...everySlice(), loadKernel: async () => choice, spawnHelper: helpers.spawnHelper },
      LONGER,
    );
    await h.trainer.setThreads(2);
    const result = await h.trainer.init({ ...LONGER, threads: 2 });
    expect(result.ok && result.corpus.kernelNote).toBe('Not isolated.');
    expect(h.last().threads).toBe(1);
    expect(helpers.spawned).toHaveLength(0);
  });
});
