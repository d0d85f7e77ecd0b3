import { describe, expect, it } from 'vitest';
import {
  coarseIntakeStatus,
  INTAKE_STATUSES,
  MAX_REPORT_ATTACHMENT_BYTES,
  parseIntakeReport,
} from './intakeReport.ts';

const base = { what: 'w', where: '', when: '', contact: '' };
const attachment = (bytes: number) => ({
  name: 'a.bin',
  type: 'application/octet-stream',
  data: Buffer.alloc(bytes).toString('base64'),
});

describe('intake report', () => {
  it('reads both versions of the form and nothing else', () => {
    expect(parseIntakeReport(JSON.stringify({ version: 1, ...base }))).toMatchObject({ version: 1 });
    const v2 = { version: 2, ...base, name: 'N', attachments: [attachment(10)] };
    expect(parseIntakeReport(JSON.stringify(v2))).toMatchObject({ version: 2, name: 'N' });
    expect(parseIntakeReport('"just words"')).toBeNull();
    expect(parseIntakeReport('{not json')).toBeNull();
    expect(parseIntakeReport(JSON.stringify({ version: 2, ...base, attachments: [] }))).toBeNull();
  });

  it('refuses attachments over the limit together, whatever the device said', () => {
    const half = Math.floor(MAX_REPORT_ATTACHMENT_BYTES / 2);
    const fits = { version: 2, ...base, name: '', attachments: [attachment(half), attachment(half)] };
    expect(parseIntakeReport(JSON.stringify(fits))).not.toBeNull();
    const over = { ...fits, attachments: [attachment(half), attachment(half + 3)] };
    expect(parseIntakeReport(JSON.stringify(over))).toBeNull();
    const many = { ...fits, attachments: Array.from({ length: 6 }, () => attachment(1)) };
    expect(parseIntakeReport(JSON.stringify(many))).toBeNull();
  });

  it('tells a reporter no more than received, in progress or closed', () => {
    expect(INTAKE_STATUSES.map(coarseIntakeStatus)).toEqual([
      'received',
      'in-progress',
      'in-progress',
      'closed',
    ]);
  });
});
