/**
 * Reading a user's file as training text, with the reasons it can fail put in plain words. The
 * text is checked before it goes to the worker: a binary file (a PDF, an image) would otherwise
 * turn into a vocabulary of garbage.
 */
import { loadText, notify } from '../state/actions';

/** Files above this size are refused: the tokens would not fit comfortably in the tab. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why `text` (the start of a file) is not plain text, or null when it looks fine. */
export function binaryReason(text: string): string | null {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return 'it looks like a binary file, not plain text';
  const replaced = head.split('\uFFFD').length - 1;
  if (head.length > 0 && replaced / head.length > 0.05) return 'it is not UTF-8 text';
  return null;
}

/** Reads `file` and trains on it; any problem goes to the status line. */
export async function openTextFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    notify(`Could not open ${file.name}: it is larger than 64 MB.`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    notify(
      `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}.`,
    );
    return;
  }
  const reason = binaryReason(text);
  if (reason) {
    notify(`Could not open ${file.name}: ${reason}. Choose a .txt file.`);
    return;
  }
  if (text.trim() === '') {
    notify(`Could not open ${file.name}: it is empty.`);
    return;
  }
  await loadText(file.name, text);
}
