/**
 * `attest restore FILE --data DIR`: checks the whole archive first, then loads it into a new or empty
 * data directory (and, with DATABASE_URL, an empty PostgreSQL database). Nothing is written when the
 * archive is damaged or the target is not empty.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Conflict, UsageError } from '../../core/errors.ts';
import { checkBackup, restoreBackup } from '../../services/backup/restore.ts';
import { type Command, commandStoreConfig, writeJson } from '../command.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Restore a backup made by attest backup into a new or empty data directory (with DATABASE_URL: an empty PostgreSQL database), after checking every byte against its manifest.',
  usage: '<file.tar.gz> --data <new-dir>',
  options: { ...DATA_OPTION },
  async run(args, io) {
    const [source, ...extra] = args.positionals;
    if (!source || extra.length > 0) throw new UsageError('give exactly one backup file to restore');
    const file = resolve(io.cwd, source);
    const manifest = await checkBackup(file);
    const { dataDir } = commandStoreConfig(args, io);
    const existed = existsSync(dataDir);
    if (existed && readdirSync(dataDir).length > 0)
      throw new Conflict(
        `data directory ${dataDir} is not empty: restore only into a new or empty directory`,
      );
    let report: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      report = await withStore(args, io, (store) => restoreBackup(store, file, manifest));
    } catch (error) {
      // The directory was new or empty a moment ago: what is in it now is this restore's, and half a
      // restore must not look like a data directory.
      for (const entry of existsSync(dataDir) ? readdirSync(dataDir) : [])
        rmSync(join(dataDir, entry), { recursive: true, force: true });
      if (!existed) rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    if (args.values.json) writeJson(io, { ...report, dataDir });
    else
      io.stdout.write(
        `restored ${report.rows} rows in ${report.tables} tables and ${report.originals} originals into ${dataDir}; audit head ${report.auditHead.seq} ${report.auditHead.hash}\nrun attest verify to check it\n`,
      );
    return 0;
  },
};
