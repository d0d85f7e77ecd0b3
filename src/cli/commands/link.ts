/**
 * `attest link`: record linkage — which rows of a CSV describe the same person
 * (docs/analysis.md). Reads the file, hands the pure analysis its text, prints one JSON document
 * or a readable summary. Methods and how to read the review list: docs/analysis.md, "Record linkage".
 */
import { type ColumnRole, parseRoleOverride } from '../../analysis/linkage/columnRoles.ts';
import { DEFAULT_LINK_OPTIONS, type LinkResult, linkRecords } from '../../analysis/linkage/linkRecords.ts';
import { parseRecordsCsv } from '../../analysis/linkage/parseRecordsCsv.ts';
import { InvalidInput, UsageError } from '../../core/errors.ts';
import { type Command, type CommandIo, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { readInputText } from '../readInput.ts';

// Below this many records linkage takes a second or two: a progress line would only flicker.
const PROGRESS_FROM = 5000;

export const linkCommand: Command = {
  name: 'link',
  summary: 'record linkage: which rows describe the same person',
  usage:
    '[--threshold P] [--review-floor P] [--[no-]tf-adjust] [--id COLUMN] [--role COLUMN=ROLE…] <records.csv|->',
  options: {
    threshold: {
      type: 'string',
      description: `posterior match probability needed to link a pair (default ${DEFAULT_LINK_OPTIONS.threshold})`,
    },
    'review-floor': {
      type: 'string',
      description: `pairs from this probability up to the threshold are listed for review (default ${DEFAULT_LINK_OPTIONS.reviewFloor})`,
    },
    'tf-adjust': {
      type: 'boolean',
      description: 'term-frequency adjustment: a rare name weighs more than a common one (default: on)',
    },
    'no-tf-adjust': { type: 'boolean', description: 'score every name alike, whatever its frequency' },
    id: { type: 'string', description: 'the id column (default: a column named id, rec_id or rec-id)' },
    role: {
      type: 'string',
      multiple: true,
      description: 'override an inferred column role, e.g. familia=surname or notes=ignore',
    },
  },
  details: `Input: a CSV file (UTF-8, RFC 4180 quoting) with a header row and one row per record
(one entry on one list; several lists go in one file, with a "list" column saying whose: a
person is rarely twice on one list, which the model weighs). Columns are
recognised by their header (case, spaces, dashes and dots do not matter); any other column is
ignored. --role COLUMN=ROLE overrides, e.g. --role familia=surname --role notes=ignore.

  role        headers recognised                                  example value
  id          id, rec_id, record_id (or --id COLUMN); unique     memorial-0001
  givenName   given_name, first_name, firstname, forename, имя    Зелимхан
  surname     surname, last_name, family_name, фамилия            Бакаев
  middleName  middle_name, patronymic, father_name, отчество      Ахмедович, or Ахмед
  name        name, full_name, victim_name, фио (all in one)      Бакаев Зелимхан Ахмедович
  birthDate   birth_date, date_of_birth, dob, born, year_of_birth 12.03.1981, 1981-03-12, 1981
  sex         sex, gender, пол                                    m, f, м, ж, male, female
  address     address, street, city, village, district, region…  Urus-Martan
  postcode    postcode, zip, postal_code                          366500
  identifier  passport, national_id, soc_sec_id, phone…           4509 123456
  source      list, list_name, source_list, dataset, список       memorial
  ignore      anything else: notes, comments, sources cited

Names may be in Cyrillic or any romanisation; given name and surname may be swapped. A patronymic
typed into the given-name field ("Руслан Ахмедович") or inside a full name is recognised
(-ович/-евич/-овна/-евна/-ична and their romanisations). Birth dates: YYYY-MM-DD, DD.MM.YYYY,
DD/MM/YYYY, YYYYMMDD, YYYY-MM or YYYY; empty when unknown. Example:

  id,list,given_name,surname,patronymic,birth_date,sex
  m-1,memorial,Зелимхан,Бакаев,Ахмедович,12.03.1981,м
  h-7,hrw,Bakayev,Selimchan,,1981-03-12,M
  h-9,hrw,Ruslan Akhmedovich,Umarov,,,M

Output (--json): records, comparisons, clusters (ids of the rows found to be one person), review
(uncertain pairs with each field's level and weight), parameters (the fitted model), warnings.
The individual-form input of \`attest estimate\` is one row per cluster (and per unlinked row).
Methods: docs/analysis.md, "Record linkage".`,
  async run(args: ParsedArgs, io: CommandIo): Promise<number> {
    if (args.values['tf-adjust'] && args.values['no-tf-adjust']) {
      throw new UsageError('--tf-adjust and --no-tf-adjust contradict each other');
    }
    const tfAdjust = args.values['no-tf-adjust'] ? false : DEFAULT_LINK_OPTIONS.tfAdjust;
    const threshold = probabilityOption(args, 'threshold', DEFAULT_LINK_OPTIONS.threshold);
    const reviewFloor = probabilityOption(
      args,
      'review-floor',
      Math.min(DEFAULT_LINK_OPTIONS.reviewFloor, threshold),
    );
    if (reviewFloor > threshold) throw new UsageError('--review-floor must not exceed --threshold');
    const roles = roleOverrides(args);
    const [path, ...extra] = args.positionals;
    if (!path) throw new UsageError('link needs a CSV file of records (or - for stdin)');
    if (extra.length > 0) throw new UsageError('link takes one CSV file');
    const { label, text } = await readInputText(path, io);
    const idColumn = stringOption(args, 'id');
    const table = parseRecordsCsv(text, {
      source: label,
      roles,
      ...(idColumn === undefined ? {} : { idColumn }),
    });

    const showProgress = Boolean(io.stderr.isTTY) && table.records.length >= PROGRESS_FROM;
    const result = linkRecords(table, {
      threshold,
      reviewFloor,
      tfAdjust,
      ...(showProgress
        ? {
            onProgress: (stage, done, total) => {
              const share = total > 0 ? Math.round((100 * done) / total) : 0;
              io.stderr.write(
                `\rattest link: ${stage === 'compare' ? `comparing ${share}%` : 'clustering…'}   `,
              );
            },
          }
        : {}),
    });
    if (showProgress) io.stderr.write('\r\u001b[K');
    for (const warning of result.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
    if (args.values.json) writeJson(io, toJson(result));
    else io.stdout.write(renderHuman(result));
    return 0;
  },
};

function probabilityOption(args: ParsedArgs, name: string, fallback: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new UsageError(`--${name} must be a probability in (0, 1]`);
  }
  return value;
}

function roleOverrides(args: ParsedArgs): Record<string, ColumnRole> {
  const raw = args.values.role;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  const out: Record<string, ColumnRole> = {};
  for (const item of list) {
    try {
      const [column, role] = parseRoleOverride(item);
      out[column] = role;
    } catch (error) {
      if (error instanceof InvalidInput) throw new UsageError(`--role ${item}: ${error.reason}`);
      throw error;
    }
  }
  return out;
}

/** The contract's fields first, in its order, then ours. */
function toJson(result: LinkResult) {
  return {
    records: result.records,
    comparisons: result.comparisons,
    clusters: result.clusters,
    review: result.review,
    parameters: result.parameters,
    warnings: result.warnings,
  };
}

function renderHuman(result: LinkResult): string {
  const linked = result.clusters.reduce((sum, cluster) => sum + cluster.length, 0);
  const persons = result.records - linked + result.clusters.length;
  const out = [
    `Records: ${result.records}`,
    `Compared pairs: ${result.comparisons} (blocking)`,
    `Clusters of two or more: ${result.clusters.length} (${linked} records); distinct persons: ${persons}`,
    `Pairs to review: ${result.review.length}`,
  ];
  for (const cluster of result.clusters.slice(0, 20)) out.push(`  ${cluster.join(', ')}`);
  if (result.clusters.length > 20)
    out.push(`  … ${result.clusters.length - 20} more (--json lists them all)`);
  if (result.review.length > 0) {
    out.push('', 'Most likely of the pairs to review:');
    for (const pair of result.review.slice(0, 10)) {
      out.push(`  ${pair.ids[0]} ~ ${pair.ids[1]}  p=${pair.probability.toFixed(3)}  (${pair.reason})`);
    }
  }
  return `${out.join('\n')}\n`;
}
