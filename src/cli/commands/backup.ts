/** `attest backup FILE`: an online, consistent backup of the store into one archive file. */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { backupStore } from '../../services/backup/backup.ts';
import { type Command, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Write an online, consistent backup (every table, the originals and a manifest of SHA-256s) to one .tar.gz file; the server may keep running.',
  usage: '<file.tar.gz>',
  options: { ...DATA_OPTION },
  async run(args, io) {
    const [target, ...extra] = args.positionals;
    if (!target || extra.length > 0) throw new UsageError('give exactly one backup file to write');
    const report = await withStore(args, io, (store) => backupStore(store, resolve(io.cwd, target)));
    if (args.values.json) writeJson(io, report);
    else
      io.stdout.write(
        `backup written: ${report.file} (${report.rows} rows in ${report.tables} tables, ${report.originals} originals, ${report.bytes} bytes; audit head ${report.auditHead.seq})\n`,
      );
    return 0;
  },
};
