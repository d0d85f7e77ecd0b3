/**
 * Settings of web capture and trusted timestamps, from the environment (validated in
 * runtime/config.ts). Private addresses are refused unless the organisation says otherwise: the
 * server fetches what users type, and a URL naming 127.0.0.1 or 10.0.0.5 would otherwise let any
 * account read the organisation's internal network through it.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.ts';
import { type Environment, environmentValue } from '../../runtime/config.ts';

export interface CaptureSettings {
  /** Debian's Chromium by default; capture is unavailable (with a clear message) when it is missing. */
  chromiumPath: string;
  /** Budget of one whole capture: fetching, redirects, rendering, screenshot, PDF and archive. */
  timeoutMs: number;
  /** Largest main document accepted; a larger answer is refused and nothing of it is stored. */
  maxDocumentBytes: number;
  /** Fetch loopback, private, link-local and unique-local addresses too (default: refused). */
  allowPrivateAddresses: boolean;
}

export interface TimestampSettings {
  /** The RFC 3161 time-stamping authority; none by default (nothing is sent anywhere). */
  tsaUrl: string | null;
  /** Budget of one time-stamp request. */
  timeoutMs: number;
  /**
   * Certificates (DER) a token must chain to (ATTEST_TSA_CA_FILE, PEM); empty: the signature is
   * checked against the certificate the token carries, and trust rests on the configured URL.
   */
  trustedCertificates: Uint8Array[];
}

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = {
  chromiumPath: '/usr/bin/chromium',
  timeoutMs: 60_000,
  maxDocumentBytes: 50 * 1024 * 1024,
  allowPrivateAddresses: false,
};

export function captureSettingsFrom(env: Environment): CaptureSettings {
  const maxMb = environmentValue(env, 'ATTEST_CAPTURE_MAX_MB');
  return {
    chromiumPath: environmentValue(env, 'ATTEST_CHROMIUM') ?? DEFAULT_CAPTURE_SETTINGS.chromiumPath,
    timeoutMs: environmentValue(env, 'ATTEST_CAPTURE_TIMEOUT_MS') ?? DEFAULT_CAPTURE_SETTINGS.timeoutMs,
    maxDocumentBytes:
      maxMb === undefined ? DEFAULT_CAPTURE_SETTINGS.maxDocumentBytes : Math.floor(maxMb * 1024 * 1024),
    allowPrivateAddresses: environmentValue(env, 'ATTEST_CAPTURE_ALLOW_PRIVATE') === 'yes',
  };
}

export function timestampSettingsFrom(env: Environment): TimestampSettings {
  const caFile = environmentValue(env, 'ATTEST_TSA_CA_FILE');
  return {
    tsaUrl: environmentValue(env, 'ATTEST_TSA_URL') ?? null,
    timeoutMs: 30_000,
    trustedCertificates: caFile === undefined ? [] : certificatesIn(caFile),
  };
}

/** The PEM certificates in a file, as DER; a file without one is a usage error naming the variable. */
function certificatesIn(path: string): Uint8Array[] {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError('ATTEST_TSA_CA_FILE cannot be read');
  }
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) throw new UsageError('ATTEST_TSA_CA_FILE holds no PEM certificate');
  return blocks.map((block) => new Uint8Array(Buffer.from(block[1]!.replace(/\s+/g, ''), 'base64')));
}
