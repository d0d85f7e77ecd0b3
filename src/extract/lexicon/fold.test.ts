import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold.ts';

describe('foldText', () => {
  it('lower-cases and drops Latin accents, ё → е, typographic apostrophes', () => {
    expect(foldText('Chechénia ÀÉÎÕÜ Ação Ёлка don’t')).toBe("chechenia aeiou acao елка don't");
  });

  it('keeps every offset: one code unit out for each in, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        (text) => foldText(text).length === text.length,
      ),
      { numRuns: 200 },
    );
    // Lower-casing "İ" natively gives two units: the unit-by-unit path must take over.
    expect(foldText('İstanbul').length).toBe('İstanbul'.length);
    expect(foldText('\uD800x\uDC00')).toBe('\uD800x\uDC00');
  });
});
