/**
 * A source whose original carries a verified RFC 3161 token shows the authority and the time in the
 * dossier's source list; without a token nothing is claimed. Local authority on 127.0.0.1 (openssl ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { makeDossier } from '../../src/services/dossier/dossier.ts';
import { stampPendingOriginals } from '../../src/services/timestamps/stampOriginals.ts';
import { type LocalTsa, startLocalTsa } from '../support/localTsa.ts';
import { pdfText, writePdf } from '../support/poppler.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { GOLDEN, seedDossierIncident } from './dossierFixture.ts';

describe('a dossier with trusted timestamps', () => {
  let store: TestStore;
  let tsa: LocalTsa;
  let admin: Actor;
  let incidentId: string;
  let out: string;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    tsa = await startLocalTsa();
    ({ admin, incidentId } = await seedDossierIncident(store, GOLDEN));
    out = mkdtempSync(join(tmpdir(), 'attest-dossier-tsa-'));
  });
  afterAll(async () => {
    await store?.close();
    await tsa?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const dossierText = async (name: string) => {
    const dossier = await makeDossier(
      store,
      { incidentId, level: 'partner', zip: false },
      { actor: admin, generatedBy: admin.email },
    );
    return pdfText(writePdf(out, name, dossier.bytes));
  };

  it('names no authority before a token exists, and the authority once the original is stamped', async () => {
    expect(await dossierText('before.pdf')).not.toContain('Attest Test TSA');

    const report = await stampPendingOriginals(
      store,
      { tsaUrl: tsa.url, timeoutMs: 10_000, trustedCertificates: [tsa.caDer] },
      { everyPending: true },
    );
    expect(report.stamped.length).toBeGreaterThan(0);

    expect(await dossierText('after.pdf')).toContain('Attest Test TSA');
  });
});
