/**
 * What each input column means for linkage, inferred from its header so that lists exported by
 * different organisations (and the FEBRL benchmark files) work without configuration. Headers are
 * compared after lower-casing and folding spaces, dashes and dots to underscores; Russian headers are
 * recognised too. Unknown columns are ignored rather than guessed at: comparing a column whose
 * meaning is unknown (a list name, a free-text note) adds noise, not evidence. Callers can override
 * any inference with an explicit role.
 */
import { InvalidInput } from '../../core/errors.ts';

export const COLUMN_ROLES = [
  'id',
  'givenName',
  'surname',
  'middleName',
  'name',
  'birthDate',
  'sex',
  'address',
  'postcode',
  'identifier',
  'source',
  'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

const HEADER_ROLES: Array<[ColumnRole, string[]]> = [
  ['id', ['id', 'rec_id', 'record_id', 'recid']],
  ['givenName', ['given_name', 'first_name', 'firstname', 'forename', 'given', 'имя']],
  ['surname', ['surname', 'last_name', 'lastname', 'family_name', 'familyname', 'фамилия']],
  ['middleName', ['middle_name', 'patronymic', 'father_name', 'отчество']],
  ['name', ['name', 'full_name', 'fullname', 'person_name', 'victim_name', 'victim', 'фио']],
  [
    'birthDate',
    ['birth_date', 'date_of_birth', 'dob', 'birthdate', 'born', 'birth', 'year_of_birth', 'дата_рождения'],
  ],
  ['sex', ['sex', 'gender', 'пол']],
  // Which organisation's list a row comes from: a list rarely names one person twice.
  ['source', ['list', 'list_name', 'source_list', 'dataset', 'список']],
  ['postcode', ['postcode', 'post_code', 'postal_code', 'zip', 'zipcode', 'zip_code']],
  [
    'address',
    [
      'address',
      'street',
      'street_number',
      'address_1',
      'address_2',
      'suburb',
      'city',
      'town',
      'village',
      'locality',
      'settlement',
      'district',
      'region',
      'state',
      'place_of_birth',
      'birth_place',
      'адрес',
      'село',
    ],
  ],
  [
    'identifier',
    [
      'soc_sec_id',
      'ssn',
      'passport',
      'passport_number',
      'national_id',
      'document_number',
      'phone',
      'phone_number',
    ],
  ],
];

const BY_HEADER = new Map<string, ColumnRole>(
  HEADER_ROLES.flatMap(([role, headers]) => headers.map((header) => [header, role] as const)),
);

export function canonicalHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_');
}

/** The role a header implies, or 'ignore'. */
export function inferColumnRole(header: string): ColumnRole {
  return BY_HEADER.get(canonicalHeader(header)) ?? 'ignore';
}

/**
 * Roles for every column: explicit overrides first (by exact header), then inference. The id column
 * is whichever the caller named, else the first inferred `id` column.
 */
export function assignColumnRoles(
  headers: string[],
  overrides: Record<string, ColumnRole> = {},
): ColumnRole[] {
  for (const column of Object.keys(overrides)) {
    if (!headers.includes(column)) throw new InvalidInput(`role ${column}`, 'no such column in the header');
  }
  return headers.map((header) => overrides[header] ?? inferColumnRole(header));
}

/** Parses `column=role` as given on the command line. */
export function parseRoleOverride(text: string): [string, ColumnRole] {
  const at = text.lastIndexOf('=');
  const column = text.slice(0, at);
  const role = text.slice(at + 1) as ColumnRole;
  if (at <= 0 || !COLUMN_ROLES.includes(role)) {
    throw new InvalidInput('--role', `expected COLUMN=ROLE with ROLE one of ${COLUMN_ROLES.join(', ')}`);
  }
  return [column, role];
}
