/** `attest init`: the organisation, its keys and the first administrator; prints the recovery key once. */
import { UsageError } from '../../core/errors.ts';
import { initOrganisation } from '../../services/accounts/accounts.ts';
import { type Command, expectPositionals, stringOption, writeJson } from '../command.ts';
import { readPassword } from '../signIn.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'create the organisation, its keys and the first administrator (prints the recovery key once)',
  usage: '--org NAME --admin EMAIL',
  options: {
    ...DATA_OPTION,
    org: { type: 'string', description: 'organisation name' },
    admin: { type: 'string', description: 'e-mail address of the first administrator' },
  },
  async run(args, io) {
    const org = stringOption(args, 'org');
    const admin = stringOption(args, 'admin');
    if (!org || !admin) throw new UsageError('init needs --org and --admin');
    expectPositionals(args, 0, 'init takes only --org and --admin');
    const password = await readPassword(io, 'ATTEST_PASSWORD', `Choose a password for ${admin}: `, true);
    const result = await withStore(args, io, (store) =>
      initOrganisation(store.db, { name: org, adminEmail: admin, password }),
    );
    // The recovery key is never stored: this is the only time anyone sees it, in the JSON document
    // for scripts, or on stderr (kept out of redirected stdout) for people.
    if (args.values.json) {
      writeJson(io, {
        org,
        admin: admin.trim().toLowerCase(),
        compartment: result.compartment,
        recoveryKey: result.recoveryKey,
      });
    } else {
      io.stderr.write(
        `\nRECOVERY KEY (shown once; print it and lock it away — it opens the organisation's records):\n\n  ${result.recoveryKey}\n\n`,
      );
      io.stdout.write(
        `created organisation ${org} with administrator ${admin} (compartment ${result.compartment})\n`,
      );
    }
    return 0;
  },
};
