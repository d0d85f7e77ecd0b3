import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import { COMPARTMENT_CODE } from '../../core/codes.ts';
import { Forbidden, InvalidInput, UsageError } from '../../core/errors.ts';
import { OCR_LANGUAGES, parseOcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { type Environment, runtimeConfigFrom } from '../../runtime/config.ts';
import { releaseActor } from '../../services/accounts/actor.ts';
import { type EnqueueFilesOptions, enqueueFiles } from '../../services/jobs/enqueueIngest.ts';
import { openJobQueue } from '../../services/jobs/openJobQueue.ts';
import { ocrSettingsFrom } from '../../services/ocr/ocrSettings.ts';
import { allows, describeAccess } from '../../services/policies/index.ts';
import { createDecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import {
  decodeSettingsFrom,
  decodeWorkersFrom,
} from '../../services/sources/decodeSandbox/decodeSettings.ts';
import { checkIngestOptions, DEFAULT_MAX_FILE_BYTES } from '../../services/sources/ingest.ts';
import { ingestFiles } from '../../services/sources/ingestFiles.ts';
import { ingestSealed } from '../../services/sources/sealedSources.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { signInOnceAccountsExist } from '../signIn.ts';
import { DATA_OPTION, operatingSystemUser, withStore } from '../storeOption.ts';

/**
 * Worker threads decoding and extracting: --jobs, else ATTEST_DECODE_WORKERS, else every core (a
 * command has no requests to answer, unlike the server, whose default leaves it a core).
 */
function ingestJobs(args: ParsedArgs, env: Environment): number {
  const text = stringOption(args, 'jobs');
  if (text === undefined) return decodeWorkersFrom(env) ?? availableParallelism();
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError('--jobs expects a whole number from 1 to 64');
  return jobs;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary:
    'Preserve each file as a source (SHA-256; the same bytes twice are one source), extract its text and store suggestions.',
  usage:
    '[--sealed [--compartment C-0001] | --queue] [--published YYYY-MM-DD] [--title T] [--url U] [--ocr-language pt|en|es|ru|fr] [--jobs N] <file…|dir…>',
  options: {
    ...DATA_OPTION,
    published: {
      type: 'string',
      description: 'publication date; relative dates in the text resolve against it',
    },
    title: { type: 'string', description: 'title of the source (one file only)' },
    url: { type: 'string', description: 'where the source was published (one file only)' },
    sealed: {
      type: 'boolean',
      description:
        'sensitive (testimony, medical report): original, title, text and suggestions sealed under a compartment key; members only, every read audited',
    },
    compartment: {
      type: 'string',
      description: 'with --sealed: the compartment (default: the organisation’s)',
    },
    jobs: {
      type: 'string',
      description:
        'files decoded and extracted at once, in worker threads (default: ATTEST_DECODE_WORKERS, else one per core)',
    },
    queue: {
      type: 'boolean',
      description:
        'PostgreSQL: store each original now and queue its ingest for `attest worker` (prints the job ids)',
    },
    'ocr-language': {
      type: 'string',
      description:
        'language of scanned images and PDFs (pt, en, es, ru, fr); default: chosen from a first OCR pass',
    },
  },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('give at least one file or directory');
    const options = {
      published: stringOption(args, 'published'),
      title: stringOption(args, 'title'),
      url: stringOption(args, 'url'),
    };
    const sealed = args.values.sealed === true;
    const compartment = stringOption(args, 'compartment');
    if (compartment !== undefined && !sealed) throw new UsageError('--compartment goes with --sealed');
    if (compartment !== undefined && !COMPARTMENT_CODE.test(compartment))
      throw new UsageError('--compartment expects a code like C-0001');
    const ocrLanguageText = stringOption(args, 'ocr-language');
    const ocrLanguage = ocrLanguageText === undefined ? undefined : parseOcrLanguage(ocrLanguageText);
    if (ocrLanguage === null)
      throw new UsageError(`--ocr-language must be one of ${OCR_LANGUAGES.join(', ')}`);
    const ocrSettings = ocrSettingsFrom(io.env);
    try {
      checkIngestOptions(options);
    } catch (error) {
      throw error instanceof InvalidInput ? new UsageError(error.message) : error;
    }
    const maxBytes = runtimeConfigFrom(io.env).maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (args.values.queue === true) {
      if (sealed) throw new UsageError('--sealed cannot be queued: a worker holds no compartment key');
      return ingestQueued(args, io, { ...options, ocrLanguage, maxBytes });
    }
    const decoder = createDecodePool({ ...decodeSettingsFrom(io.env), workers: ingestJobs(args, io.env) });
    const bar = io.stderr.isTTY
      ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: io.stderr })
      : null;
    const report = await withStore(args, io, async (store) => {
      // "Captured by" is provenance: the signed-in account (as over HTTP), never a name anyone can type.
      const actor = await signInOnceAccountsExist(store.db, io, 'ingest');
      // Sealing needs a compartment key, which only a signed-in member holds.
      if (sealed && !actor)
        throw new UsageError('--sealed needs accounts and a compartment: run attest init first');
      try {
        // The source roles live with the HTTP route table until policies.ts takes them in.
        if (actor && !allows(actor.role, 'source.create'))
          throw new Forbidden(`a ${actor.role} may not ingest (${describeAccess('source.create')})`);
        return await ingestFiles(store, args.positionals, io.cwd, {
          ...options,
          capturedBy: actor?.userId ?? operatingSystemUser(),
          maxBytes,
          decoder,
          ...(sealed && actor
            ? {
                ingest: (target, input, ingestOptions) =>
                  ingestSealed(target, actor, input, { ...ingestOptions, compartment }),
              }
            : {}),
          ocrLanguage,
          ocrSettings,
          onProgress: (done, total, file) => {
            if (!bar) return;
            if (done === 1) bar.start(total, 0, { file: '' });
            bar.update(done, { file: file.slice(-40) });
            if (done === total) bar.stop();
          },
        });
      } finally {
        if (actor) releaseActor(actor);
      }
    }).finally(() => decoder.close());
    if (args.values.json) {
      writeJson(io, {
        sources: report.sources.map(
          ({
            id,
            sha256,
            duplicate,
            suggestions,
            file,
            language,
            title,
            notDecoded,
            sealed,
            noText,
            ocr,
          }) => ({
            id,
            sealed: sealed ?? null,
            sha256,
            duplicate,
            file,
            title,
            language,
            notDecoded,
            noText,
            ocr: ocr ?? null,
            suggestions,
          }),
        ),
        errors: report.errors,
      });
    } else {
      for (const source of report.sources) {
        const what = source.duplicate ? 'duplicate' : 'new      ';
        const detail = source.sealed
          ? `sealed in ${source.sealed.compartment}`
          : `${source.language}, ${source.suggestions.events.length} suggested events`;
        io.stdout.write(`${what} ${source.sha256.slice(0, 12)}  ${source.file}  (${detail})\n`);
      }
    }
    // Preserved but over a decoding limit: stored (not a failure), but a reviewer must know.
    for (const source of report.sources) {
      if (source.notDecoded)
        io.stderr.write(`attest: ${source.file}: preserved, not decoded: ${source.notDecoded}\n`);
      else if (source.noText && !source.duplicate)
        io.stderr.write(`attest: ${source.file}: preserved, no text: ${source.noText}\n`);
    }
    for (const failure of report.errors) io.stderr.write(`attest: ${failure.error}\n`);
    return report.errors.length > 0 ? 1 : 0;
  },
};

