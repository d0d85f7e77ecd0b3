/**
 * Rows of an import file → the records they would make, or per-row errors naming the row, the
 * column and why. Pure: the same plan serves the dry run, the preview of the import screen and the
 * import itself. Vocabulary values are translated to Attest codes through the mapping's `values`
 * tables, or accepted when they already are a code or a label; anything else is an error naming the
 * value and the allowed codes (never guessed: a wrong act type is a wrong record).
 */
import { IMPORT_FIELDS, type RowError } from '../../core/importFields.ts';
import { unstorableReason } from '../../core/storableText.ts';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '../../core/vocabulary.ts';
import { gazetteer } from '../../extract/gazetteer/index.ts';
import type { ActGeolocation } from '../../store/acts.ts';
import {
  type DateFormat,
  fieldOfHeader,
  type ImportField,
  type ImportMapping,
  MULTI_VALUE_FIELDS,
} from './importMapping.ts';
import type { ImportTable } from './readImportTable.ts';

export type { RowError } from '../../core/importFields.ts';

export interface PlannedAct {
  type: EventType;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  placeName: string | null;
  country: string | null;
  victimsMin: number | null;
  victimsMax: number | null;
  victimGroup: string | null;
  perpetrators: string[];
  geolocation: ActGeolocation | null;
}

export interface PlannedRow {
  row: number;
  /** Rows with the same key make one incident (several acts); without a key each row is its own. */
  incidentKey: string;
  incident: { title: string; summary: string; tags: string[] };
  act: PlannedAct | null;
  /** Victims' names: each becomes a protected (sealed) person linked to the act as a victim. */
  victims: string[];
  source: { title: string | null; url: string | null; published: string | null; text: string } | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: RowError[];
  /** Headers of the file that no mapping entry names (left out of the import). */
  ignoredColumns: string[];
  /** Mapped headers the file does not have. */
  missingColumns: string[];
}

const countryCodes = new Map<string, string>();
for (const entry of gazetteer.filter((e) => e.kind === 'country')) {
  countryCodes.set(entry.country.toLowerCase(), entry.country);
  for (const form of entry.forms) countryCodes.set(form.toLowerCase(), entry.country);
}

const typeByWord = new Map<string, EventType>();
for (const type of EVENT_TYPES) {
  typeByWord.set(type, type);
  for (const label of Object.values(EVENT_TYPE_LABELS[type])) typeByWord.set(label.toLowerCase(), type);
}

class CellError extends Error {}

/** Fields that describe an act (victims included): any of them in a row asks for an act. */
const ACT_FIELDS: readonly ImportField[] = [
  ...IMPORT_FIELDS.filter((field) => field.startsWith('act.') && field !== 'act.type'),
  'persons.victims',
];

export function planImport(table: ImportTable, mapping: ImportMapping): ImportPlan {
  const fields = table.headers.map((header) => fieldOfHeader(mapping, header));
  const ignoredColumns = table.headers.filter((header, i) => header !== '' && fields[i] === null);
  const present = new Set(table.headers.map((header) => header.trim().toLowerCase()));
  const missingColumns = [...mapping.columns]
    .filter(([header, field]) => field !== 'ignore' && !present.has(header))
    .map(([header]) => header);
  const columnOf = (field: ImportField) => table.headers[fields.indexOf(field)] ?? field;
  const rows: PlannedRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of table.rows) {
    const values = new Map<ImportField, string[]>();
    let bad = false;
    cells.forEach((raw, i) => {
      const field = fields[i];
      if (!field || field === 'ignore') return;
      const cell = raw.trim();
      if (cell === '') return;
      const problem = unstorableReason(cell);
      if (problem) {
        errors.push({ row, column: table.headers[i]!, why: problem });
        bad = true;
        return;
      }
      const parts = MULTI_VALUE_FIELDS.has(field)
        ? cell
            .split(mapping.multiValueSeparator)
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : [cell];
      values.set(field, [...(values.get(field) ?? []), ...parts]);
    });
    if (bad) continue;
    const one = (field: ImportField) => values.get(field)?.[0] ?? null;
    const cell = <T>(field: ImportField, parse: (value: string) => T): T | null => {
      const value = one(field);
      if (value === null) return null;
      try {
        return parse(value);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        errors.push({ row, column: columnOf(field), why: error.message });
        bad = true;
        return null;
      }
    };
    const title = one('incident.title');
    if (title === null) {
      errors.push({ row, column: columnOf('incident.title'), why: 'empty: every incident needs a title' });
      continue;
    }
    const type = cell('act.type', (value) => eventTypeOf(value, mapping));
    const date = cell('act.date', (value) => dateRangeOf(value, mapping));
    const dateTo = cell('act.dateTo', (value) => dateRangeOf(value, mapping));
    const country = cell('act.country', (value) => countryOf(value, mapping));
    const victims = cell('act.victims', victimCountOf);
    const geolocation =
      cell('act.geolocation', (value) => geolocationOf(value, mapping.geolocationSeparator)) ??
      (one('act.latitude') !== null || one('act.longitude') !== null
        ? cell('act.latitude', () =>
            geolocationOf(`${one('act.latitude') ?? ''}|${one('act.longitude') ?? ''}`, '|'),
          )
        : null);
    const published = cell('source.published', (value) => dateRangeOf(value, mapping).from);
    const url = cell('source.url', (value) => {
      if (!/^https?:\/\/\S+$/i.test(value)) throw new CellError(`"${value}" is not an http(s) URL`);
      return value;
    });
    if (bad) continue;
    const wantsAct = type !== null || ACT_FIELDS.some((field) => values.has(field));
    if (wantsAct && type === null) {
      errors.push({
        row,
        column: columnOf('act.type'),
        why: `empty: an act needs a type (one of ${EVENT_TYPES.join(', ')})`,
      });
      continue;
    }
    const named = values.get('persons.victims') ?? [];
    const act: PlannedAct | null =
      type === null
        ? null
        : {
            type,
            dateFrom: date?.from ?? null,
            dateTo: dateTo?.to ?? date?.to ?? null,
            datePrecision: date?.precision ?? null,
            placeName: one('act.place'),
            country,
            // Named victims are a floor for the count (as when a victim is linked by hand).
            victimsMin: Math.max(victims?.min ?? 0, named.length) || null,
            victimsMax:
              victims?.max === undefined || victims?.max === null
                ? null
                : Math.max(victims.max, named.length),
            victimGroup: one('act.victimGroup'),
            perpetrators: values.get('act.perpetrators') ?? [],
            geolocation,
          };
    const sourceText = one('source.text');
    const hasSource = url !== null || one('source.title') !== null || sourceText !== null;
    rows.push({
      row,
      incidentKey: one('incident.key') ?? `row ${row}`,
      incident: { title, summary: one('incident.summary') ?? '', tags: values.get('incident.tags') ?? [] },
      act,
      victims: named,
      source: hasSource ? { title: one('source.title'), url, published, text: sourceText ?? '' } : null,
    });
  }
  return { rows, errors, ignoredColumns, missingColumns };
}

