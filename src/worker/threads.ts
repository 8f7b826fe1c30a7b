/**
 * The trainer's side of training on several threads: how many the user asked for, what the next
 * model gets, and when its helpers may train. The trainer worker itself is thread 0: it keeps
 * doing the frames, projections, losses and the panels' feed, and trains between them; the
 * helpers train only while thread 0 trains freely (playing, no speed cap). Pause, steps, the slow
 * step, the gradient check and the panels' examples run on thread 0 alone, the helpers parked.
 */
import { MAX_THREADS } from '../core/team';
import type { TrainConfig } from '../core/types';
import type { KernelChoice } from './kernelLoader';
import { settleTeam, type Run, type TeamOptions } from './run';
import type { SpawnHelper } from './teamWorkers';

/**
 * The trainer's thread setting over its current run (`run`); `isFree` tells whether thread 0 trains
 * freely now. `spawn` starts a helper worker (none: always one thread).
 */
export function createThreads(
  spawn: SpawnHelper | undefined,
  run: () => Run | null,
  isFree: () => boolean,
) {
  let requested = 1;
  /**
   * Lets the run's helpers train while thread 0 trains freely; otherwise parks them and records
   * their last chunks, so a paused picture is final and a step starts from an exact count.
   */
  const sync = (): void => {
    const current = run();
    if (!current?.team) return;
    if (isFree()) current.team.run();
    else settleTeam(current);
  };
  return {
    sync,
    /** Threads for the next models: a whole number from 1 to MAX_THREADS (others are clamped). */
    set(threads: number): void {
      const n = Math.floor(threads);
      requested = Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_THREADS) : 1;
    },
    /** The team of a model of `config` on `choice`: undefined means one thread. */
    teamFor(config: TrainConfig, choice: KernelChoice): TeamOptions | undefined {
      if (requested < 2 || config.mode !== 'stream' || !choice.team || !spawn) return undefined;
      return { threads: requested, backend: choice.team, spawn };
    },
    /**
     * The kernel's note, and why the models get one thread although more were asked for (both
     * '' when there is nothing to say).
     */
    note(choice: KernelChoice): string {
      const isMissing = requested > 1 && spawn && !choice.team;
      return [choice.note, isMissing ? choice.teamNote : ''].filter(Boolean).join(' ');
    },
    /**
     * Runs `task` on thread 0 alone: the helpers parked and their work recorded first (see
     * `settleTeam`); then they go on if the loop still trains freely.
     */
    alone<T>(task: () => T): T {
      const current = run();
      if (!current?.team) return task();
      settleTeam(current);
      try {
        return task();
      } finally {
        sync();
      }
    },
  };
}
