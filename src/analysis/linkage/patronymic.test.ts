import { describe, expect, it } from 'vitest';
import { prepareRecords } from './comparisonVector.ts';
import { tokenSetSimilarity } from './nameSimilarity.ts';
import { isPatronymic, patronymicStem, splitPatronymic } from './patronymic.ts';
import { normaliseName } from './transliterate.ts';

const stem = (name: string) => patronymicStem(normaliseName(name));

describe('patronymics', () => {
  it.each([
    ['Ахмедович', 'akhmed'],
    ['Akhmedovna', 'akhmed'],
    ['Achmedowitsch', 'achmed'],
    ['Ahmedovic', 'ahmed'],
    ['Исаевич', 'isa'],
    ['Сергеевна', 'serge'],
    ['Sergeyevich', 'sergey'],
    ['Никитична', 'nikit'],
    ['Ахмед', 'akhmed'],
  ])('%s has the stem %s', (name, expected) => {
    expect(stem(name)).toBe(expected);
  });

  it('does not take short words or names for patronymics', () => {
    expect(isPatronymic('ovich')).toBe(false);
    expect(isPatronymic('ruslan')).toBe(false);
    expect(isPatronymic('ivanova')).toBe(false);
  });

  it('splits a patronymic out of a name field, never the first word', () => {
    expect(splitPatronymic(['ruslan', 'akhmedovich'], 2)).toEqual({
      rest: ['ruslan'],
      patronymic: 'akhmedovich',
    });
    expect(splitPatronymic(['abramovich'], 2)).toEqual({ rest: ['abramovich'], patronymic: null });
    // Фамилия Имя Отчество, with a surname that itself ends in -ович.
    expect(splitPatronymic(['abramovich', 'roman', 'arkadevich'], 3).patronymic).toBe('arkadevich');
    // Имя Отчество Фамилия: the earlier of two candidates.
    expect(splitPatronymic(['roman', 'arkadevich', 'abramovich'], 3)).toEqual({
      rest: ['roman', 'abramovich'],
      patronymic: 'arkadevich',
    });
    // A two-word full name is a given name and a surname, even if the second ends in -ович.
    expect(splitPatronymic(['roman', 'abramovich'], 3).patronymic).toBeNull();
  });

  it("compares a son's and a daughter's patronymic, and a bare father's name, as the same father", () => {
    const columns = ['id', 'given_name', 'surname', 'patronymic'];
    const roles = ['id', 'givenName', 'surname', 'middleName'] as const;
    const { records } = prepareRecords(
      columns,
      [...roles],
      [
        ['1', 'Руслан', 'Бакаев', 'Ахмедович'],
        ['2', 'Luiza', 'Bakaeva', 'Akhmedovna'],
        ['3', 'Ruslan', 'Bakajew', 'Achmed'],
        ['4', 'Руслан', 'Бакаев', 'Исаевич'],
      ],
    );
    const sim = (a: number, b: number) => tokenSetSimilarity(records[a]!.middle, records[b]!.middle)!;
    expect(sim(0, 1)).toBe(1);
    expect(sim(0, 2)).toBeGreaterThanOrEqual(0.93);
    expect(sim(0, 3)).toBeLessThan(0.7);
  });

  it('moves a patronymic typed into the given-name field to the middle name, adding the field', () => {
    const columns = ['id', 'given_name', 'surname'];
    const { fields, records } = prepareRecords(
      columns,
      ['id', 'givenName', 'surname'],
      [
        ['1', 'Руслан Ахмедович', 'Бакаев'],
        ['2', 'Ruslan', 'Bakaev'],
      ],
    );
    expect(fields.map((f) => f.name)).toEqual(['given', 'surname', 'middleName']);
    expect(records[0]!.given.map((t) => t.norm)).toEqual(['ruslan']);
    expect(records[0]!.middle.map((t) => t.norm)).toEqual(['akhmed']);
    // Present on one side only: no evidence either way (the level is missing).
    expect(records[1]!.middle).toEqual([]);
  });

  it('finds the patronymic inside a full name', () => {
    const { fields, records } = prepareRecords(
      ['id', 'фио'],
      ['id', 'name'],
      [
        ['1', 'Бакаев Руслан Ахмедович'],
        ['2', 'Абрамович Роман'],
      ],
    );
    expect(fields.map((f) => f.name)).toEqual(['name', 'middleName']);
    expect(records[0]!.surname.map((t) => t.norm)).toEqual(['bakaev', 'ruslan']);
    expect(records[0]!.middle.map((t) => t.norm)).toEqual(['akhmed']);
    expect(records[1]!.surname.map((t) => t.norm)).toEqual(['abramovich', 'roman']);
  });
});
