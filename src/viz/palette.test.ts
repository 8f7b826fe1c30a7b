import { describe, expect, it } from 'vitest';
import { OKABE_ITO, UNGROUPED_COLOR, groupStyles } from './palette';

describe('palette', () => {
  it('is exactly the eight Okabe–Ito colours, no others', () => {
    expect([...OKABE_ITO].sort()).toEqual(
      [
        '#000000',
        '#E69F00',
        '#56B4E9',
        '#009E73',
        '#F0E442',
        '#0072B2',
        '#D55E00',
        '#CC79A7',
      ].sort(),
    );
  });

  it('gives a group the same style whatever the order of the word list', () => {
    const groups = ['royalty', 'animals', null, 'food', 'animals', 'weather', 'royalty'];
    const shuffled = ['food', null, 'weather', 'royalty', 'animals'];
    const a = groupStyles(groups);
    const b = groupStyles(shuffled);
    for (const g of ['royalty', 'animals', 'food', 'weather', null])
      expect(a.get(g)).toEqual(b.get(g));
  });

  it('keeps up to sixteen groups distinct: eight filled colours, then the same colours hollow', () => {
    const names = Array.from({ length: 16 }, (_, i) => `g${String(i).padStart(2, '0')}`);
    const styles = groupStyles(names);
    const keys = new Set(names.map((g) => `${styles.get(g)!.color}/${styles.get(g)!.isHollow}`));
    expect(keys.size).toBe(16);
    expect(names.slice(0, 8).every((g) => !styles.get(g)!.isHollow)).toBe(true);
    expect(names.slice(8).every((g) => styles.get(g)!.isHollow)).toBe(true);
    for (const g of names) expect(OKABE_ITO).toContain(styles.get(g)!.color);
  });

  it('draws ungrouped words (and groups beyond the sixteenth) in neutral grey', () => {
    const names = Array.from({ length: 17 }, (_, i) => `g${String(i).padStart(2, '0')}`);
    const styles = groupStyles([...names, null]);
    expect(styles.get(null)!.color).toBe(UNGROUPED_COLOR);
    expect(styles.get('g16')!.color).toBe(UNGROUPED_COLOR);
    expect(OKABE_ITO).not.toContain(UNGROUPED_COLOR);
  });
});
