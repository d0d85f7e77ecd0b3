/**
 * `attest export [--format csv|json|xlsx|esf-json|acled-csv] [--public] <dir>`: the dataset for a partner, or with --public
 * for advocacy. Once accounts exist it signs in as ATTEST_USER (ATTEST_PASSWORD) and the role must
 * allow exports; the signed-in user's keys add person records to a partner export and check a public
 * one's texts against protected names.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type Actor, releaseActor } from '../../services/accounts/actor.ts';
import { EXPORT_FORMATS, type ExportFormat, exportDataset } from '../../services/export/dataset.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { signInOnceAccountsExist } from '../signIn.ts';
import { DATA_OPTION, operatingSystemUser, withStore } from '../storeOption.ts';

const isExportFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

export const exportCommand: Command = {
  name: 'export',
  summary: 'dataset export for partners; --public redacts personal data and drops protected fields',
  usage: `[--format ${EXPORT_FORMATS.join('|')}] [--public] <dir>`,
  options: {
    ...DATA_OPTION,
    format: {
      type: 'string',
      description:
        'csv (one file per record type, default), json, xlsx (a sheet per record type), esf-json (HURIDOCS ESF shape) or acled-csv (one row per act)',
    },
    public: {
      type: 'boolean',
      description: 'for publication: redact PII from every text, no persons, no staff identities',
    },
  },
  async run(args, io) {
    const [target, ...extra] = args.positionals;
    if (!target || extra.length > 0) throw new UsageError('give exactly one directory to export into');
    const format = stringOption(args, 'format') ?? 'csv';
    if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const isPublic = args.values.public === true;

    const report = await withStore(args, io, async (store) => {
      const actor: Actor | null = await signInOnceAccountsExist(store.db, io, 'export');
      try {
        return await exportDataset(
          store.db,
          { target: resolve(io.cwd, target), format, public: isPublic },
          { actor, exportedBy: actor?.email ?? operatingSystemUser() },
        );
      } finally {
        if (actor) releaseActor(actor);
      }
    });

    for (const warning of report.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    if (args.values.json) {
      writeJson(io, {
        files: report.files,
        records: report.records,
        redactions: report.redactions,
        suppressed: report.suppressed,
      });
    } else {
      io.stdout.write(
        `${isPublic ? 'public' : 'partner'} export: ${report.records} records in ${report.files.length} files` +
          `${isPublic ? `, ${report.redactions} redactions` : ''}, ${report.suppressed} statistics cells suppressed\n`,
      );
    }
    return 0;
  },
};
