/**
 * `attest extract`: suggestions for one text, nothing stored (docs/extraction.md).
 * Reads a file or stdin, decodes it as ingest would (so offsets match what ingest stores), runs the
 * pure extractor and prints one JSON document or a short readable summary.
 */
import { InvalidInput, UsageError } from '../../core/errors.ts';
import type { Suggestions } from '../../core/suggestions.ts';
import { decodeDocument } from '../../decode/decodeDocument.ts';
import { DecodeLimitExceeded } from '../../decode/decodeLimits.ts';
import { extract, isValidIsoDate } from '../../extract/extract.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { readInputBytes } from '../readInput.ts';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'suggest events, claims, interventions and PII for one text (no storage)',
  usage: '[--published YYYY-MM-DD] [--lang CODE] [--json] <file|->',
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
    const [path, ...extra] = args.positionals;
    if (!path) throw new UsageError('extract needs a file (or - for stdin)');
    if (extra.length > 0) throw new UsageError('extract takes one file');
    const { label, bytes } = await readInputBytes(path, io);
    // Nothing is stored here, so a file over a decoding limit is simply refused, naming the limit.
    const document = await decodeDocument(bytes, label).catch((error: unknown) => {
      throw error instanceof DecodeLimitExceeded ? new InvalidInput(label, error.message) : error;
    });
    for (const warning of document.warnings) io.stderr.write(`attest: ${label}: ${warning}\n`);
    const suggestions = extract(document.text, { published: published ?? null, ...(lang ? { lang } : {}) });
    if (args.values.json) writeJson(io, suggestions);
    else io.stdout.write(renderSummary(label, document.text, suggestions));
    return 0;
  },
};

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
