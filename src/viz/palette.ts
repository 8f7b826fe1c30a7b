/**
 * Group colours for the word map: the Okabe–Ito palette, designed to stay distinguishable under
 * the common forms of colour-vision deficiency (Okabe & Ito, "Color Universal Design", 2002).
 *
 * It has eight colours. A ninth group and beyond reuse them as hollow rings, so up to sixteen
 * groups stay distinct without leaving the safe set. Words without a group are drawn in grey.
 */

/** The Okabe–Ito colours, ordered so the most distinct (and darkest) come first. */
export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
];

/** Colour of words that belong to no group. */
export const UNGROUPED_COLOR = '#8d8d95';

/** How one group is drawn. */
export interface GroupStyle {
  group: string | null;
  color: string;
  /** Drawn as a ring instead of a dot (groups beyond the eighth). */
  isHollow: boolean;
  /** Index into the style table, used to batch drawing by style. */
  styleId: number;
}

/** Distinct styles available: each colour filled, then each colour hollow. */
export const STYLE_COUNT = OKABE_ITO.length * 2 + 1;
/** The style id of ungrouped words. */
export const UNGROUPED_STYLE_ID = STYLE_COUNT - 1;

/**
 * Assigns a style to every group present. The groups are sorted by name, so a group gets the same
 * colour however the word list is ordered and however often it is rebuilt.
 */
export function groupStyles(groups: readonly (string | null)[]): Map<string | null, GroupStyle> {
  const names = [...new Set(groups.filter((g): g is string => g !== null))].sort();
  const styles = new Map<string | null, GroupStyle>();
  const limit = OKABE_ITO.length * 2;
  names.forEach((group, i) => {
    if (i < limit) {
      const color = OKABE_ITO[i % OKABE_ITO.length]!;
      styles.set(group, { group, color, isHollow: i >= OKABE_ITO.length, styleId: i });
    } else {
      // More groups than distinct styles: the rest are shown as ungrouped rather than confusable.
      styles.set(group, ungrouped(group));
    }
  });
  if (groups.includes(null)) styles.set(null, ungrouped(null));
  return styles;
}

function ungrouped(group: string | null): GroupStyle {
  return { group, color: UNGROUPED_COLOR, isHollow: false, styleId: UNGROUPED_STYLE_ID };
}
