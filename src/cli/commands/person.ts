/**
 * `attest person add|show|edit|history|merge`: protected person records, as the user in ATTEST_USER /
 * ATTEST_PASSWORD. Errors name the problem, never a protected value.
 */
import { UsageError } from '../../core/errors.ts';
import { type PersonPatch, personHistory, updatePerson } from '../../services/persons/personEdits.ts';
import { mergePersons } from '../../services/persons/personMerge.ts';
import { addPerson, PERSON_FIELDS, type PersonField, showPerson } from '../../services/persons/persons.ts';
import { type Command, expectPositionals, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

// Option name → field, for the options that take one value.
const TEXT_OPTIONS = {
  name: 'name',
  'birth-date': 'birthDate',
  note: 'note',
  sex: 'sex',
  'gender-identity': 'genderIdentity',
  nationality: 'nationality',
  occupation: 'occupation',
  safety: 'safety',
} as const satisfies Record<string, PersonField>;

/**
 * The fields the options give (for `edit`: only those; `--clear F` empties one). Their shapes are
 * checked by the service's schema, which names the field and never the value.
 */
function givenFields(args: ParsedArgs): Omit<PersonPatch, 'version' | 'reason'> {
  const fields: Partial<Record<PersonField, string | string[] | null>> = {};
  for (const [option, field] of Object.entries(TEXT_OPTIONS)) {
    const value = stringOption(args, option);
    if (value !== undefined) fields[field] = value;
  }
  if (args.values.alias !== undefined) fields.aliases = listOption(args, 'alias');
  if (args.values.contact !== undefined) fields.contacts = listOption(args, 'contact');
  for (const field of listOption(args, 'clear')) {
    if (!(PERSON_FIELDS as readonly string[]).includes(field) || field === 'name')
      throw new UsageError(`--clear takes a field other than name: ${PERSON_FIELDS.slice(1).join(', ')}`);
    fields[field as PersonField] = field === 'aliases' || field === 'contacts' ? [] : null;
  }
  return fields as Omit<PersonPatch, 'version' | 'reason'>;
}

export const personCommand: Command = {
  name: 'person',
  summary: 'add, show, correct or merge a protected person record, or show its corrections (as ATTEST_USER)',
  usage:
    'add --name N [--alias A]… [--contact C]… [--birth-date YYYY-MM-DD] [--note T] [--sex S] [--gender-identity G] [--nationality N] [--occupation O] [--safety T] [--compartment C-0001] | show CODE | edit CODE --version V [field options as for add] [--clear FIELD]… [--reason R] | history CODE | merge CODE --into CODE --version V --into-version V --reason R',
  options: {
    ...DATA_OPTION,
    name: { type: 'string', description: 'full name (protected)' },
    alias: { type: 'string', multiple: true, description: 'another name (protected; repeatable)' },
    contact: {
      type: 'string',
      multiple: true,
      description: 'phone, e-mail, address (protected; repeatable)',
    },
    'birth-date': { type: 'string', description: 'YYYY-MM-DD (protected)' },
    note: { type: 'string', description: 'free text (protected)' },
    sex: { type: 'string', description: 'ESF: sex (protected)' },
    'gender-identity': { type: 'string', description: 'ESF: gender identity (protected)' },
    nationality: { type: 'string', description: 'ESF: nationality (protected)' },
    occupation: { type: 'string', description: 'ESF: occupation (protected)' },
    safety: { type: 'string', description: 'anything the person’s safety depends on (protected)' },
    compartment: { type: 'string', description: 'case compartment code (default: the organisation’s)' },
    version: {
      type: 'string',
      description: 'edit, merge: the version the correction was made on (from show --json)',
    },
    clear: {
      type: 'string',
      multiple: true,
      description: 'edit: empty this field (birthDate, aliases, note…; repeatable)',
    },
    reason: { type: 'string', description: 'edit, merge: why, kept in the sealed history' },
    into: { type: 'string', description: 'merge: the code of the record that stays (same compartment)' },
    'into-version': { type: 'string', description: 'merge: the version of that record, as compared' },
  },
  async run(args, io) {
    const [sub, code, ...extra] = args.positionals;
    if (sub === 'add') {
      const name = stringOption(args, 'name');
      if (!name) throw new UsageError('person add needs --name');
      expectPositionals(args, 1, 'person add takes options only');
      const result = await asSignedInUser(args, io, (db, actor) =>
        addPerson(db, actor, {
          name,
          aliases: listOption(args, 'alias'),
          contacts: listOption(args, 'contact'),
          birthDate: stringOption(args, 'birth-date') ?? null,
          note: stringOption(args, 'note') ?? null,
          sex: stringOption(args, 'sex') ?? null,
          genderIdentity: stringOption(args, 'gender-identity') ?? null,
          nationality: stringOption(args, 'nationality') ?? null,
          occupation: stringOption(args, 'occupation') ?? null,
          safety: stringOption(args, 'safety') ?? null,
          compartment: stringOption(args, 'compartment'),
        }),
      );
      if (args.values.json) writeJson(io, result);
      else io.stdout.write(`${result.code}\n`);
      return 0;
    }
    if (sub === 'show') {
      if (!code || extra.length > 0) throw new UsageError('person show takes one person code, e.g. V-0001');
      const person = await asSignedInUser(args, io, (db, actor) => showPerson(db, actor, code));
      if (args.values.json) {
        writeJson(io, {
          code: person.code,
          name: person.name,
          aliases: person.aliases,
          contacts: person.contacts,
          note: person.note,
          birthDate: person.birthDate,
          sex: person.sex,
          genderIdentity: person.genderIdentity,
          nationality: person.nationality,
          occupation: person.occupation,
          safety: person.safety,
          compartment: person.compartment,
          version: person.version,
        });
      } else {
        const lines = [
          `${person.code}  (compartment ${person.compartment}, version ${person.version})`,
          `name:       ${person.name}`,
          `aliases:    ${person.aliases.join('; ')}`,
          `contacts:   ${person.contacts.join('; ')}`,
          `birth date: ${person.birthDate ?? ''}`,
          `note:       ${person.note ?? ''}`,
          `sex:        ${person.sex ?? ''}`,
          `gender:     ${person.genderIdentity ?? ''}`,
          `nationality: ${person.nationality ?? ''}`,
          `occupation: ${person.occupation ?? ''}`,
          `safety:     ${person.safety ?? ''}`,
        ];
        io.stdout.write(`${lines.join('\n')}\n`);
      }
      return 0;
    }
    if (sub === 'edit') {
      if (!code || extra.length > 0) throw new UsageError('person edit takes one person code, e.g. V-0001');
      const version = stringOption(args, 'version');
      if (!version) throw new UsageError('person edit needs --version (the version shown by person show)');
      const result = await asSignedInUser(args, io, (db, actor) =>
        updatePerson(db, actor, code, {
          ...givenFields(args),
          version: Number(version),
          reason: stringOption(args, 'reason') ?? null,
        }),
      );
      if (args.values.json) writeJson(io, result);
      else io.stdout.write(`${result.id} version ${result.version}\n`);
      return 0;
    }
    if (sub === 'history') {
      if (!code || extra.length > 0)
        throw new UsageError('person history takes one person code, e.g. V-0001');
      const versions = await asSignedInUser(args, io, (db, actor) => personHistory(db, actor, code));
      const entries = versions.map((entry) => ({
        version: entry.version,
        change: entry.change,
        by: entry.changedByEmail ?? entry.changedBy,
        at: entry.changedAt.toISOString(),
        before: entry.before,
        after: entry.after,
        reason: entry.reason,
      }));
      if (args.values.json) writeJson(io, entries);
      else
        for (const entry of entries)
          io.stdout.write(
            `${entry.version}  ${entry.at}  ${entry.by}  ${Object.keys(entry.after ?? {}).join(', ')}${entry.reason ? `  (${entry.reason})` : ''}\n`,
          );
      return 0;
    }
    if (sub === 'merge') {
      if (!code || extra.length > 0) throw new UsageError('person merge takes one person code, e.g. V-0002');
      const into = stringOption(args, 'into');
      const version = stringOption(args, 'version');
      const intoVersion = stringOption(args, 'into-version');
      const reason = stringOption(args, 'reason');
      if (!into || !version || !intoVersion || !reason)
        throw new UsageError('person merge needs --into, --version, --into-version and --reason');
      const result = await asSignedInUser(args, io, (db, actor) =>
        mergePersons(db, actor, code, {
          into,
          version: Number(version),
          intoVersion: Number(intoVersion),
          reason,
        }),
      );
      if (args.values.json) writeJson(io, result);
      else
        io.stdout.write(
          `${result.code} merged into ${result.into} (involvements moved: ${result.moved}, duplicates withdrawn: ${result.collapsed}, cases: ${result.cases})\n`,
        );
      return 0;
    }
    throw new UsageError('expected a subcommand: add, show, edit, history or merge');
  },
};
