import { useEffect, useState } from 'react';
import { openTextFile } from './openTextFile';

/** True while something is dragged over the page. */
const hasFiles = (event: DragEvent): boolean =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * A file dropped anywhere on the page is opened as training text. Returns whether a drag is in
 * progress, so the page can show where to drop.
 */
export function useFileDrop(): boolean {
  const [isDragging, setIsDragging] = useState(false);
  useEffect(() => {
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setIsDragging(true);
    };
    const onLeave = (event: DragEvent): void => {
      // Leaving the window (not just a child element) has no related target.
      if (event.relatedTarget === null) setIsDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setIsDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openTextFile(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return isDragging;
}
