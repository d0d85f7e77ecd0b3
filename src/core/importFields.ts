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
