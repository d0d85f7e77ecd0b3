/**
 * `attest extract`: suggestions for one text, or for many in one process, nothing stored
 * (docs/extraction.md). Reads a file or stdin, decodes it as ingest would (so offsets match what
 * ingest stores), runs the pure extractor and prints one JSON document or a short readable summary.
 * Given several files or a folder, it prints one JSON line per file, named by its path.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InvalidInput, UsageError } from '../../core/errors.ts';
import type { Suggestions } from '../../core/suggestions.ts';
import { decodeDocument } from '../../decode/decodeDocument.ts';
import { DecodeLimitExceeded } from '../../decode/decodeLimits.ts';
import { extract, isValidIsoDate } from '../../extract/extract.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { readFileBytesSync, readInputBytes } from '../readInput.ts';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'suggest events, claims, interventions and PII for one text (no storage)',
  usage: '[--published YYYY-MM-DD] [--lang CODE] [--json] <file|-|folder> [file|folder…]',
  options: {
    published: { type: 'string', description: 'publication date (YYYY-MM-DD) for relative dates' },
    lang: { type: 'string', description: 'ISO 639-1 language code; skips detection' },
  },
  async run(args: ParsedArgs, io: CommandIo): Promise<number> {
    const published = stringOption(args, 'published');
    if (published !== undefined && !isValidIsoDate(published)) {
      throw new UsageError(`--published must be a date written YYYY-MM-DD (got '${published.slice(0, 20)}')`);
    }
    const lang = stringOption(args, 'lang');
    if (lang !== undefined && !/^[a-z]{2,3}$/.test(lang)) {
      throw new UsageError(`--lang must be an ISO 639-1 code such as pt (got '${lang.slice(0, 20)}')`);
    }
    const paths = args.positionals;
    const [path] = paths;
    if (!path) throw new UsageError('extract needs a file, a folder or - for stdin');
    const options = { published: published ?? null, ...(lang ? { lang } : {}) };
    const files = await listInputs(paths, io.cwd);
    if (files === null) {
      const { label, text, suggestions } = await extractFile(path, io, options);
      if (args.values.json) writeJson(io, suggestions);
      else io.stdout.write(renderSummary(label, text, suggestions));
      return 0;
    }
    return extractBatch(files, io, options, args.values.json === true);
  },
};

type Options = { published: string | null; lang?: string };

async function extractFile(
  path: string,
  io: CommandIo,
  options: Options,
  inBatch = false,
): Promise<{ label: string; text: string; suggestions: Suggestions }> {
  const { label, bytes } = inBatch ? readFileBytesSync(path, io) : await readInputBytes(path, io);
  // Nothing is stored here, so a file over a decoding limit is simply refused, naming the limit.
  const document = await decodeDocument(bytes, label).catch((error: unknown) => {
    throw error instanceof DecodeLimitExceeded ? new InvalidInput(label, error.message) : error;
  });
  for (const warning of document.warnings) io.stderr.write(`attest: ${label}: ${warning}\n`);
  return { label, text: document.text, suggestions: extract(document.text, options) };
}

/**
 * The files of a batch, in order, or null for the single-input form (one file or stdin). A folder is
 * read recursively, in name order, skipping hidden entries; stdin cannot be part of a batch.
 */
async function listInputs(paths: readonly string[], cwd: string): Promise<string[] | null> {
  const kinds = await Promise.all(
    paths.map((p) =>
      p === '-'
        ? null
        : stat(resolve(cwd, p)).then(
            (s) => s.isDirectory(),
            () => false,
          ),
    ),
  );
  if (paths.length === 1 && kinds[0] !== true) return null;
  if (paths.includes('-')) throw new UsageError('extract reads stdin (-) alone, not in a batch of files');
  const files: string[] = [];
  for (const [i, path] of paths.entries()) {
    if (!kinds[i]) {
      files.push(path);
      continue;
    }
    const entries = await readdir(resolve(cwd, path), { recursive: true, withFileTypes: true });
    const inside = entries
      .filter((e) => e.isFile())
      .map((e) => relative(resolve(cwd, path), join(e.parentPath, e.name)))
      .filter((name) => !name.split(sep).some((part) => part.startsWith('.')))
      .sort();
    files.push(...inside.map((name) => join(path, name)));
  }
  return files;
}

/** How often a long batch says how far it has come (on stderr, so stdout stays JSON lines). */
const PROGRESS_EVERY = 1000;

/**
 * One process for many files: one JSON line per file (`file` plus the suggestions), or an `error`
 * line naming what went wrong with that file; the others still run. Exit 1 when any file failed.
 */
async function extractBatch(
  files: string[],
  io: CommandIo,
  options: Options,
  json: boolean,
): Promise<number> {
  let failed = 0;
  for (const [i, file] of files.entries()) {
    try {
      const { label, text, suggestions } = await extractFile(file, io, options, true);
      io.stdout.write(
        json ? `${JSON.stringify({ file, ...suggestions })}\n` : renderSummary(label, text, suggestions),
      );
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      failed++;
      io.stderr.write(`attest: ${error.message}\n`);
      if (json) io.stdout.write(`${JSON.stringify({ file, error: error.message })}\n`);
    }
    if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < files.length)
      io.stderr.write(`attest: extract: ${i + 1} of ${files.length} files\n`);
  }
  return failed > 0 ? 1 : 0;
}

function clip(text: string, length = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function renderSummary(label: string, text: string, s: Suggestions): string {
  const lines = [`${label}: language ${s.language}${s.published ? `, published ${s.published}` : ''}`, ''];
  lines.push(`Events (${s.events.length})`);
  for (const e of s.events) {
    const count = e.victims
      ? [
          e.victims.min === null
            ? ''
            : e.victims.max === e.victims.min
              ? `${e.victims.min}`
              : `${e.victims.min ?? '?'}–${e.victims.max ?? ''}`,
          e.victims.group ?? '',
        ]
          .filter(Boolean)
          .join(' ')
      : '';
    const where = e.place ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : '';
    const when = e.date ? (e.date.from ?? e.date.text) : '';
    const by = e.perpetrators.length > 0 ? `by ${e.perpetrators.map((p) => p.name).join(', ')}` : '';
    const facts = [count, where, when, by].filter(Boolean).join('; ');
    lines.push(`  ${e.type.padEnd(18)} ${facts}  [${e.confidence.toFixed(2)}]`);
    lines.push(`    “${clip(text.slice(e.start, e.end))}”`);
  }
  lines.push('', `Claims (${s.claims.length})`);
  for (const c of s.claims)
    lines.push(`  ${c.stance.padEnd(8)} ${c.actor?.name ?? '?'}: “${clip(c.text, 90)}”`);
  lines.push('', `Interventions (${s.interventions.length})`);
  for (const i of s.interventions)
    lines.push(`  ${i.type.padEnd(14)} ${i.actor ? `${i.actor.name}: ` : ''}“${clip(i.text, 80)}”`);
  lines.push('', `Personal data to protect (${s.pii.length})`);
  for (const p of s.pii) lines.push(`  ${p.kind.padEnd(10)} ${p.text}`);
  return `${lines.join('\n')}\n`;
}
