/**
 * `attest import FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run] [--on-error stop|skip]`:
 * records kept in another tool (a spreadsheet, an Uwazi collection's CSV export) become incidents,
 * acts, protected persons and sources, in one transaction (services/import/). As ATTEST_USER, whose
 * role must record incidents (and add persons, when the file names victims).
 */

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Forbidden, InvalidInput, UsageError } from '../../core/errors.ts';
import { releaseActor } from '../../services/accounts/actor.ts';
import { type ImportReport, importFile, ON_ERROR, type OnError } from '../../services/import/importFile.ts';
import { parseImportMapping } from '../../services/import/importMapping.ts';
import { MAX_IMPORT_BYTES } from '../../services/import/readImportTable.ts';
import { allows, describeAccess } from '../../services/policies/index.ts';
import { type Command, stringOption, writeJson } from '../command.ts';
import { signIn } from '../signIn.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'import incidents, acts, protected persons and sources from CSV or XLSX with a column mapping',
  usage: 'FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run] [--on-error stop|skip]',
  options: {
    ...DATA_OPTION,
    mapping: { type: 'string', description: 'the column mapping (JSON; docs/import.md)' },
    'dry-run': { type: 'boolean', description: 'check and count every row, store nothing' },
    'on-error': {
      type: 'string',
      description: 'stop (default): a bad row stops the import, nothing stored; skip: store the valid rows',
    },
  },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one .csv or .xlsx file to import');
    const mappingPath = stringOption(args, 'mapping');
    if (!mappingPath) throw new UsageError('--mapping MAPPING.json is required (docs/import.md)');
    const onError = stringOption(args, 'on-error') ?? 'stop';
    if (!(ON_ERROR as readonly string[]).includes(onError))
      throw new UsageError('--on-error must be stop or skip');
    const mapping = readMapping(resolve(io.cwd, mappingPath), mappingPath);
    const path = resolve(io.cwd, file);
    const bytes = readImportFile(path, file);

    // Sealing and auditing take a moment per row: a thousand rows is a minute or two on PGlite.
    const bar = io.stderr.isTTY
      ? new SingleBar({ format: 'import [{bar}] {value}/{total} rows', stream: io.stderr })
      : null;
    const report = await withStore(args, io, async (store) => {
      const actor = await signIn(store.db, io);
      try {
        if (!allows(actor.role, 'review.apply'))
          throw new Forbidden(`a ${actor.role} may not import records (${describeAccess('review.apply')})`);
        return await importFile(
          store,
          actor,
          { fileName: file, bytes, mapping },
          { dryRun: args.values['dry-run'] === true, onError: onError as OnError },
          (done, total) => {
            if (!bar) return;
            if (done === 1) bar.start(total, 0);
            bar.update(done);
            if (done === total) bar.stop();
          },
        );
      } finally {
        releaseActor(actor);
      }
    });
    if (args.values.json) writeJson(io, report);
    else writeSummary(io.stdout, report);
    for (const error of args.values.json ? [] : report.errors)
      io.stderr.write(`attest: row ${error.row}, column ${error.column}: ${error.why}\n`);
    return report.stopped ? 1 : 0;
  },
};

function readMapping(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the mapping ${shown}`);
  }
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `the mapping ${shown} is not JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
  }
  try {
    parseImportMapping(mapping);
  } catch (error) {
    if (error instanceof InvalidInput) throw new UsageError(`the mapping ${shown}: ${error.message}`);
    throw error;
  }
  return mapping;
}

function readImportFile(path: string, shown: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`cannot read ${shown}`);
  }
  // Checked before reading: a mistaken path to a disk image should not be read into memory.
  if (size > MAX_IMPORT_BYTES)
    throw new InvalidInput(
      shown,
      `file too large (${(size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split the file)`,
    );
  return readFileSync(path);
}

function writeSummary(out: NodeJS.WritableStream, report: ImportReport): void {
  const { created } = report;
  const counts = `${created.incidents} incident(s), ${created.acts} act(s), ${created.persons} protected person(s), ${created.sources} source(s)`;
  if (report.dryRun && report.stopped) {
    out.write(
      `dry run: ${report.rows - report.valid} bad row(s) of ${report.rows}; the import would stop at the first and store nothing (--on-error skip would store the ${report.valid} valid rows); nothing stored\n`,
    );
  } else if (report.stopped) {
    out.write(
      `import stopped at a bad row: nothing stored (${report.rows} rows read; --on-error skip stores the valid rows)\n`,
    );
  } else if (report.dryRun) {
    out.write(
      `dry run: ${report.imported} of ${report.rows} rows would import: ${counts}; ${report.errors.length} bad row(s); nothing stored\n`,
    );
  } else {
    out.write(
      `imported ${report.imported} of ${report.rows} rows: ${counts}${report.skipped ? `; ${report.skipped} bad row(s) skipped` : ''}\n`,
    );
  }
  if (report.ignoredColumns.length > 0)
    out.write(`columns not mapped (ignored): ${report.ignoredColumns.join(', ')}\n`);
}
