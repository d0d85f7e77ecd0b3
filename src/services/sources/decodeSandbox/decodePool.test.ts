import { afterEach, describe, expect, it } from 'vitest';
import { makeDocxBomb, makeNestedHtml } from '../../../../test/support/hostileFiles.ts';
import { makePdf } from '../../../../test/support/pdf.ts';
import { InvalidInput } from '../../../core/errors.ts';
import { DEFAULT_DECODE_LIMITS } from '../../../decode/decodeLimits.ts';
import { createDecodePool, type DecodePool } from './decodePool.ts';
import { DEFAULT_DECODE_SETTINGS, type DecodeSettings } from './decodeSettings.ts';

const report = new TextEncoder().encode(
  'On 12 May 2017 police detained 15 activists in Moscow, according to Memorial.',
);

let pool: DecodePool | null = null;
const poolWith = (settings: Partial<DecodeSettings>) => {
  pool = createDecodePool({ ...DEFAULT_DECODE_SETTINGS, workers: 1, ...settings });
  return pool;
};
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('decode pool', () => {
  it('decodes and extracts in a worker', async () => {
    const outcome = await poolWith({}).decode(report, 'r.txt', '2017-05-13');
    expect(outcome.kind).toBe('decoded');
    if (outcome.kind !== 'decoded') return;
    expect(outcome.decoded.text).toContain('detained 15 activists');
    expect(outcome.suggestions?.language).toBe('en');
    expect(outcome.suggestions?.published).toBe('2017-05-13');
    expect(outcome.extractionProblem).toBeNull();
  });

  it('reports a file over a limit as not decoded, and a corrupt one as InvalidInput naming it', async () => {
    const decoder = poolWith({});
    expect(await decoder.decode(makeDocxBomb(80 * 1024 * 1024), 'bomb.docx', null)).toEqual({
      kind: 'not-decoded',
      reason: 'ZIP archive inflates to more than 64 MB',
    });
    const corrupt = makePdf({ pages: [['x']] }).subarray(0, 60);
    await expect(decoder.decode(corrupt, 'c.pdf', null)).rejects.toThrow(
      new InvalidInput('c.pdf', 'corrupt or unreadable PDF'),
    );
  });

  it('terminates a worker out of heap, replaces it, and goes on with the next file', async () => {
    // Limits raised so the DOM really gets built: the heap limit is what must stop it.
    const decoder = poolWith({
      heapMb: 32,
      limits: { ...DEFAULT_DECODE_LIMITS, maxHtmlDepth: 10_000_000, maxHtmlElements: 10_000_000 },
    });
    const [hostile, next] = await Promise.all([
      decoder.decode(makeNestedHtml(400_000), 'deep.html', null),
      decoder.decode(report, 'next.txt', null),
    ]);
    expect(hostile).toEqual({ kind: 'not-decoded', reason: 'memory limit (32 MB)' });
    expect(next.kind).toBe('decoded');
  });

  it('stops a decode past its time budget', async () => {
    const slow = poolWith({
      timeoutMs: 200,
      limits: { ...DEFAULT_DECODE_LIMITS, maxHtmlDepth: 10_000_000, maxHtmlElements: 10_000_000 },
    });
    expect(await slow.decode(makeNestedHtml(300_000), 'deep.html', null)).toEqual({
      kind: 'not-decoded',
      reason: 'time limit (0.2 s)',
    });
  });

  it('keeps the text of a file whose extraction runs out of time, without suggestions', async () => {
    const long = new TextEncoder().encode(
      'On 12 May 2017 police detained 15 activists in Moscow, according to Memorial. '.repeat(40_000),
    );
    const outcome = await poolWith({ extractTimeoutMs: 200 }).decode(long, 'long.txt', null);
    expect(outcome).toMatchObject({
      kind: 'decoded',
      suggestions: null,
      extractionProblem: 'time limit (0.2 s)',
    });
    if (outcome.kind === 'decoded') expect(outcome.decoded.text.length).toBe(long.length);
  });
});
