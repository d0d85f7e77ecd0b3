import { describe, expect, it } from 'vitest';
import type { ClaimWithSource } from '../../store/claims.ts';
import { evidenceSummary } from './evidence.ts';

const claim = (overrides: Partial<ClaimWithSource>): ClaimWithSource => ({
  id: crypto.randomUUID(),
  incidentId: 'i',
  actId: null,
  sourceId: crypto.randomUUID(),
  actorId: null,
  stance: 'asserts',
  text: '',
  spanStart: 0,
  spanEnd: 0,
  provenance: null,
  actorName: null,
  actorKind: null,
  sourceTitle: null,
  sourceUrl: null,
  sourceOrigin: 'example.org',
  ...overrides,
});

describe('evidence summary', () => {
  it('says "official statements" only when every denier is an authority or security force', () => {
    const police = claim({ stance: 'denies', actorId: 'a1', actorKind: 'security-force' });
    const ministry = claim({ stance: 'denies', actorId: 'a2', actorKind: 'authority' });
    const blogger = claim({ stance: 'denies', actorId: 'a3', actorKind: 'other' });
    // The summary counts the denials listed beneath it: three listed, three counted (issue 10).
    expect(evidenceSummary(4, [police, ministry, { ...ministry, id: 'again' }])).toBe(
      'reported by 4 independent sources; denied by 3 official statements',
    );
    expect(evidenceSummary(1, [police, blogger])).toBe(
      'reported by 1 independent source; denied by 2 statements',
    );
    expect(evidenceSummary(0, [])).toBe('reported by 0 independent sources');
  });
});