function eventTypeOf(value: string, mapping: ImportMapping): EventType {
  const mapped = mapping.values['act.type']?.get(value.toLowerCase());
  const code = typeByWord.get((mapped ?? value).toLowerCase());
  if (code) return code;
  throw new CellError(
    mapped
      ? `"${value}" is mapped to "${mapped}", which is not an act type; allowed codes: ${EVENT_TYPES.join(', ')}`
      : `"${value}" is not a known act type; allowed codes: ${EVENT_TYPES.join(', ')} (map it under values["act.type"])`,
  );
}

function countryOf(value: string, mapping: ImportMapping): string {
  const mapped = mapping.values['act.country']?.get(value.toLowerCase());
  const code = countryCodes.get((mapped ?? value).toLowerCase());
  if (code) return code;
  throw new CellError(
    `"${value}" is not a known country; expected an ISO 3166 alpha-2 code such as RU or UA, or a country name (map it under values["act.country"])`,
  );
}

function victimCountOf(value: string): { min: number; max: number | null } {
  const match = /^(\d{1,7})(?:\s*[-–]\s*(\d{1,7}))?$/.exec(value);
  if (!match)
    throw new CellError(`"${value}" is not a number of victims (a whole number, or a range like 3-5)`);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) throw new CellError(`"${value}": the range's upper end is below its lower end`);
  return { min, max };
}

function geolocationOf(value: string, separator: string): ActGeolocation {
  const parts = value.split(separator).map((part) => part.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(lat) || !Number.isFinite(lon))
    throw new CellError(
      `"${value}" is not a geolocation (latitude${separator}longitude, in decimal degrees)`,
    );
  if (Math.abs(lat!) > 90 || Math.abs(lon!) > 180)
    throw new CellError(`"${value}": latitude must be within ±90 and longitude within ±180`);
  return { latitude: lat!, longitude: lon!, precision: 1 };
}

interface DateRange {
  from: string;
  to: string;
  precision: 'day' | 'month' | 'year';
}

/** One date or a range (`from<sep>to`), in the mapping's format; ISO dates are always accepted. */
export function dateRangeOf(
  value: string,
  mapping: Pick<ImportMapping, 'dateFormat' | 'dateRangeSeparator'>,
): DateRange {
  const ends = value.split(mapping.dateRangeSeparator).map((part) => part.trim());
  if (ends.length > 2) throw new CellError(`"${value}" is not a date or a range of two dates`);
  const from = dateOf(ends[0]!, mapping.dateFormat, value);
  const to = ends[1] === undefined || ends[1] === '' ? from : dateOf(ends[1], mapping.dateFormat, value);
  if (to.to < from.from) throw new CellError(`"${value}": the range ends before it starts`);
  return { from: from.from, to: to.to, precision: ends.length === 2 ? 'day' : from.precision };
}

function dateOf(text: string, format: DateFormat, whole: string): DateRange {
  const fail = () =>
    new CellError(
      `"${whole}" is not a date in the format ${format}${format === 'YYYY-MM-DD' ? '' : ' (or YYYY-MM-DD)'}`,
    );
  let y: number;
  let m: number | null = null;
  let d: number | null = null;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (iso) {
    y = Number(iso[1]);
    m = iso[2] ? Number(iso[2]) : null;
    d = iso[3] ? Number(iso[3]) : null;
  } else if (format === 'unix') {
    if (!/^-?\d{1,12}$/.test(text)) throw fail();
    const day = new Date(Number(text) * 1000).toISOString().slice(0, 10);
    return { from: day, to: day, precision: 'day' };
  } else {
    const match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
    if (!match || format === 'YYYY-MM-DD') throw fail();
    y = Number(match[3]);
    [d, m] =
      format === 'MM/DD/YYYY' ? [Number(match[2]), Number(match[1])] : [Number(match[1]), Number(match[2])];
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m === null) return { from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year' };
  if (m < 1 || m > 12) throw fail();
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d === null) return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}`, precision: 'month' };
  if (d < 1 || d > last) throw fail();
  const day = `${y}-${pad(m)}-${pad(d)}`;
  return { from: day, to: day, precision: 'day' };
}
