/**
 * `attest audit verify`: walks the hash chain end to end and compares it with the anchor file. It prints
 * the head and the anchor: record them somewhere the database's operators cannot write (a signed
 * e-mail, a printed log, a partner), so a rewrite of the whole chain would be caught by comparing with
 * it (see docs/protection.md).
 */
import { UsageError } from '../../core/errors.ts';
import { verifyStoreAudit } from '../../services/audit.ts';
import { type Command, expectPositionals, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check the audit log’s hash chain end to end',
  usage: 'verify',
  options: { ...DATA_OPTION },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub !== 'verify') throw new UsageError('expected a subcommand: verify');
    expectPositionals(args, 1, 'audit verify takes no arguments');
    const verdict = await withStore(args, io, verifyStoreAudit);
    const anchorLine = verdict.anchor
      ? `anchor (audit-anchor.log): ${verdict.anchor.seq} ${verdict.anchor.hash}\n`
      : 'anchor (audit-anchor.log): none yet (it is written at the next audited action)\n';
    if (verdict.ok) {
      if (args.values.json) writeJson(io, verdict);
      else
        io.stdout.write(
          `audit chain ok: ${verdict.entries} entries; head ${verdict.headSeq} ${verdict.headHash}\n${anchorLine}`,
        );
      return 0;
    }
    if (args.values.json)
      writeJson(io, {
        ok: false,
        firstBadEntry: verdict.firstBadEntry,
        reason: verdict.reason,
        anchor: verdict.anchor,
      });
    else io.stdout.write(anchorLine);
    io.stderr.write(`attest: audit chain broken at entry ${verdict.firstBadEntry}: ${verdict.reason}\n`);
    return 1;
  },
};
