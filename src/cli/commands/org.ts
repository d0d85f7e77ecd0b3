/** `attest org key`: this installation's public key and fingerprint, for partners to send referrals to. */
import { UsageError } from '../../core/errors.ts';
import { organisationKey } from '../../services/referrals/referrals.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { writeNewFile } from '../fileOutput.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

export const orgCommand: Command = {
  name: 'org',
  summary: 'the organisation’s public key and fingerprint (give it to partners)',
  usage: 'key [--out FILE]',
  options: {
    ...DATA_OPTION,
    out: {
      type: 'string',
      description: 'also write the key as a file a partner passes to `referral create --to`',
    },
  },
  async run(args, io) {
    const [sub, ...extra] = args.positionals;
    if (sub !== 'key' || extra.length > 0) throw new UsageError('expected the subcommand: key');
    const key = await asSignedInUser(args, io, (db, actor) => organisationKey(db, actor));
    const out = stringOption(args, 'out');
    if (out) writeNewFile(io, out, `${JSON.stringify(key)}\n`);
    if (args.values.json) writeJson(io, key);
    else io.stdout.write(`public key:  ${key.publicKey}\nfingerprint: ${key.fingerprint}\n`);
    return 0;
  },
};
