/**
 * Keeps the address bar in step with the config store: `history.replaceState` (no new history
 * entries), debounced so dragging a slider writes once when it settles.
 */
import type { ConfigStore } from './configStore';
import { serializeState, shareStateOf } from './urlSchema';

/** Milliseconds of quiet before the URL is written. */
export const URL_WRITE_DELAY_MS = 300;

/** Writes the query string (without "?") somewhere; the app replaces the page's URL. */
export type QueryWriter = (query: string) => void;

/** The page's writer: same path, new query, the hash kept. */
export function replacePageQuery(query: string): void {
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}?${query}${hash}`);
}

/**
 * Writes the store's query string at once (so the seed is in the URL from the start), then again
 * `delayMs` after the last change that alters it. Returns the function that stops syncing.
 */
export function startUrlSync(
  store: ConfigStore,
  write: QueryWriter = replacePageQuery,
  delayMs = URL_WRITE_DELAY_MS,
): () => void {
  let written = serializeState(shareStateOf(store.getState()));
  write(written);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const query = serializeState(shareStateOf(store.getState()));
    if (query === written) return;
    written = query;
    write(query);
  };
  const unsubscribe = store.subscribe(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
