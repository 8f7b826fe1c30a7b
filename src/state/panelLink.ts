/**
 * A link that opens one derivation panel: the page's own link (settings, seed, view) with the
 * panel added to `panels=` and its anchor, so a teacher can send students straight to it.
 */
import { configStore } from './configStore';
import { PANELS, type PanelId } from './panels';
import { serializeState, shareStateOf } from './urlSchema';

/** The query string and hash opening `id` on top of `state`'s open panels (pure). */
export function panelQuery(state: Parameters<typeof shareStateOf>[0], id: PanelId): string {
  const share = shareStateOf(state);
  const panels = PANELS.map((p) => p.id).filter((p) => p === id || share.panels.includes(p));
  return `?${serializeState({ ...share, panels })}#panel-${id}`;
}

/** The link for the page as it is now. */
export function panelHref(id: PanelId): string {
  return panelQuery(configStore.getState(), id);
}
