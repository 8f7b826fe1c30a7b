import { useEffect } from 'react';
import { step, togglePlay } from '../state/actions';

/** Focus in a form control: keys belong to it (typing, moving a slider, pressing a button). */
function isInControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName);
}

/** Space plays or pauses, → steps one unit; not while focus is in a control. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isInControl(event.target)) return;
      if (event.key === ' ' && !event.repeat) {
        event.preventDefault();
        void togglePlay();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        void step(1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
