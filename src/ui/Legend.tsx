import type { GroupStyle } from '../viz/palette';

export interface LegendProps {
  /** One entry per group shown, in the order to list them (see `legendEntries`). */
  groups: readonly GroupStyle[];
}

/** Groups in style order (the palette's order), ungrouped words last. */
export function legendEntries(styles: Map<string | null, GroupStyle>): GroupStyle[] {
  return [...styles.values()].sort(
    (a, b) => a.styleId - b.styleId || String(a.group).localeCompare(String(b.group)),
  );
}

/** The colour key of the word map: a swatch (dot or ring, as drawn on the map) per group. */
export function Legend({ groups }: LegendProps) {
  if (!groups.some((g) => g.group !== null)) return null;
  return (
    <ul className="legend" aria-label="Word groups">
      {groups.map((g) => (
        <li key={g.group ?? ''}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <circle
              cx="6"
              cy="6"
              r={g.isHollow ? 4 : 5}
              fill={g.isHollow ? 'none' : g.color}
              stroke={g.isHollow ? g.color : 'rgba(0,0,0,0.45)'}
              strokeWidth={g.isHollow ? 2 : 0.75}
            />
          </svg>
          {g.group ?? 'other words'}
        </li>
      ))}
    </ul>
  );
}
