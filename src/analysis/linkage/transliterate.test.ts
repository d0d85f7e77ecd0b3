import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSkeleton, normaliseName, vowelSkeleton } from './transliterate.ts';

const sameSkeleton = (names: string[]) => new Set(names.map(nameSkeleton)).size === 1;
const sameVowelSkeleton = (names: string[]) => new Set(names.map(vowelSkeleton)).size === 1;

describe('normaliseName', () => {
  it('romanises Cyrillic (Chechen palochka included), folds case and accents, keeps word breaks', () => {
    expect(normaliseName('Зелимхан')).toBe('zelimkhan');
    expect(normaliseName('ХАДИЖАТ')).toBe('khadizhat');
    expect(normaliseName('Хьалимат Ӏаьлиева')).toBe('khalimat alieva');
    expect(normaliseName('  José-María  O’Brien ')).toBe('jose maria o brien');
  });
});

describe('nameSkeleton', () => {
  it('gives one skeleton to the Cyrillic spelling and its romanisations', () => {
    expect(sameSkeleton(['Зелимхан', 'Zelimkhan', 'Zelimhan', 'Selimchan'])).toBe(true);
    expect(sameSkeleton(['Магомед', 'Magomed', 'Mahomed', 'Muhammad', 'Mohammed'])).toBe(true);
    expect(sameSkeleton(['Ахмед', 'Akhmed', 'Ahmed', 'Achmed'])).toBe(true);
    expect(sameSkeleton(['Руслан', 'Ruslan', 'RUSLAN'])).toBe(true);
    expect(sameSkeleton(['Кадыров', 'Kadyrov', 'Kadyroff', 'Kadyrow'])).toBe(true);
    expect(sameSkeleton(['Бакаева', 'Bakayeva', 'Bakaeva', 'Bakajewa'])).toBe(true);
    expect(sameSkeleton(['Шамиль', 'Shamil', 'Schamil'])).toBe(true);
    expect(sameSkeleton(['Цуев', 'Tsuev', 'Zuew'])).toBe(true);
    expect(sameSkeleton(['Хусейн', 'Khuseyn', 'Husein', 'Chusejn'])).toBe(true);
  });

  it('keeps clearly different names apart', () => {
    expect(nameSkeleton('Ruslan')).not.toBe(nameSkeleton('Rasul'));
    expect(nameSkeleton('Bakaev')).not.toBe(nameSkeleton('Basaev'));
    expect(nameSkeleton('Magomed')).not.toBe(nameSkeleton('Ahmed'));
  });

  it('is idempotent on its own output and never empty for a non-empty name (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'абвгджзхцчшщыьюяabcdhjkostuvyz '.split('')) }),
        (name) => {
          const skeleton = nameSkeleton(name);
          if (normaliseName(name) !== '') expect(skeleton.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('vowelSkeleton', () => {
  it('agrees across romanisations but tells apart names the vowel-free skeleton merges', () => {
    expect(sameVowelSkeleton(['Бакаев', 'Bakaev', 'Bakayev', 'Bakajew'])).toBe(true);
    expect(sameVowelSkeleton(['Марьям', 'Maryam', 'Mariam', 'Marjam'])).toBe(true);
    expect(sameVowelSkeleton(['Ильясов', 'Ilyasov', 'Iliasov', 'Iljasow'])).toBe(true);
    expect(nameSkeleton('Bakaev')).toBe(nameSkeleton('Bukaev'));
    expect(vowelSkeleton('Bakaev')).not.toBe(vowelSkeleton('Bukaev'));
  });
});
