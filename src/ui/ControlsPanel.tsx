import { useStore } from 'zustand';
import type { TrainConfig } from '../core/types';
import { setMinCount, setSpeed } from '../state/actions';
import { configStore } from '../state/configStore';
import { MIN_COUNT, SPEED } from '../state/registry';
import { formatCount, formatRate } from './format';
import { SettingField } from './SettingField';
import { Slider } from './Slider';
import { ThreadsField } from './ThreadsField';
import { linearScale, logScale, withSpecialEnd } from './sliderScale';

/** The settings, grouped the way a lesson introduces them. */
const GROUPS: { title: string; keys: (keyof TrainConfig)[] }[] = [
  { title: 'What is trained', keys: ['model', 'loss', 'mode', 'cbowUpdate'] },
  { title: 'Sizes', keys: ['dim', 'window', 'negatives'] },
  { title: 'Learning', keys: ['lr', 'annealEvery', 'sample'] },
  { title: 'How long', keys: ['epochs', 'iterations', 'batchSize'] },
  { title: 'Randomness', keys: ['seed'] },
];

const MIN_COUNT_SCALE = withSpecialEnd(linearScale(1, MIN_COUNT.max), null, true);
const SPEED_SCALE = withSpecialEnd(logScale(SPEED.min, SPEED.max), null, false);

function MinCountSlider() {
  const minCount = useStore(configStore, (s) => s.minCount);
  const isPending = useStore(configStore, (s) => s.pendingRestart.includes('minCount'));
  return (
    <Slider
      label={MIN_COUNT.label}
      explain={MIN_COUNT.explain}
      value={minCount}
      scale={MIN_COUNT_SCALE}
      format={(v) => (v === null ? 'corpus default' : formatCount(v))}
      onChange={setMinCount}
      badge={isPending ? 'waits for restart' : undefined}
    />
  );
}

function SpeedSlider() {
  const speed = useStore(configStore, (s) => s.speed);
  const unit = useStore(configStore, (s) => (s.config.mode === 'stream' ? 'words' : 'iterations'));
  return (
    <Slider
      label={SPEED.label}
      explain={SPEED.explain}
      value={speed}
      scale={SPEED_SCALE}
      format={(v) => (v === null ? 'full speed' : `${formatRate(v)} ${unit}/s`)}
      onChange={(v) => void setSpeed(v)}
    />
  );
}

/** Every setting of the run, each with its explanation; a classroom link may hide some. */
export function ControlsPanel() {
  const hidden = useStore(configStore, (s) => s.hidden);
  const isShown = (id: string): boolean => !hidden.includes(id);
  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Settings</h2>
      <p className="hint">
        Rate, window, K, sub-sampling and the halving schedule change the running model at once; the
        others wait for “Restart to apply”.
      </p>
      {GROUPS.map((group) => {
        const keys = group.keys.filter(isShown);
        if (keys.length === 0) return null;
        return (
          <fieldset key={group.title} className="group">
            <legend>{group.title}</legend>
            {keys.map((key) => (
              <SettingField key={key} settingKey={key} />
            ))}
          </fieldset>
        );
      })}
      {(isShown('minCount') || isShown('speed') || isShown('threads')) && (
        <fieldset className="group">
          <legend>Corpus and pace</legend>
          {isShown('minCount') && <MinCountSlider />}
          {isShown('speed') && <SpeedSlider />}
          {isShown('threads') && <ThreadsField />}
        </fieldset>
      )}
    </section>
  );
}
