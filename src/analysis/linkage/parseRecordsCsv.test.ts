import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../core/errors.ts';
import { parseRecordsCsv } from './parseRecordsCsv.ts';

const failure = (text: string, options = {}) => {
  try {
    parseRecordsCsv(text, { source: 'v.csv', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).message;
  }
  throw new Error('expected InvalidInput');
};

describe('parseRecordsCsv', () => {
  it('reads FEBRL-style headers with spaces and infers column roles', () => {
    const table = parseRecordsCsv(
      'rec_id, given_name, surname, date_of_birth, postcode, notes\nrec-1-org, sarah, bruhn, 19300213, 4510, x\n',
    );
    expect(table.idColumn).toBe('rec_id');
    expect(table.roles).toEqual(['id', 'givenName', 'surname', 'birthDate', 'postcode', 'ignore']);
    expect(table.records[0]).toEqual({
      id: 'rec-1-org',
      line: 2,
      values: ['rec-1-org', 'sarah', 'bruhn', '19300213', '4510', 'x'],
    });
  });

  it('takes the id column from --id and role overrides', () => {
    const table = parseRecordsCsv('key,familia,imya\nk1,Бакаев,Зелимхан\n', {
      idColumn: 'key',
      roles: { familia: 'surname', imya: 'givenName' },
    });
    expect(table.roles).toEqual(['id', 'surname', 'givenName']);
  });

  it('names the row and column of what is wrong', () => {
    expect(failure('')).toMatch(/v\.csv: the file is empty/);
    expect(failure('name,surname\nA,B\n')).toMatch(/no id column/);
    expect(failure('id,name\n1,A\n', { idColumn: 'key' })).toMatch(/no column named key/);
    expect(failure('id,name\n1,A\n2,B\n1,C\n')).toMatch(
      /v\.csv line 4 column id: duplicate id \(first used on line 2\)/,
    );
    expect(failure('id,name\n1,A\n2,B,extra\n')).toMatch(/v\.csv line 3: has 3 fields but the header has 2/);
    expect(failure('id,name\n,A\n')).toMatch(/line 2 column id: the id is empty/);
    expect(failure('id,name\n')).toMatch(/no records/);
    expect(failure('id,name,name\n1,a,b\n')).toMatch(/column name appears twice/);
  });
});
