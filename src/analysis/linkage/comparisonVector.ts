/**
 * Turns records into what the model compares: per-record normalised fields (computed once), and per
 * pair a vector of discretised agreement levels, one per compared field. Discrete levels are what the
 * Fellegi–Sunter model with EM estimation needs (Winkler 1988; Christen 2012, §6.3): each level of each
 * field gets its own m and u probability, so the model learns, for instance, that agreement on sex
 * is cheap while agreement on a rare surname skeleton is strong evidence.
 */
import type { ColumnRole } from './columnRoles.ts';
import { compareDates, DATE_LEVELS, type PartialDate, parsePartialDate } from './compareDates.ts';
import { jaroWinkler } from './jaroWinkler.ts';
import { type NameToken, nameTokens, orientedNameSimilarity, tokenSetSimilarity } from './nameSimilarity.ts';
import { patronymicStem, splitPatronymic } from './patronymic.ts';
import { normaliseName } from './transliterate.ts';

/** Level value meaning "one side is missing": contributes no evidence. */
export const MISSING = 255;

export type FieldKind =
  | 'given'
  | 'surname'
  | 'name'
  | 'middleName'
  | 'birthDate'
  | 'sex'
  | 'source'
  | 'string';

export interface ComparedField {
  /** Name shown in parameters: the column, or given/surname for the oriented name pair. */
  name: string;
  kind: FieldKind;
  /** Labels of the agreement levels, most similar first. */
  levels: readonly string[];
  /** For kind 'string': which prepared string slot it reads. */
  slot?: number;
}

export interface PreparedRecord {
  given: NameToken[];
  surname: NameToken[];
  /** Patronymic stems (the father's name), from the middle-name column or split out of a name. */
  middle: NameToken[];
  /** Term-frequency keys of the name parts (see termFrequency.ts); null when empty or an initial. */
  keys: { given: string | null; surname: string | null; middle: string | null };
  birth: PartialDate | null;
  sex: 'm' | 'f' | null;
  /** The list (source) the record comes from, when a column says so. */
  source: string | null;
  strings: Array<string | null>;
}

export interface ComparisonSchema {
  fields: ComparedField[];
  records: PreparedRecord[];
}

const NAME_LEVELS = ['exact', 'phonetic', 'similar', 'weak', 'different'] as const;
const STRING_LEVELS = ['exact', 'typo', 'similar', 'different'] as const;

/**
 * Prepares records whose cells are aligned with `roles`. Columns with role id or ignore are unused.
 * A patronymic typed into the given-name field or inside a full name is moved to the middle name
 * (patronymic.ts), and a middle-name field is compared whenever any record has one.
 */
