import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_SIMILARITY,
  nameTokens,
  orientedNameSimilarity,
  SKELETON_SIMILARITY,
  tokenSetSimilarity,
  tokenSimilarity,
} from './nameSimilarity.ts';

const t = (name: string) => nameTokens(name);

describe('name comparators', () => {
  it('scores transliterations as near-exact and initials as weak agreement', () => {
    expect(tokenSimilarity(t('Зелимхан')[0]!, t('Selimchan')[0]!)).toBeGreaterThanOrEqual(
      SKELETON_SIMILARITY,
    );
    expect(tokenSimilarity(t('Z.')[0]!, t('Zelimkhan')[0]!)).toBe(INITIAL_SIMILARITY);
    expect(tokenSimilarity(t('Z.')[0]!, t('Ruslan')[0]!)).toBe(0);
  });

  it('matches token sets in any order, and extra tokens on the longer side cost nothing', () => {
    expect(tokenSetSimilarity(t('Bakaev Zelimkhan'), t('Zelimkhan Bakaev'))).toBe(1);
    expect(tokenSetSimilarity(t('Zelimkhan Bakaev'), t('Bakaev Zelimkhan Musaevich'))).toBe(1);
    expect(tokenSetSimilarity([], t('Bakaev'))).toBeNull();
  });

  it('detects given name and surname swapped between lists', () => {
    const result = orientedNameSimilarity(t('Бакаев'), t('Зелимхан'), t('Zelimkhan'), t('Bakaev'));
    expect(result.swapped).toBe(true);
    expect(result.given).toBeGreaterThanOrEqual(SKELETON_SIMILARITY);
    expect(result.surname).toBeGreaterThanOrEqual(SKELETON_SIMILARITY);
  });

  it('is symmetric, within [0, 1], and 1 for identical names (property)', () => {
    const name = fc
      .array(
        fc.constantFrom('Зелимхан', 'Zelimhan', 'Magomed', 'Muhammad', 'Z.', 'Bakaeva', 'ov', 'Ruslan', 'x'),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const s = tokenSetSimilarity(t(a), t(b))!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(tokenSetSimilarity(t(b), t(a))).toBeCloseTo(s, 12);
        expect(tokenSetSimilarity(t(a), t(a))).toBe(1);
      }),
    );
  });
});
