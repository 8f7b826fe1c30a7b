/**
 * `setConfig`'s rule: settings the running model can take (learning rate, K, window, schedule,
 * sub-sampling) apply at once; the others are stored and wait for a restart.
 */
import { validateConfig } from '../core/engine';
import type { LiveConfig, TrainConfig } from '../core/types';
import type { SetConfigResult } from './protocol';
import type { Run } from './run';

const LIVE_KEYS: readonly (keyof LiveConfig)[] = [
  'lr',
  'negatives',
  'window',
  'annealEvery',
  'sample',
];

/**
 * Merges `patch` into `config` and hands the live keys that differ from the running model's to
 * it (commands run between slices, so this lands on a slice boundary). Nothing changes when the
 * merged configuration is invalid: `errors` says why and `config` is the old one.
 */
export function applyConfig(
  config: TrainConfig,
  run: Run | null,
  patch: Partial<TrainConfig>,
): SetConfigResult & { config: TrainConfig } {
  const merged: TrainConfig = { ...config, ...patch };
  const errors = validateConfig(merged);
  if (errors.length > 0) return { config, applied: [], needsRestart: [], errors };
  const running: Readonly<TrainConfig> | undefined = run?.engine.config;
  const live: LiveConfig = {};
  const applied: (keyof LiveConfig)[] = [];
  const needsRestart: (keyof TrainConfig)[] = [];
  for (const key of Object.keys(patch) as (keyof TrainConfig)[]) {
    if (!running || running[key] === merged[key]) continue;
    if ((LIVE_KEYS as readonly string[]).includes(key)) {
      const liveKey = key as keyof LiveConfig;
      live[liveKey] = merged[liveKey];
      applied.push(liveKey);
    } else {
      needsRestart.push(key);
    }
  }
  if (run && applied.length > 0) run.engine.setLive(live);
  return { config: merged, applied, needsRestart, errors: [] };
}
