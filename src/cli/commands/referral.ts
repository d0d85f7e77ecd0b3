/**
 * `attest referral …`: seal a case's consented fields to a partner organisation, open a partner's
 * package into a new case, answer it, and import the answer. Packages are files people carry.
 */
import { parseFieldList, REFERRAL_REPLIES, type ReferralReply } from '../../core/casework.ts';
import { UsageError } from '../../core/errors.ts';
import {
  createReferral,
  importReferral,
  importReferralStatus,
  listReferrals,
  MAX_PACKAGE_BYTES,
  parsePartnerKey,
  replyToReferral,
} from '../../services/referrals/referrals.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { readTextFile, writeNewFile } from '../fileOutput.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

export const referralCommand: Command = {
  name: 'referral',
  summary: 'referrals to partner organisations: create, import, reply, import a status reply, list',
  usage: [
    'create CASE_ID --to KEY_FILE --fields LIST --out FILE',
    'import FILE',
    'reply REFERRAL_ID --status accepted|declined|closed --out FILE',
    'status FILE',
    'list [--case CASE_ID]',
  ].join('\n       | '),
  options: {
    ...DATA_OPTION,
    to: { type: 'string', description: 'the partner’s key file (`attest org key --json` output there)' },
    fields: { type: 'string', description: 'comma-separated person fields to share (each needs consent)' },
    out: { type: 'string', description: 'where to write the package (never overwrites)' },
    status: { type: 'string', description: `the answer: ${REFERRAL_REPLIES.join(', ')}` },
    case: { type: 'string', description: 'only referrals of this case (id)' },
  },
  async run(args, io) {
    const [sub, target, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`referral ${sub} takes one argument`);
    const need = (name: string) => {
      const value = stringOption(args, name);
      if (!value) throw new UsageError(`referral ${sub} needs --${name}`);
      return value;
    };
    const needTarget = (what: string) => {
      if (!target) throw new UsageError(`referral ${sub} needs ${what}`);
      return target;
    };
    let result: unknown;
    let line: string;
    if (sub === 'create') {
      const caseRef = needTarget('a case id');
      const { fields, unknown } = parseFieldList(need('fields'));
      if (unknown.length > 0) throw new UsageError(`unknown field(s) in --fields: ${unknown.join(', ')}`);
      if (fields.length === 0) throw new UsageError('--fields names no field');
      const out = need('out');
      const partnerKey = parsePartnerKey(readTextFile(io, need('to'), 64 * 1024));
      const made = await asSignedInUser(args, io, (db, actor) =>
        createReferral(db, actor, caseRef, partnerKey, { fields }),
      );
      const file = writeNewFile(io, out, made.package);
      result = {
        id: made.id,
        file,
        fields,
        partnerFingerprint: made.partnerFingerprint,
        senderFingerprint: made.senderFingerprint,
      };
      line = `referral ${made.id} sealed to ${made.partnerFingerprint}: ${file}`;
    } else if (sub === 'import') {
      const text = readTextFile(io, needTarget('a package file'), MAX_PACKAGE_BYTES);
      const imported = await asSignedInUser(args, io, (db, actor) => importReferral(db, actor, text));
      result = imported;
      line = `case ${imported.caseCode} (persons ${imported.persons.join(', ')}) from ${imported.senderFingerprint}`;
    } else if (sub === 'reply') {
      const referralId = needTarget('a referral id');
      const status = need('status');
      if (!REFERRAL_REPLIES.includes(status as ReferralReply))
        throw new UsageError(`--status must be one of ${REFERRAL_REPLIES.join(', ')}`);
      const out = need('out');
      const reply = await asSignedInUser(args, io, (db, actor) =>
        replyToReferral(db, actor, referralId, status as ReferralReply),
      );
      const file = writeNewFile(io, out, reply.package);
      result = { id: referralId, status: reply.status, file };
      line = `${reply.status}: ${file}`;
    } else if (sub === 'status') {
      const text = readTextFile(io, needTarget('a status reply file'), MAX_PACKAGE_BYTES);
      const status = await asSignedInUser(args, io, (db, actor) => importReferralStatus(db, actor, text));
      result = status;
      line = `referral ${status.referralId} (case ${status.caseCode}): ${status.status}`;
    } else if (sub === 'list') {
      if (target) throw new UsageError('referral list takes no positional argument');
      const referrals = await asSignedInUser(args, io, (db, actor) =>
        listReferrals(db, actor, stringOption(args, 'case')),
      );
      result = { referrals };
      line = referrals
        .map((r) => `${r.id}  ${r.direction}  ${r.case}  ${r.status}  ${r.partnerFingerprint}`)
        .join('\n');
    } else {
      throw new UsageError('expected a subcommand: create, import, reply, status or list');
    }
    if (args.values.json) writeJson(io, result);
    else io.stdout.write(`${line}\n`);
    return 0;
  },
};
