/** `attest compartment list|create|add-member|remove-member|rotate`: who holds which compartment key. */
import { UsageError } from '../../core/errors.ts';
import {
  addCompartmentMember,
  createCaseCompartment,
  removeCompartmentMember,
  rotateCompartmentKey,
} from '../../services/compartments/compartments.ts';
import { listCompartments } from '../../services/compartments/list.ts';
import { type Command, expectPositionals, stringOption, writeJson } from '../command.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

export const compartmentCommand: Command = {
  name: 'compartment',
  summary:
    'case compartments: list them with their members, create, add or remove a member (removal rotates the key), rotate the key',
  usage:
    'list | create | add-member --email E [--compartment C] | remove-member --email E [--compartment C] | rotate [--compartment C]',
  options: {
    ...DATA_OPTION,
    compartment: { type: 'string', description: 'compartment code (default: the organisation’s)' },
    email: { type: 'string', description: 'the member’s e-mail address' },
  },
  async run(args, io) {
    const [sub] = args.positionals;
    expectPositionals(args, 1, `compartment ${sub} takes options only`);
    const compartment = stringOption(args, 'compartment');
    const email = stringOption(args, 'email');
    const needEmail = () => {
      if (!email) throw new UsageError(`compartment ${sub} needs --email`);
      return email;
    };
    let result: Record<string, unknown>;
    if (sub === 'list') {
      const compartments = await asSignedInUser(args, io, (db, actor) => listCompartments(db, actor));
      if (args.values.json) writeJson(io, { compartments });
      else
        for (const c of compartments)
          io.stdout.write(`${c.code}\t${c.kind}\t${c.members.map((m) => m.email).join(', ')}\n`);
      return 0;
    }
    if (sub === 'create') {
      result = await asSignedInUser(args, io, (db, actor) => createCaseCompartment(db, actor));
    } else if (sub === 'add-member') {
      const member = needEmail();
      await asSignedInUser(args, io, (db, actor) => addCompartmentMember(db, actor, compartment, member));
      result = { compartment: compartment ?? 'organisation', added: member };
    } else if (sub === 'remove-member') {
      const member = needEmail();
      const rotation = await asSignedInUser(args, io, (db, actor) =>
        removeCompartmentMember(db, actor, compartment, member),
      );
      result = { compartment: compartment ?? 'organisation', removed: member, ...rotation };
    } else if (sub === 'rotate') {
      result = await asSignedInUser(args, io, (db, actor) => rotateCompartmentKey(db, actor, compartment));
    } else {
      throw new UsageError('expected a subcommand: list, create, add-member, remove-member or rotate');
    }
    if (args.values.json) writeJson(io, result);
    else
      io.stdout.write(
        `${Object.entries(result)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\n')}\n`,
      );
    return 0;
  },
};
