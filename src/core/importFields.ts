/**
 * What an import mapping may say (docs/import.md): the fields a column may fill, the date formats
 * and the presets. Pure lists, shared by the import service and the import screen.
 */

/** Every field a column may fill; one row makes one incident, at most one act, its victims and a source. */
export const IMPORT_FIELDS = [
  'incident.key',
  'incident.title',
  'incident.summary',
  'incident.tags',
  'act.type',
  'act.date',
  'act.dateTo',
  'act.place',
  'act.country',
  'act.victims',
  'act.victimGroup',
  'act.perpetrators',
  'act.geolocation',
  'act.latitude',
  'act.longitude',
  'persons.victims',
  'source.title',
  'source.url',
  'source.published',
  'source.text',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'unix'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const IMPORT_PRESETS = ['uwazi'] as const;

export const ON_ERROR = ['stop', 'skip'] as const;
export type OnError = (typeof ON_ERROR)[number];

/** A bad row, as the import reports it. */
export interface RowError {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column's header as written in the file, or the field when no column fills it. */
  column: string;
  why: string;
}

export interface ImportCounts {
  incidents: number;
  acts: number;
  persons: number;
  sources: number;
}

export interface PreviewRow {
  row: number;
  incident: { title: string; tags: string[] };
  act: {
    type: string;
    date: string | null;
    place: string | null;
    country: string | null;
    victims: string | null;
    perpetrators: string[];
  } | null;
  /** How many protected persons the row makes; their names are not shown back. */
  persons: number;
  source: { title: string | null; url: string | null } | null;
}

export interface ImportReport {
  file: { name: string; kind: 'csv' | 'xlsx'; sha256: string };
  dryRun: boolean;
  onError: OnError;
  /** Rows of data in the file. */
  rows: number;
  /** Rows without an error (what `skip` stores). */
  valid: number;
  /** Rows stored (or that a dry run would store). */
  imported: number;
  /** Bad rows left out (skip), or every row when the import stopped. */
  skipped: number;
  /** The import stopped at a bad row: nothing was stored. */
  stopped: boolean;
  created: ImportCounts;
  errors: RowError[];
  ignoredColumns: string[];
  preview: PreviewRow[];
}
