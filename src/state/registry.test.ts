import { describe, expect, it } from 'vitest';
import { defaultConfig, validateConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import { APP_DEFAULT_CONFIG } from './configStore';
import {
  HIDEABLE_CONTROLS,
  LOSSES,
  MODELS,
  MODES,
  SETTING_KEYS,
  SETTINGS,
  checkSetting,
  notApplicableReason,
} from './registry';

describe('registry', () => {
  it('has exactly one entry per TrainConfig key, each under its own key', () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(defaultConfig()).sort());
    for (const key of SETTING_KEYS) expect(SETTINGS[key].key).toBe(key);
  });

  it('uses the accessible names the end-to-end tests look for', () => {
    const labels = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].label]));
    expect(labels).toMatchObject({
      model: 'Model',
      loss: 'Loss',
      mode: 'Training mode',
      dim: 'Dimension',
      window: 'Window',
      negatives: 'Negatives K',
      lr: 'Learning rate',
      sample: 'Sub-sampling',
      epochs: 'Epochs',
      iterations: 'Iterations',
      batchSize: 'Batch size',
      seed: 'Seed',
    });
  });

  it('every setting and choice has a one-line explanation', () => {
    const lines = [
      ...SETTING_KEYS.map((k) => SETTINGS[k].explain),
      ...[...MODELS, ...LOSSES, ...MODES].map((c) => c.explain),
    ];
    for (const line of lines) {
      expect(line.length).toBeGreaterThan(10);
      expect(line).not.toContain('\n');
    }
  });

  it('marks as live exactly the settings a running engine takes (LiveConfig)', () => {
    const live = SETTING_KEYS.filter((k) => SETTINGS[k].isLive).sort();
    expect(live).toEqual(['annealEvery', 'lr', 'negatives', 'sample', 'window']);
  });

  it('every value the registry accepts at its range ends is one the engine accepts', () => {
    for (const key of SETTING_KEYS) {
      const spec = SETTINGS[key];
      const values = spec.kind === 'choice' ? spec.choices.map((c) => c.id) : [spec.min, spec.max];
      for (const value of values) {
        expect(checkSetting(spec, value)).toBeNull();
        expect(validateConfig({ ...APP_DEFAULT_CONFIG, [key]: value } as TrainConfig)).toEqual([]);
      }
    }
  });

  it('the app defaults and both presets sit inside the slider ranges', () => {
    for (const key of SETTING_KEYS) {
      expect(checkSetting(SETTINGS[key], APP_DEFAULT_CONFIG[key])).toBeNull();
      expect(checkSetting(SETTINGS[key], defaultConfig()[key])).toBeNull();
    }
  });

  it('rejects NaN, fractions, out-of-range numbers and unknown choices in plain words', () => {
    expect(checkSetting(SETTINGS.seed, Number.NaN)).toBe('Seed must be a number.');
    expect(checkSetting(SETTINGS.dim, 2.5)).toBe('Dimension must be a whole number.');
    expect(checkSetting(SETTINGS.lr, 11)).toBe('Learning rate must be from 0.0001 to 10.');
    expect(checkSetting(SETTINGS.lr, 0)).not.toBeNull();
    expect(checkSetting(SETTINGS.sample, 0)).toBeNull();
    expect(checkSetting(SETTINGS.model, 'rnn')).toBe('Model must be one of skipgram, cbow.');
  });

  it('explains why a setting does not apply to the current mode, loss or model', () => {
    const config = defaultConfig();
    expect(notApplicableReason(SETTINGS.negatives, config)).toBeNull();
    expect(notApplicableReason(SETTINGS.negatives, { ...config, loss: 'hs' })).toBe(
      'Only used with negative sampling.',
    );
    expect(notApplicableReason(SETTINGS.batchSize, config)).toBe(
      'Only used in CS224n minibatches mode.',
    );
    expect(notApplicableReason(SETTINGS.epochs, { ...config, mode: 'minibatch' })).not.toBeNull();
    expect(notApplicableReason(SETTINGS.cbowUpdate, config)).toBe('Only used with CBOW.');
  });

  it('a classroom link can hide every setting, and the ids are unique', () => {
    const ids = HIDEABLE_CONTROLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const key of SETTING_KEYS) expect(ids).toContain(key);
  });
});