export function prepareRecords(columns: string[], roles: ColumnRole[], rows: string[][]): ComparisonSchema {
  const has = (role: ColumnRole) => roles.includes(role);
  const split = has('givenName') || has('surname');
  const stringColumns: number[] = [];
  roles.forEach((role, column) => {
    if (role === 'address' || role === 'postcode' || role === 'identifier') stringColumns.push(column);
  });

  const columnsOf = (role: ColumnRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const givenCols = columnsOf('givenName');
  const surnameCols = columnsOf('surname');
  const middleCols = columnsOf('middleName');
  const nameCols = columnsOf('name');
  const birthCols = columnsOf('birthDate');
  const sexCols = columnsOf('sex');
  const sourceCols = columnsOf('source');
  const joined = (row: string[], cols: number[]) => cols.map((c) => row[c] ?? '').join(' ');
  const words = (row: string[], cols: number[]) => {
    const norm = normaliseName(joined(row, cols));
    return norm === '' ? [] : norm.split(' ');
  };

  const records = rows.map((row): PreparedRecord => {
    let given: string[] = [];
    let surname: string[] = [];
    let patronymic: string | null = null;
    if (split) {
      given = words(row, givenCols);
      surname = words(row, surnameCols);
      if (given.length === 0 && surname.length === 0 && nameCols.length > 0) {
        // Only a full name on this row: first token as given name; orientation is decided per pair.
        const all = splitPatronymic(words(row, nameCols), 3);
        patronymic = all.patronymic;
        given = all.rest.slice(0, 1);
        surname = all.rest.slice(1);
      } else {
        const g = splitPatronymic(given, 2);
        given = g.rest;
        patronymic = g.patronymic;
      }
    } else {
      const all = splitPatronymic(words(row, nameCols), 3);
      surname = all.rest;
      patronymic = all.patronymic;
    }
    let middle = words(row, middleCols);
    if (middle.length === 0 && patronymic !== null) middle = [patronymic];
    const givenTokens = nameTokens(given.join(' '));
    const surnameTokens = nameTokens(surname.join(' '));
    const middleTokens = nameTokens(middle.map(patronymicStem).join(' '));
    const birthText = birthCols.map((c) => row[c] ?? '').find((v) => v.trim() !== '') ?? '';
    return {
      given: givenTokens,
      surname: surnameTokens,
      middle: middleTokens,
      keys: { given: tfKey(givenTokens), surname: tfKey(surnameTokens), middle: tfKey(middleTokens) },
      birth: parsePartialDate(birthText),
      sex: parseSex(joined(row, sexCols)),
      source: sourceCols.length === 0 ? null : joined(row, sourceCols).trim().toLowerCase() || null,
      strings: stringColumns.map((c) => {
        const norm = normaliseName(row[c] ?? '');
        return norm === '' ? null : norm;
      }),
    };
  });

  const fields: ComparedField[] = [];
  if (split) {
    fields.push({ name: 'given', kind: 'given', levels: NAME_LEVELS });
    fields.push({ name: 'surname', kind: 'surname', levels: NAME_LEVELS });
  } else if (has('name')) {
    fields.push({ name: 'name', kind: 'name', levels: NAME_LEVELS });
  }
  if (has('middleName') || records.some((r) => r.middle.length > 0))
    fields.push({ name: 'middleName', kind: 'middleName', levels: NAME_LEVELS });
  if (has('birthDate')) fields.push({ name: 'birthDate', kind: 'birthDate', levels: DATE_LEVELS });
  if (has('sex')) fields.push({ name: 'sex', kind: 'sex', levels: ['same', 'different'] });
  // Levels in the order of the evidence for a match: a person is usually on several lists but
  // rarely twice on one.
  if (has('source'))
    fields.push({ name: columns[sourceCols[0]!] ?? 'source', kind: 'source', levels: ['different', 'same'] });
  stringColumns.forEach((column, slot) => {
    fields.push({ name: columns[column] ?? `#${column}`, kind: 'string', levels: STRING_LEVELS, slot });
  });
  return { fields, records };
}

/**
 * The value a name part counts as for term frequencies: its tokens' vowel skeletons, sorted, so the
 * Cyrillic and romanised spellings of one name count together. An initial says nothing about which
 * name it abbreviates, so a part containing one has no key (and gets no adjustment).
 */
function tfKey(tokens: NameToken[]): string | null {
  if (tokens.length === 0 || tokens.some((t) => t.norm.length < 2)) return null;
  return tokens
    .map((t) => t.vskel)
    .sort()
    .join(' ');
}

function parseSex(value: string): 'm' | 'f' | null {
  const v = value.trim().toLowerCase();
  if (/^(m|male|man|м|муж|мужской|h|homme)$/.test(v)) return 'm';
  if (/^(f|female|woman|w|ж|жен|женский|femme)$/.test(v)) return 'f';
  return null;
}

export function nameLevel(similarity: number | null): number {
  if (similarity === null) return MISSING;
  if (similarity >= 0.999) return 0;
  if (similarity >= 0.93) return 1;
  if (similarity >= 0.85) return 2;
  if (similarity >= 0.7) return 3;
  return 4;
}

export function stringLevel(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  const jw = jaroWinkler(a, b);
  if (jw >= 0.92) return 1;
  if (jw >= 0.8) return 2;
  return 3;
}

/** How the name parts of a compared pair were lined up (which values the name levels compare). */
export const ORIENTATION = { straight: 0, swapped: 1, merged: 2 } as const;
export type Orientation = (typeof ORIENTATION)[keyof typeof ORIENTATION];

/**
 * Writes the agreement levels of records a and b into `out` (length = fields.length) and returns how
 * given name and surname were lined up: straight, swapped (a's surname against b's given name), or
 * merged (one side lacks one part, so all name tokens were compared as one set, reported as surname).
 */
export function compareRecords(schema: ComparisonSchema, a: number, b: number, out: Uint8Array): Orientation {
  const ra = schema.records[a]!;
  const rb = schema.records[b]!;
  let oriented: ReturnType<typeof orientedNameSimilarity> | null = null;
  const fields = schema.fields;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    switch (field.kind) {
      case 'given':
      case 'surname': {
        oriented ??= orientedNameSimilarity(ra.given, ra.surname, rb.given, rb.surname);
        out[f] = nameLevel(field.kind === 'given' ? oriented.given : oriented.surname);
        break;
      }
      case 'name':
        out[f] = nameLevel(tokenSetSimilarity(ra.surname, rb.surname));
        break;
      case 'middleName':
        out[f] = nameLevel(tokenSetSimilarity(ra.middle, rb.middle));
        break;
      case 'birthDate':
        out[f] = ra.birth && rb.birth ? compareDates(ra.birth, rb.birth) : MISSING;
        break;
      case 'sex':
        out[f] = ra.sex && rb.sex ? (ra.sex === rb.sex ? 0 : 1) : MISSING;
        break;
      case 'source':
        out[f] = ra.source && rb.source ? (ra.source === rb.source ? 1 : 0) : MISSING;
        break;
      case 'string':
        out[f] = stringLevel(ra.strings[field.slot!]!, rb.strings[field.slot!]!);
        break;
    }
  }
  if (oriented === null) return ORIENTATION.straight;
  if (oriented.given === null) return ORIENTATION.merged;
  return oriented.swapped ? ORIENTATION.swapped : ORIENTATION.straight;
}
