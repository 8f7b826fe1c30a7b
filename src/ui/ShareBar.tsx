import { useId, useState } from 'react';
import { copyLink } from '../state/actions';
import { configStore } from '../state/configStore';
import { HIDEABLE_CONTROLS } from '../state/registry';

/**
 * "Copy link" copies a link that reproduces this run (settings, corpus, seed, words). With
 * "Classroom link" ticked, the link also hides the controls chosen here, for a calmer screen.
 * A page opened from a classroom link starts with its hidden controls ticked, so passing the
 * link on keeps them hidden.
 */
export function ShareBar() {
  const id = useId();
  const [isClassroom, setIsClassroom] = useState(() => configStore.getState().hidden.length > 0);
  const [toHide, setToHide] = useState<string[]>(() => [...configStore.getState().hidden]);
  const toggle = (control: string): void =>
    setToHide((list) =>
      list.includes(control) ? list.filter((c) => c !== control) : [...list, control],
    );
  return (
    <div className="share-bar">
      <button type="button" onClick={() => void copyLink(isClassroom ? toHide : undefined)}>
        Copy link
      </button>
      <label className="inline">
        <input
          type="checkbox"
          checked={isClassroom}
          onChange={(e) => setIsClassroom(e.currentTarget.checked)}
          aria-controls={id}
        />
        Classroom link
      </label>
      {isClassroom && (
        <fieldset id={id} className="hide-list">
          <legend>Hide these controls in the link</legend>
          {HIDEABLE_CONTROLS.map((control) => (
            <label key={control.id} className="inline">
              <input
                type="checkbox"
                checked={toHide.includes(control.id)}
                onChange={() => toggle(control.id)}
              />
              {control.label}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
