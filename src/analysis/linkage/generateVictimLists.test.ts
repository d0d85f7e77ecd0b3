import { describe, expect, it } from 'vitest';
import { generateVictimLists } from './generateVictimLists.ts';

describe('generateVictimLists', () => {
  it('is deterministic for a seed and records its truth', () => {
    const a = generateVictimLists({ persons: 200, lists: 3, seed: 1, coverage: 0.5 });
    const b = generateVictimLists({ persons: 200, lists: 3, seed: 1, coverage: 0.5 });
    expect(a.rows).toEqual(b.rows);
    expect(a.entityOf.size).toBe(a.rows.length);
    expect(new Set(a.entityOf.values()).size).toBe(200);
    const c = generateVictimLists({ persons: 200, lists: 3, seed: 2, coverage: 0.5 });
    expect(c.rows).not.toEqual(a.rows);
  });

  it('writes names in Cyrillic and in Latin, with missing birth dates', () => {
    const { rows } = generateVictimLists({ persons: 500, lists: 3, seed: 5, coverage: 0.5 });
    const names = rows.map((row) => `${row[2]} ${row[3]}`);
    expect(names.some((name) => /[а-яА-Я]/.test(name))).toBe(true);
    expect(names.some((name) => /^[A-Za-z .]+$/.test(name))).toBe(true);
    expect(rows.some((row) => row[5] === '')).toBe(true);
  });
});
