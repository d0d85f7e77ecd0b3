/**
 * `attest audit log`: the entries, newest first, filtered like the web viewer (administrators).
 * `attest audit verify`: walks the hash chain end to end and compares it with the anchor file. It prints
 * the head and the anchor: record them somewhere the database's operators cannot write (a signed
 * e-mail, a printed log, a partner), so a rewrite of the whole chain would be caught by comparing with
 * it (see docs/protection.md).
 */
import { UsageError } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { verifyStoreAudit } from '../../services/audit/audit.ts';
import { AuditFilter, auditEntryJson, listAuditEntries } from '../../services/audit/log.ts';
import { type Command, expectPositionals, stringOption, writeJson } from '../command.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'read the audit log (administrators) or check its hash chain end to end',
  usage: 'log [--actor USER_ID] [--action A] [--record ID] [--before SEQ] [--limit N] | verify',
  options: {
    ...DATA_OPTION,
    actor: { type: 'string', description: 'log: only entries by this user id (or public, system)' },
    action: { type: 'string', description: 'log: only this action, e.g. user.disable' },
    record: { type: 'string', description: 'log: only entries about this record id or code' },
    before: { type: 'string', description: 'log: entries before this sequence number (the next page)' },
    limit: { type: 'string', description: 'log: at most this many entries (default 50, at most 200)' },
  },
  async run(args, io) {
    const [sub] = args.positionals;
    expectPositionals(
      args,
      1,
      sub === 'log' ? 'audit log takes options only' : 'audit verify takes no arguments',
    );
    if (sub === 'log') {
      const filter = parseWith(
        AuditFilter,
        Object.fromEntries(
          ['actor', 'action', 'record', 'before', 'limit']
            .map((name) => [name, stringOption(args, name)])
            .filter(([, value]) => value !== undefined),
        ),
        'option',
      );
      const page = await asSignedInUser(args, io, (db, actor) => listAuditEntries(db, actor, filter));
      if (args.values.json)
        writeJson(io, {
          entries: page.entries.map(auditEntryJson),
          nextBefore: page.nextBefore,
        });
      else
        for (const entry of page.entries)
          io.stdout.write(
            `${entry.seq}\t${entry.at.toISOString()}\t${entry.actor}\t${entry.action}\t${entry.outcome}\t${entry.recordId ?? ''}\n`,
          );
      return 0;
    }
    if (sub !== 'verify') throw new UsageError('expected a subcommand: log or verify');
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
