import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../core/errors.ts';
import { DEFAULT_DECODE_SETTINGS, decodeSettingsFrom } from './decodeSettings.ts';

describe('decode settings', () => {
  it('keeps the defaults for unset or empty variables', () => {
    expect(decodeSettingsFrom({ ATTEST_DECODE_TIMEOUT_MS: '' })).toEqual(DEFAULT_DECODE_SETTINGS);
  });

  it('reads every limit from the environment', () => {
    const settings = decodeSettingsFrom({
      ATTEST_DECODE_TIMEOUT_MS: '5000',
      ATTEST_DECODE_HEAP_MB: '128',
      ATTEST_DECODE_WORKERS: '1',
      ATTEST_DECODE_MAX_UNZIPPED_MB: '10',
      ATTEST_DECODE_MAX_PDF_PAGES: '300',
      ATTEST_DECODE_MAX_HTML_DEPTH: '200',
    });
    expect(settings).toMatchObject({
      timeoutMs: 5000,
      heapMb: 128,
      workers: 1,
      limits: { maxUnzippedBytes: 10 * 1024 * 1024, maxPdfPages: 300, maxHtmlDepth: 200 },
    });
  });

  it.each([
    ['ATTEST_DECODE_TIMEOUT_MS', 'soon', 'ATTEST_DECODE_TIMEOUT_MS'],
    ['ATTEST_DECODE_HEAP_MB', '8', 'ATTEST_DECODE_HEAP_MB must be at least 32'],
    ['ATTEST_DECODE_MAX_PDF_PAGES', '2.5', 'ATTEST_DECODE_MAX_PDF_PAGES must be a whole number'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => decodeSettingsFrom({ [name]: value })).toThrow(UsageError);
    expect(() => decodeSettingsFrom({ [name]: value })).toThrow(message);
  });
});
