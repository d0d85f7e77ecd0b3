/**
 * Casework through the real CLI on two installations (two data directories): a person with a name,
 * a contact and a consent for some fields, an evacuation case with an overdue task, a referral
 * sealed to the second installation's key, imported there with only the consented fields, answered
 * "accepted", and the answer imported back. Then every byte of both data directories, the package
 * files and (PostgreSQL) a pg_dump of both databases are searched for the person's name and contact.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createPostgresDatabase, dataDirFromTemplate } from '../support/stores.ts';
import { attest, type CliResult, encodingsOf, filesContaining, pgDump } from './cliHarness.ts';

const NAME = 'Ramzan Dadaev';
const CONTACT = 'ramzan.safe@example.net';
const NOTE = 'sleeps at the shelter on Lenin street';
const PASSWORD = 'correct horse battery staple';
const ADMIN = 'admin@example.org';

interface Installation {
  dir: string;
  databaseUrl?: string;
  drop?: () => Promise<void>;
}

describe.each(backends())('a referral between two installations through the CLI on %s', (backend) => {
  const work = mkdtempSync(join(tmpdir(), 'attest-referral-files-'));
  const sender: Installation = { dir: mkdtempSync(join(tmpdir(), 'attest-sender-')) };
  const partner: Installation = { dir: mkdtempSync(join(tmpdir(), 'attest-partner-')) };
  const run = (at: Installation, ...args: string[]) =>
    attest([...args, '--json'], {
      ATTEST_DATA: at.dir,
      DATABASE_URL: at.databaseUrl,
      ATTEST_USER: ADMIN,
      ATTEST_PASSWORD: PASSWORD,
    });
  const json = <T = Record<string, unknown>>(result: CliResult): T => {
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  let caseId: string;
  let personCode: string;

  beforeAll(async () => {
    for (const [installation, org] of [
      [sender, 'Sender Org'],
      [partner, 'Partner Org'],
    ] as const) {
      if (backend === 'postgres')
        ({ url: installation.databaseUrl, drop: installation.drop } = await createPostgresDatabase());
      else await dataDirFromTemplate(installation.dir);
      json(await run(installation, 'init', '--org', org, '--admin', ADMIN));
    }
  }, 600_000);
  afterAll(async () => {
    for (const installation of [sender, partner]) {
      await installation.drop?.();
      rmSync(installation.dir, { recursive: true, force: true });
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('opens an evacuation case with consent and an overdue task', async () => {
    personCode = String(
      json(await run(sender, 'person', 'add', '--name', NAME, '--contact', CONTACT, '--note', NOTE)).code,
    );
    const usage = await run(sender, 'case', 'open', '--type', 'evacuation');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs --person/);
    const opened = json<{ id: string }>(
      await run(sender, 'case', 'open', '--person', personCode, '--type', 'evacuation'),
    );
    expect(opened.id).toMatch(/^[0-9a-f-]{36}$/);
    caseId = opened.id;
    json(
      await run(
        sender,
        'case',
        'consent',
        caseId,
        '--person',
        personCode,
        '--fields',
        'name,contacts',
        '--recipient',
        'Partner Org',
      ),
    );
    json(
      await run(
        sender,
        'case',
        'task',
        caseId,
        '--title',
        'book the bus to the border',
        '--due',
        '2020-03-01',
      ),
    );
    const overdue = json<{ cases: Array<{ id: string; overdueTasks: number; status: string }> }>(
      await run(sender, 'case', 'list', '--overdue'),
    );
    expect(overdue.cases).toMatchObject([{ id: caseId, overdueTasks: 1, status: 'open' }]);
    const shown = json<{ tasks: Array<{ title: string; overdue: boolean }>; persons: string[] }>(
      await run(sender, 'case', 'show', caseId),
    );
    expect(shown.persons).toEqual([personCode]);
    expect(shown.tasks).toMatchObject([{ title: 'book the bus to the border', overdue: true }]);
  }, 600_000);

  it('refers the case with the consented fields only, and brings the answer back', async () => {
    const key = join(work, `${backend}-partner-key.json`);
    const partnerKey = json<{ publicKey: string; fingerprint: string }>(
      await run(partner, 'org', 'key', '--out', key),
    );
    const senderKey = json<{ fingerprint: string }>(await run(sender, 'org', 'key'));
    const pkg = join(work, `${backend}-referral.json`);
    const refused = await run(
      sender,
      'referral',
      'create',
      caseId,
      '--to',
      key,
      '--fields',
      'name,note',
      '--out',
      pkg,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`${personCode} has not consented to share note`));
    const created = json<{ id: string; partnerFingerprint: string }>(
      await run(sender, 'referral', 'create', caseId, '--to', key, '--fields', 'name,contacts', '--out', pkg),
    );
    expect(created.partnerFingerprint).toBe(partnerKey.fingerprint);

    const imported = json<{
      referralId: string;
      persons: string[];
      senderFingerprint: string;
      caseId: string;
    }>(await run(partner, 'referral', 'import', pkg));
    expect(imported.referralId).toBe(created.id);
    expect(imported.senderFingerprint).toBe(senderKey.fingerprint);
    const there = json(await run(partner, 'person', 'show', imported.persons[0]!));
    expect(there).toMatchObject({
      name: NAME,
      contacts: [CONTACT],
      note: null,
      aliases: [],
      birthDate: null,
    });
    const partnerCase = json(await run(partner, 'case', 'show', imported.caseId));
    expect(partnerCase).toMatchObject({ type: 'evacuation', status: 'open', tasks: [] });

    const reply = join(work, `${backend}-reply.json`);
    json(
      await run(partner, 'referral', 'reply', imported.referralId, '--status', 'accepted', '--out', reply),
    );
    expect(json(await run(sender, 'referral', 'status', reply))).toMatchObject({ status: 'accepted' });
    const sent = json<{ referrals: Array<{ id: string; status: string; direction: string }> }>(
      await run(sender, 'referral', 'list'),
    );
    expect(sent.referrals).toMatchObject([{ id: created.id, direction: 'outgoing', status: 'accepted' }]);
    const received = json<{ referrals: Array<{ status: string; direction: string }> }>(
      await run(partner, 'referral', 'list'),
    );
    expect(received.referrals).toMatchObject([{ direction: 'incoming', status: 'accepted' }]);
    // The package and the reply are useless to anyone without the keys.
    for (const file of [pkg, reply]) {
      const bytes = readFileSync(file);
      for (const secret of [NAME, CONTACT])
        for (const form of encodingsOf(secret)) expect(bytes.includes(form)).toBe(false);
    }
  }, 600_000);

  it('leaves the name and contact nowhere on either disk nor in either database dump', async () => {
    for (const installation of [sender, partner]) {
      for (const secret of [NAME, CONTACT, NOTE])
        expect(filesContaining(installation.dir, secret), secret).toEqual([]);
      if (installation.databaseUrl) {
        const dump = Buffer.from(await pgDump(installation.databaseUrl));
        expect(dump.includes(Buffer.from('case_consents'))).toBe(true);
        for (const secret of [NAME, CONTACT, NOTE])
          for (const form of encodingsOf(secret)) expect(dump.includes(form), secret).toBe(false);
      }
    }
  }, 600_000);
});