/** `--queue`: originals stored now, one job each for the workers; prints the job ids. */
async function ingestQueued(
  args: ParsedArgs,
  io: CommandIo,
  options: Omit<EnqueueFilesOptions, 'capturedBy'>,
): Promise<number> {
  const databaseUrl = runtimeConfigFrom(io.env).databaseUrl;
  if (!databaseUrl)
    throw new UsageError(
      '--queue needs PostgreSQL (DATABASE_URL) and `attest worker`; with the embedded database, ingest without --queue',
    );
  const report = await withStore(args, io, async (store) => {
    const actor = await signInOnceAccountsExist(store.db, io, 'ingest');
    try {
      if (actor && !allows(actor.role, 'source.create'))
        throw new Forbidden(`a ${actor.role} may not ingest (${describeAccess('source.create')})`);
      const queue = await openJobQueue(store, { databaseUrl, works: false });
      try {
        return await enqueueFiles(store, queue, args.positionals, io.cwd, {
          ...options,
          capturedBy: actor?.userId ?? operatingSystemUser(),
        });
      } finally {
        await queue.stop({ graceMs: 0 });
      }
    } finally {
      if (actor) releaseActor(actor);
    }
  });
  if (args.values.json) writeJson(io, report);
  else
    for (const job of report.jobs) {
      const what = job.jobId
        ? job.alreadyQueued
          ? `waiting ${job.jobId}`
          : `queued  ${job.jobId}`
        : 'source  ';
      const detail = job.existingSourceId ? `  (already source ${job.existingSourceId})` : '';
      io.stdout.write(`${what}  ${job.sha256.slice(0, 12)}  ${job.file}${detail}\n`);
    }
  for (const failure of report.errors) io.stderr.write(`attest: ${failure.error}\n`);
  return report.errors.length > 0 ? 1 : 0;
}
