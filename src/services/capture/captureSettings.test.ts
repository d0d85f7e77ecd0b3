import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.ts';
import { captureSettingsFrom, DEFAULT_CAPTURE_SETTINGS, timestampSettingsFrom } from './captureSettings.ts';

describe('capture and timestamp settings', () => {
  it('refuses private addresses and sends nothing to any authority by default', () => {
    expect(captureSettingsFrom({})).toEqual(DEFAULT_CAPTURE_SETTINGS);
    expect(DEFAULT_CAPTURE_SETTINGS.allowPrivateAddresses).toBe(false);
    expect(timestampSettingsFrom({})).toMatchObject({ tsaUrl: null, trustedCertificates: [] });
  });

  it('reads every setting', () => {
    expect(
      captureSettingsFrom({
        ATTEST_CHROMIUM: '/opt/chromium',
        ATTEST_CAPTURE_TIMEOUT_MS: '5000',
        ATTEST_CAPTURE_MAX_MB: '1.5',
        ATTEST_CAPTURE_ALLOW_PRIVATE: 'yes',
      }),
    ).toEqual({
      chromiumPath: '/opt/chromium',
      timeoutMs: 5000,
      maxDocumentBytes: 1_572_864,
      allowPrivateAddresses: true,
    });
    expect(timestampSettingsFrom({ ATTEST_TSA_URL: 'https://tsa.example.org/' }).tsaUrl).toBe(
      'https://tsa.example.org/',
    );
  });

  it.each([
    [{ ATTEST_CAPTURE_ALLOW_PRIVATE: 'true' }, 'ATTEST_CAPTURE_ALLOW_PRIVATE must be yes or no'],
    [{ ATTEST_CAPTURE_TIMEOUT_MS: '10' }, 'ATTEST_CAPTURE_TIMEOUT_MS must be at least 1000'],
    [{ ATTEST_CAPTURE_MAX_MB: '0' }, 'ATTEST_CAPTURE_MAX_MB must be a positive number'],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => captureSettingsFrom(env)).toThrow(UsageError);
    expect(() => captureSettingsFrom(env)).toThrow(message);
  });

  it('refuses a TSA that is not http(s), and a CA file without a certificate', () => {
    expect(() => timestampSettingsFrom({ ATTEST_TSA_URL: 'ftp://tsa.example.org' })).toThrow(
      'ATTEST_TSA_URL must be an http(s) URL',
    );
    const dir = mkdtempSync(join(tmpdir(), 'attest-tsa-ca-'));
    try {
      writeFileSync(join(dir, 'empty.pem'), 'nothing here');
      expect(() => timestampSettingsFrom({ ATTEST_TSA_CA_FILE: join(dir, 'empty.pem') })).toThrow(
        'ATTEST_TSA_CA_FILE holds no PEM certificate',
      );
      expect(() => timestampSettingsFrom({ ATTEST_TSA_CA_FILE: join(dir, 'missing.pem') })).toThrow(
        'ATTEST_TSA_CA_FILE cannot be read',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
