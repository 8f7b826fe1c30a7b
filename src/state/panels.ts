/**
 * The derivation panels, one table (the registry the URL, the panel list and the layout read).
 * `loss` marks the panels that belong to one loss: only the active loss's panel is offered.
 */
import type { LossId } from '../core/types';

export type PanelId =
  | 'model'
  | 'softmax'
  | 'sigmoid'
  | 'ns'
  | 'window'
  | 'hs'
  | 'sgd'
  | 'projection'
  | 'gradcheck'
  | 'weights';

export interface PanelSpec {
  id: PanelId;
  /** The heading (also the accessible name of its toggle). */
  title: string;
  /** The loss this panel explains; absent = every loss. */
  loss?: LossId;
}

/** In page order. */
export const PANELS: readonly PanelSpec[] = [
  { id: 'model', title: 'The model' },
  { id: 'softmax', title: 'Naive softmax', loss: 'softmax' },
  { id: 'sigmoid', title: 'The sigmoid' },
  { id: 'ns', title: 'Negative sampling', loss: 'ns' },
  { id: 'hs', title: 'Hierarchical softmax', loss: 'hs' },
  { id: 'window', title: 'Sums over the window' },
  { id: 'sgd', title: 'SGD and the schedule' },
  { id: 'projection', title: 'The projection' },
  { id: 'gradcheck', title: 'Gradient check' },
  { id: 'weights', title: 'The weights' },
];

export const PANEL_IDS: ReadonlySet<string> = new Set(PANELS.map((p) => p.id));

/** The panels offered for a loss, in page order. */
export function panelsFor(loss: LossId): PanelSpec[] {
  return PANELS.filter((p) => p.loss === undefined || p.loss === loss);
}
