/**
 * Backup, restore and verify through the real command line, along the path an organisation takes when
 * it outgrows one machine: PGlite → PostgreSQL → PGlite, `attest verify` passing at every stop.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addPerson } from '../../src/services/persons/persons.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';
import { anOrganisation } from '../protection/fixtures.ts';
import { type CliResult, jsonOf, runCli } from '../support/cli.ts';
import { createPostgresDatabase, dataDirFromTemplate } from '../support/stores.ts';

interface VerifyJson {
  ok: boolean;
  sources: number;
  originals: number;
  problems: Array<{ kind: string; message: string }>;
  audit: { ok: boolean; headSeq: number; headHash: string; anchor: { seq: number; hash: string } | null };
}

const withPostgres = inject('postgresAdminUrl') !== null;

describe('attest backup, restore and verify', () => {
  let work: string;
  let origin: string;
  let originHead: { seq: number; hash: string };
  const drops: Array<() => Promise<void>> = [];
  const attest = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env });
  const verified = async (dataDir: string, databaseUrl?: string) => {
    const result = await attest(['verify', '--json', '--data', dataDir], { DATABASE_URL: databaseUrl });
    expect(result.code, result.stderr).toBe(0);
    return jsonOf<VerifyJson>(result);
  };
  const oneClearLine = (result: CliResult, pattern: RegExp) => {
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(pattern)]);
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-backup-cli-'));
    origin = join(work, 'origin');
    // A migrated template instead of creating a PGlite database (seconds saved), then content in-process.
    await dataDirFromTemplate(origin);
    const store: Store = await openStore({ dataDir: origin });
    try {
      const { admin } = await anOrganisation(store.db);
      await ingestOne(store, {
        fileName: 'report.txt',
        bytes: Buffer.from('Cinco ativistas foram presos em Moscou na quinta-feira.'),
        capturedBy: 'officer',
      });
      await addPerson(store.db, admin, { name: 'Ana Example' });
    } finally {
      await store.close();
    }
    const before = await verified(origin);
    expect(before).toMatchObject({ ok: true, sources: 1, originals: 1 });
    originHead = { seq: before.audit.headSeq, hash: before.audit.headHash };
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up to a new file, and never over an existing one', async () => {
    const file = join(work, 'origin.tar.gz');
    const result = await attest(['backup', '--json', '--data', origin, file]);
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOf(result)).toMatchObject({ originals: 1, auditHead: originHead });
    oneClearLine(await attest(['backup', '--data', origin, file]), /origin\.tar\.gz already exists/);
  });

  it.runIf(withPostgres)('moves PGlite → PostgreSQL → PGlite with verify passing at each stop', async () => {
    const postgres = await createPostgresDatabase();
    drops.push(postgres.drop);
    const onPostgres = join(work, 'on-postgres');
    const toPostgres = await attest(['restore', join(work, 'origin.tar.gz'), '--data', onPostgres], {
      DATABASE_URL: postgres.url,
    });
    expect(toPostgres.code, toPostgres.stderr).toBe(0);
    expect(await verified(onPostgres, postgres.url)).toMatchObject({
      ok: true,
      sources: 1,
      originals: 1,
      audit: { headSeq: originHead.seq, headHash: originHead.hash, anchor: originHead },
    });
    const again = join(work, 'from-postgres.tar.gz');
    const backup = await attest(['backup', '--data', onPostgres, again], { DATABASE_URL: postgres.url });
    expect(backup.code, backup.stderr).toBe(0);
    const backHome = join(work, 'back-home');
    const toPglite = await attest(['restore', again, '--data', backHome]);
    expect(toPglite.code, toPglite.stderr).toBe(0);
    expect(await verified(backHome)).toMatchObject({
      ok: true,
      sources: 1,
      audit: { headSeq: originHead.seq, headHash: originHead.hash },
    });
  });

  it('refuses a truncated or altered archive with one line naming it, creating nothing', async () => {
    const bytes = readFileSync(join(work, 'origin.tar.gz'));
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, bytes.byteLength - 100));
    const altered = join(work, 'altered.tar.gz');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.byteLength / 3)]! ^= 0x04;
    writeFileSync(altered, flipped);
    for (const file of [truncated, altered]) {
      const target = join(work, 'never');
      oneClearLine(
        await attest(['restore', file, '--data', target]),
        new RegExp(`^attest: backup ${file}: damaged or altered`),
      );
      expect(existsSync(target)).toBe(false);
    }
  });

  it('refuses to restore onto a data directory that is not empty, leaving it as it was', async () => {
    const before = readdirSync(origin).sort();
    oneClearLine(
      await attest(['restore', join(work, 'origin.tar.gz'), '--data', origin]),
      /data directory .*origin is not empty/,
    );
    expect(readdirSync(origin).sort()).toEqual(before);
    expect(await verified(origin)).toMatchObject({ ok: true, audit: { headSeq: originHead.seq } });
  });

  it('verify exits 1 naming a changed original; audit verify names a lost tail', async () => {
    const restored = join(work, 'restored');
    const result = await attest(['restore', join(work, 'origin.tar.gz'), '--data', restored]);
    expect(result.code, result.stderr).toBe(0);
    const [original] = readdirSync(join(restored, 'files'), { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name),
    );
    const path = join(original!.parentPath, original!.name);
    const bytes = readFileSync(path);
    bytes[3]! ^= 0x01;
    writeFileSync(path, bytes);
    const broken = await attest(['verify', '--json', '--data', restored]);
    expect(broken.code).toBe(1);
    expect(jsonOf<VerifyJson>(broken)).toMatchObject({ ok: false, problems: [{ kind: 'altered-original' }] });
    expect(broken.stderr).toContain(`original files/${original!.name.slice(0, 2)}/`);

    // The operator removes the newest audit entries and fixes up the head row, as a superuser can.
    const db = await openPgliteDb({ dataDir: join(restored, 'db') });
    await db.exec(
      `alter table audit_log disable trigger user; delete from audit_log where seq > 1;
       update audit_chain_head set seq = 1, hash = (select hash from audit_log where seq = 1);
       alter table audit_log enable trigger user;`,
    );
    await db.close();
    const audit = await attest(['audit', 'verify', '--data', restored]);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toMatch(
      new RegExp(
        `audit entries 2–${originHead.seq} are missing: the anchor says the chain reached ${originHead.seq}`,
      ),
    );
    expect(audit.stdout).toContain(`anchor (audit-anchor.log): ${originHead.seq} ${originHead.hash}`);
  });
});
