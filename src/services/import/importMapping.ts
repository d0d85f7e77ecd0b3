/**
 * How the columns of a spreadsheet become Attest records: the mapping file of `attest import` and of
 * the import screen (docs/import.md). Validated with zod; a bad mapping is refused before any row is
 * read, with the field and the reason. Presets fill in the conventions of a known tool's export (the
 * Uwazi CSV export) and the mapping's own entries take precedence.
 */
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import {
  DATE_FORMATS,
  type DateFormat,
  IMPORT_FIELDS,
  IMPORT_PRESETS,
  type ImportField,
} from '../../core/importFields.ts';

export { DATE_FORMATS, type DateFormat, IMPORT_FIELDS, IMPORT_PRESETS, type ImportField };

/** Fields whose cells hold several values separated by `multiValueSeparator`. */
export const MULTI_VALUE_FIELDS: ReadonlySet<ImportField> = new Set([
  'incident.tags',
  'act.perpetrators',
  'persons.victims',
]);

/** Fields whose values are vocabulary codes: a `values` table may translate the file's words into them. */
export const CODED_FIELDS = ['act.type', 'act.country'] as const;

const Field = z.enum(IMPORT_FIELDS, {
  error: () => `expected one of ${IMPORT_FIELDS.join(', ')}`,
});

export const ImportMappingSchema = z.strictObject({
  preset: z.enum(IMPORT_PRESETS).optional(),
  /** Column header (as in the file, case and surrounding spaces ignored) → the field it fills. */
  columns: z.record(z.string().trim().min(1, 'a column name is empty'), Field).default({}),
  /** Per coded field: the file's value (case ignored) → the Attest code. */
  values: z
    .partialRecord(z.enum(CODED_FIELDS), z.record(z.string().trim().min(1), z.string().trim().min(1)))
    .default({}),
  multiValueSeparator: z.string().min(1).max(3).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  /** Between the two ends of a date range in one cell. */
  dateRangeSeparator: z.string().min(1).max(3).optional(),
  /** Between latitude and longitude in a geolocation cell. */
  geolocationSeparator: z.string().min(1).max(3).optional(),
  /** The language of the file's texts (ISO 639-1): incidents' search stemming. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 code')
    .default('en'),
  /** XLSX: the sheet to read (default the first). */
  sheet: z.string().min(1).optional(),
});
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;

export interface ImportMapping {
  preset: (typeof IMPORT_PRESETS)[number] | null;
  /** Lower-cased, trimmed header → field. */
  columns: Map<string, ImportField>;
  values: Partial<Record<(typeof CODED_FIELDS)[number], Map<string, string>>>;
  multiValueSeparator: string;
  dateFormat: DateFormat;
  dateRangeSeparator: string;
  geolocationSeparator: string;
  language: string;
  sheet: string | null;
}

/**
 * Uwazi's CSV export: the entity title in "Title", its own bookkeeping in "Date added" and
 * "Template" (not facts about the event, so ignored), multiple values joined with "|", dates as
 * YYYY-MM-DD, a date range as "from~to", a geolocation as "latitude|longitude". Property columns
 * are named after the template's property labels, which differ per collection: the mapping names
 * them (docs/import.md has an example).
 */
const UWAZI = {
  columns: { title: 'incident.title', 'date added': 'ignore', template: 'ignore' } as Record<
    string,
    ImportField
  >,
  multiValueSeparator: '|',
  dateFormat: 'YYYY-MM-DD' as DateFormat,
  dateRangeSeparator: '~',
  geolocationSeparator: '|',
};

const normalise = (header: string) => header.trim().toLowerCase();

/** The mapping, validated and with its preset applied; InvalidInput names the first problem. */
export function parseImportMapping(input: unknown): ImportMapping {
  const parsed = ImportMappingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInput(`mapping ${issue.path.join('.') || ''}`.trim(), issue.message);
  }
  const mapping = parsed.data;
  const preset = mapping.preset === 'uwazi' ? UWAZI : null;
  const columns = new Map<string, ImportField>();
  // A field the mapping gives a column of its own is no longer filled by the preset's column for it
  // (a multi-language Uwazi export names its title "Title__en").
  const own = new Set(Object.values(mapping.columns));
  for (const [header, field] of Object.entries(preset?.columns ?? {}))
    if (!own.has(field) || field === 'ignore') columns.set(header, field);
  for (const [header, field] of Object.entries(mapping.columns)) columns.set(normalise(header), field);
  const once = [...columns.values()].filter((field) => field !== 'ignore' && !MULTI_VALUE_FIELDS.has(field));
  const twice = once.find((field, index) => once.indexOf(field) !== index);
  if (twice)
    throw new InvalidInput('mapping columns', `two columns fill ${twice}; map one of them to "ignore"`);
  if (![...columns.values()].includes('incident.title'))
    throw new InvalidInput(
      'mapping columns',
      'no column is mapped to incident.title (every incident needs a title)',
    );
  const values: ImportMapping['values'] = {};
  for (const [field, table] of Object.entries(mapping.values) as [
    (typeof CODED_FIELDS)[number],
    Record<string, string>,
  ][])
    values[field] = new Map(Object.entries(table).map(([from, to]) => [from.trim().toLowerCase(), to]));
  return {
    preset: mapping.preset ?? null,
    columns,
    values,
    multiValueSeparator: mapping.multiValueSeparator ?? preset?.multiValueSeparator ?? '|',
    dateFormat: mapping.dateFormat ?? preset?.dateFormat ?? 'YYYY-MM-DD',
    dateRangeSeparator: mapping.dateRangeSeparator ?? preset?.dateRangeSeparator ?? '~',
    geolocationSeparator: mapping.geolocationSeparator ?? preset?.geolocationSeparator ?? '|',
    language: mapping.language,
    sheet: mapping.sheet ?? null,
  };
}

/** The field a header fills, or null when the mapping does not name it (the column is ignored). */
export function fieldOfHeader(mapping: ImportMapping, header: string): ImportField | null {
  return mapping.columns.get(normalise(header)) ?? null;
}
