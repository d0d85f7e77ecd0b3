import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalTsa, startLocalTsa } from '../../test/support/localTsa.ts';
import {
  TimestampInvalid,
  timestampRequestFor,
  tokenFromResponse,
  verifyTimestampToken,
} from './timestampToken.ts';

async function ask(tsa: LocalTsa, der: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(tsa.url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: der,
  });
  return new Uint8Array(await response.arrayBuffer());
}

describe('an RFC 3161 request', () => {
  it('carries a nonce in minimal DER, so a strict authority never rejects it as malformed', () => {
    // A leading zero byte (1 request in 256 before) made OpenSSL answer "rejection".
    for (let i = 0; i < 2_000; i += 1) {
      const first = Number.parseInt(timestampRequestFor('0'.repeat(64)).nonce.slice(0, 2), 16);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(0x80);
    }
  });
});

describe('RFC 3161 timestamps against a local authority (openssl ts)', () => {
  let tsa: LocalTsa;
  beforeAll(async () => {
    tsa = await startLocalTsa();
  });
  afterAll(async () => {
    await tsa.close();
  });

  const bytes = new TextEncoder().encode('Задержан активист');
  const sha256 = sha256Of(bytes);
  const original = { sha256, bytes };

  it('requests, receives and verifies a token for the hash: time, authority, chain to the CA', async () => {
    const before = Date.now();
    const request = timestampRequestFor(sha256);
    const { token, verified } = await tokenFromResponse(
      await ask(tsa, request.der),
      original,
      request.nonce,
      [tsa.caDer],
    );
    expect(verified.authority).toContain('CN=Attest Test TSA');
    expect(verified.time.getTime()).toBeGreaterThanOrEqual(before - 2_000);
    expect(verified.time.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
    const again = await verifyTimestampToken(token, original, [tsa.caDer]);
    expect(again.time.toISOString()).toBe(verified.time.toISOString());
  });

  it('refuses the token for any other original', async () => {
    const request = timestampRequestFor(sha256);
    const { token } = await tokenFromResponse(await ask(tsa, request.der), original, request.nonce);
    const otherBytes = new TextEncoder().encode('other bytes');
    const other = { sha256: sha256Of(otherBytes), bytes: otherBytes };
    await expect(verifyTimestampToken(token, other)).rejects.toThrow(
      /stamps [0-9a-f]{64}, not this original/,
    );
  });

  it('refuses a token whose bytes were altered, and one chained to another CA', async () => {
    const request = timestampRequestFor(sha256);
    const { token } = await tokenFromResponse(await ask(tsa, request.der), original, request.nonce);
    const altered = new Uint8Array(token);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 0xff;
    await expect(verifyTimestampToken(altered, original)).rejects.toBeInstanceOf(TimestampInvalid);
    const elsewhere = await startLocalTsa();
    try {
      await expect(verifyTimestampToken(token, original, [elsewhere.caDer])).rejects.toThrow(
        /trusted authority/,
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses an answer to another request (nonce) and a non-answer', async () => {
    const first = timestampRequestFor(sha256);
    const second = timestampRequestFor(sha256);
    const answer = await ask(tsa, first.der);
    await expect(tokenFromResponse(answer, original, second.nonce)).rejects.toThrow(/nonce/);
    await expect(
      tokenFromResponse(new TextEncoder().encode('<html>'), original, first.nonce),
    ).rejects.toThrow(/RFC 3161/);
  });
});

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
