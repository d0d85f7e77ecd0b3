/**
 * `attest migrate`: applies pending migrations and stops. In a PostgreSQL deployment with two roles
 * it is the one command given DATABASE_OWNER_URL (the owner); it then grants DATABASE_URL's role
 * its rows, and the server runs with DATABASE_URL alone (docs/deploy.md).
 */
import { UsageError } from '../../core/errors.ts';
import { type Command, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (as DATABASE_OWNER_URL when set)',
  usage: '',
  options: { ...DATA_OPTION },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError('migrate takes no arguments');
    // Inside a running `attest serve` the server migrated when it started: nothing is pending.
    const applied = io.sharedStore ? [] : await withStore(args, io, async (store) => store.migrated);
    if (args.values.json) writeJson(io, { applied });
    else io.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'up to date\n');
    return 0;
  },
};
