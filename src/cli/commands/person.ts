/**
 * `attest person add|show`: protected person records, as the user in ATTEST_USER / ATTEST_PASSWORD.
 * Errors name the problem, never a protected value.
 */
import { UsageError } from '../../core/errors.ts';
import { addPerson, showPerson } from '../../services/persons/persons.ts';
import { type Command, expectPositionals, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

export const personCommand: Command = {
  name: 'person',
  summary: 'add a protected person record, or show one decrypted (as ATTEST_USER)',
  usage:
    'add --name N [--alias A]… [--contact C]… [--birth-date YYYY-MM-DD] [--note T] [--sex S] [--gender-identity G] [--nationality N] [--occupation O] [--safety T] [--compartment C-0001] | show CODE',
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
        });
      } else {
        const lines = [
          `${person.code}  (compartment ${person.compartment})`,
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
    throw new UsageError('expected a subcommand: add or show');
  },
};
