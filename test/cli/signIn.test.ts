/**
 * Once accounts exist, the commands that write provenance or take data out sign in: `ingest` records
 * the signed-in account as "captured by", `export` needs a role that may export, and an
 * administrator lifts a sign-in lock with `user unlock`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/openStore.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { aPortugueseArticle } from '../support/shared.ts';

/** The seed where ../shared has it, else the project's own Portuguese article. */
const seed = aPortugueseArticle().path;
const PASSWORD = TEST_PASSWORD;
const ADMIN = 'admin@example.org';
const VIEWER = 'viewer@example.org';

async function query<Row>(dataDir: string, sql: string, params: string[] = []): Promise<Row[]> {
  const store = await openStore({ dataDir });
  try {
    return await store.db.query<Row>(sql, params);
  } finally {
    await store.close();
  }
}

describe('commands that sign in once accounts exist', () => {
  let work: string;
  let dataDir: string;
  const as = (user?: string, password?: string) => ({
    env: {
      ATTEST_DATA: dataDir,
      ATTEST_USER: user,
      ATTEST_PASSWORD: password,
      ATTEST_NEW_PASSWORD: PASSWORD,
    },
  });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-cli-signin-'));
    dataDir = join(work, 'data');
    const init = await runCli(
      ['init', '--org', 'Test org', '--admin', ADMIN, '--json'],
      as(undefined, PASSWORD),
    );
    expect(init.code, init.stderr).toBe(0);
    const viewer = await runCli(['user', 'add', '--email', VIEWER, '--role', 'viewer'], as(ADMIN, PASSWORD));
    expect(viewer.code, viewer.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ingest refuses an operator who has not signed in, storing nothing, and records the account that signed in', async () => {
    const anonymous = await runCli(['ingest', seed], as());
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('set ATTEST_USER and ATTEST_PASSWORD to ingest');
    const claimed = await runCli(['ingest', seed], as(ADMIN));
    expect(claimed.code).toBe(2);
    expect(claimed.stderr).toContain('set ATTEST_PASSWORD');
    expect(await query(dataDir, 'select id from sources')).toEqual([]);

    const signed = await runCli(['ingest', '--json', seed], as(ADMIN, PASSWORD));
    expect(signed.code, signed.stderr).toBe(0);
    expect(jsonOf<{ sources: Array<{ duplicate: boolean }> }>(signed).sources[0]?.duplicate).toBe(false);
    const [admin] = await query<{ id: string }>(dataDir, 'select id from users where email = $1', [ADMIN]);
    expect(await query(dataDir, 'select captured_by from sources')).toEqual([{ captured_by: admin!.id }]);
  });

  it('export refuses an unsigned operator and a role that may not export, writing nothing', async () => {
    const partner = join(work, 'partner');
    const anonymous = await runCli(['export', partner], as());
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('set ATTEST_USER and ATTEST_PASSWORD to export');
    const viewer = await runCli(['export', '--public', partner], as(VIEWER, PASSWORD));
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('a viewer may not export the dataset');
    expect(existsSync(partner)).toBe(false);
    const denied = await query<{ outcome: string }>(
      dataDir,
      "select outcome from audit_log where action = 'dataset.export'",
    );
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('user unlock lifts a lock, audited, so the owner signs in again', async () => {
    // As if someone had guessed wrong five times: the viewer is locked for a quarter of an hour.
    await query(
      dataDir,
      `update users set failed_logins = 5, locked_until = now() + interval '15 minutes' where email = $1`,
      [VIEWER],
    );
    const unlock = await runCli(['user', 'unlock', VIEWER, '--json'], as(ADMIN, PASSWORD));
    expect(unlock.code, unlock.stderr).toBe(0);
    expect(jsonOf(unlock)).toMatchObject({ email: VIEWER, wasLocked: true, failures: 5 });
    // Signed in again: refused for the role now, no longer for the password.
    const again = await runCli(['export', join(work, 'x')], as(VIEWER, PASSWORD));
    expect(again.stderr).toContain('a viewer may not export the dataset');
    const audited = await query<{ action: string; details: Record<string, unknown> }>(
      dataDir,
      "select action, details from audit_log where action = 'user.unlock'",
    );
    expect(audited).toEqual([{ action: 'user.unlock', details: { wasLocked: true, failures: 5 } }]);
    const missing = await runCli(['user', 'unlock'], as(ADMIN, PASSWORD));
    expect(missing.code).toBe(2);
  });
});
