/**
 * Import files for the tests, made here: an Uwazi-style CSV export (its conventions: "Title",
 * "Date added", "Template", multiple values joined with "|", dates as YYYY-MM-DD, a date range as
 * "from~to", a geolocation as "latitude|longitude") and an XLSX workbook with one bad row. The
 * people and events are fictional.
 */
import writeXlsxFile from 'write-excel-file/node';
import { formatCsv } from '../../src/analysis/csv.ts';

/** Names that must never be stored in plaintext: each becomes a sealed person. */
export const VICTIMS = ['Ruslan Magomadov', 'Aslan Dzhabrailov', 'Timur Isayev'];

export const UWAZI_CSV = formatCsv([
  [
    'Title',
    'Date added',
    'Template',
    'Violation',
    'Date of violation',
    'Place',
    'Country',
    'Number of victims',
    'Victims',
    'Perpetrators',
    'Geolocation',
    'Source link',
    'Source title',
    'Tags',
  ],
  [
    'Detentions at the Argun facility',
    '2017-05-20',
    'Violation',
    'Arbitrary detention',
    '2017-03-01~2017-03-05',
    'Argun',
    'Russia',
    '3-5',
    `${VICTIMS[0]}|${VICTIMS[1]}`,
    'Police|Kadyrovtsy',
    '43.2927|45.8722',
    'https://news.example.org/argun',
    'Men held in Argun',
    'lgbt|detention',
  ],
  [
    'Killing reported in Grozny',
    '2017-05-21',
    'Violation',
    'Extrajudicial killing',
    '2017-04-02',
    'Grozny',
    'RU',
    '1',
    VICTIMS[2]!,
    'Unknown gunmen',
    '',
    '',
    '',
    '',
  ],
]);

export const UWAZI_MAPPING = {
  preset: 'uwazi',
  columns: {
    Violation: 'act.type',
    'Date of violation': 'act.date',
    Place: 'act.place',
    Country: 'act.country',
    'Number of victims': 'act.victims',
    Victims: 'persons.victims',
    Perpetrators: 'act.perpetrators',
    Geolocation: 'act.geolocation',
    'Source link': 'source.url',
    'Source title': 'source.title',
    Tags: 'incident.tags',
  },
  values: { 'act.type': { 'Arbitrary detention': 'detention', 'Extrajudicial killing': 'killing' } },
};

/** A plain spreadsheet; row 3 (the second of data) has an act type no mapping knows. */
export async function xlsxWithABadRow(): Promise<Uint8Array> {
  const rows = [
    ['Incident', 'Type', 'Date', 'Country', 'Victims'],
    ['Searches in Shali', 'detention', '12/04/2017', 'RU', 'Zelimkhan Bakayev'],
    ['Beating near Gudermes', 'beating', '13/04/2017', 'RU', ''],
    ['Threats against a lawyer', 'threat', '14/04/2017', 'RU', ''],
  ];
  const buffer = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toBuffer();
  return new Uint8Array(buffer);
}

export const XLSX_MAPPING = {
  columns: {
    Incident: 'incident.title',
    Type: 'act.type',
    Date: 'act.date',
    Country: 'act.country',
    Victims: 'persons.victims',
  },
  dateFormat: 'DD/MM/YYYY',
};
