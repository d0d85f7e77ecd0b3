/**
 * `attest user …` for administration, through `main` in-process on a PGlite data directory: `user
 * add` asks for the first password on the (hidden) prompt, or prints an invitation with --invite
 * that `user accept` turns into a password; list, disable, enable, reset-password (by administrator
 * and with the recovery key); TOTP turns on only with a valid code; usage mistakes exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from '../support/commandIo.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { totpCodeFor } from '../support/totpCode.ts';

const PASSWORD = 'correct horse battery staple';
const ADMIN = 'admin@example.org';

describe('attest user for administrators', () => {
  let work: string;
  let dataDir: string;
  let recoveryKey = '';

  /** Runs `attest ARGS` with ATTEST_* variables; `answers` are given to hidden prompts in order. */
  async function attest(args: string[], env: Record<string, string> = {}, answers: string[] = []) {
    const { io, out, err } = fakeIo();
    const asked: string[] = [];
    io.env = { ATTEST_DATA: dataDir, ...env };
    io.promptHidden = async (question) => {
      asked.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
      return answer;
    };
    const code = await main(args, io);
    return { code, stdout: out(), stderr: err(), asked };
  }
  const asAdmin = { ATTEST_USER: ADMIN, ATTEST_PASSWORD: PASSWORD };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-cli-admin-'));
    dataDir = join(work, 'data');
    await dataDirFromTemplate(dataDir);
    const init = await attest(['init', '--org', 'Test org', '--admin', ADMIN, '--json'], {
      ATTEST_PASSWORD: PASSWORD,
    });
    expect(init.code, init.stderr).toBe(0);
    recoveryKey = JSON.parse(init.stdout).recoveryKey;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('user add asks for the first password twice on the hidden prompt, without ATTEST_NEW_PASSWORD', async () => {
    const added = await attest(
      ['user', 'add', '--email', 'ana@example.org', '--role', 'investigator', '--json'],
      asAdmin,
      [PASSWORD, PASSWORD],
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.asked).toEqual(['Initial password for ana@example.org: ', 'Repeat it: ']);
    expect(JSON.parse(added.stdout)).toMatchObject({ email: 'ana@example.org', role: 'investigator' });
    const differ = await attest(['user', 'add', '--email', 'bo@example.org', '--role', 'viewer'], asAdmin, [
      PASSWORD,
      'something else entirely',
    ]);
    expect(differ.code).toBe(1);
    expect(differ.stderr).toContain('the two entries differ');
  });

  it('invites with --invite, and the invitee sets the password with user accept', async () => {
    const invited = await attest(
      ['user', 'add', '--email', 'carla@example.org', '--role', 'caseworker', '--invite', '--json'],
      asAdmin,
    );
    expect(invited.code, invited.stderr).toBe(0);
    const { invitation } = JSON.parse(invited.stdout);
    expect(invitation).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const accepted = await attest(['user', 'accept', '--json'], {}, [
      invitation,
      'carla own passphrase',
      'carla own passphrase',
    ]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ email: 'carla@example.org' });
    const list = await attest(['user', 'list', '--json'], {
      ATTEST_USER: 'carla@example.org',
      ATTEST_PASSWORD: 'carla own passphrase',
    });
    // A caseworker signs in, but may not list accounts.
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/may not list accounts/);
  });

  it('lists, disables and enables users', async () => {
    const listed = await attest(['user', 'list', '--json'], asAdmin);
    expect(listed.code, listed.stderr).toBe(0);
    const users = JSON.parse(listed.stdout).users as Array<{
      email: string;
      role: string;
      disabled: boolean;
    }>;
    expect(users.map((user) => user.email)).toEqual([
      'admin@example.org',
      'ana@example.org',
      'carla@example.org',
    ]);
    expect(users[0]).toMatchObject({ role: 'administrator', disabled: false, invited: false, totp: false });

    expect((await attest(['user', 'disable', 'ana@example.org'], asAdmin)).code).toBe(0);
    // A disabled account cannot sign in (the answer is the same as a wrong password).
    const refused = await attest(['user', 'totp'], {
      ATTEST_USER: 'ana@example.org',
      ATTEST_PASSWORD: PASSWORD,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('wrong e-mail, password or TOTP code');
    const off = JSON.parse((await attest(['user', 'list', '--json'], asAdmin)).stdout).users;
    expect(off.find((user: { email: string }) => user.email === 'ana@example.org').disabled).toBe(true);
    expect((await attest(['user', 'enable', 'ana@example.org'], asAdmin)).code).toBe(0);
    const on = JSON.parse((await attest(['user', 'list', '--json'], asAdmin)).stdout).users;
    expect(on.find((user: { email: string }) => user.email === 'ana@example.org').disabled).toBe(false);
  });

  it('resets a password as an administrator (an invitation) and with the recovery key', async () => {
    const reset = await attest(['user', 'reset-password', 'ana@example.org', '--json'], asAdmin);
    expect(reset.code, reset.stderr).toBe(0);
    const { invitation } = JSON.parse(reset.stdout);
    const accepted = await attest(['user', 'accept'], {
      ATTEST_INVITATION: invitation,
      ATTEST_NEW_PASSWORD: 'ana after the reset',
    });
    expect(accepted.code, accepted.stderr).toBe(0);

    const recovered = await attest(['user', 'reset-password', 'ana@example.org', '--recovery'], {}, [
      recoveryKey,
      'ana after recovery',
      'ana after recovery',
    ]);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.asked[0]).toBe('Organisation recovery key: ');
    const wrongKey = await attest(['user', 'reset-password', 'ana@example.org', '--recovery'], {
      ATTEST_RECOVERY_KEY: 'ABCD-EFGH',
      ATTEST_NEW_PASSWORD: 'not going to happen',
    });
    expect(wrongKey.code).toBe(1);
  });

  it('turns TOTP on only with a valid code', async () => {
    const ana = { ATTEST_USER: 'ana@example.org', ATTEST_PASSWORD: 'ana after recovery' };
    const started = await attest(['user', 'totp', '--json'], ana);
    expect(started.code, started.stderr).toBe(0);
    const secret = JSON.parse(started.stdout).secret as string;
    const wrong = await attest(
      ['user', 'totp', '--code', totpCodeFor(secret, Date.now() / 1000 + 3600)],
      ana,
    );
    expect(wrong.code).toBe(1);
    // Still off: signing in needs no code.
    expect((await attest(['user', 'list'], ana)).stderr).not.toMatch(/wrong e-mail/);
    const on = await attest(['user', 'totp', '--code', totpCodeFor(secret, Date.now() / 1000)], ana);
    expect(on.code, on.stderr).toBe(0);
    const without = await attest(['user', 'totp'], ana);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('wrong e-mail, password or TOTP code');
  });

  it('reads the audit log and lists compartments with their members', async () => {
    const log = await attest(['audit', 'log', '--action', 'user.disable', '--json'], asAdmin);
    expect(log.code, log.stderr).toBe(0);
    const { entries, nextBefore } = JSON.parse(log.stdout);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'user.disable', outcome: 'allowed' });
    expect(nextBefore).toBeNull();
    const denied = await attest(['audit', 'log'], {
      ATTEST_USER: 'carla@example.org',
      ATTEST_PASSWORD: 'carla own passphrase',
    });
    expect(denied.code).toBe(1);
    const compartments = await attest(['compartment', 'list', '--json'], asAdmin);
    expect(compartments.code, compartments.stderr).toBe(0);
    const [organisation] = JSON.parse(compartments.stdout).compartments;
    expect(organisation).toMatchObject({ code: 'C-0001', kind: 'organisation' });
    expect(organisation.members.map((m: { email: string }) => m.email)).toContain('admin@example.org');
  });

  it('usage mistakes exit 2 with the help', async () => {
    for (const args of [
      ['user'],
      ['user', 'frobnicate'],
      ['user', 'disable'],
      ['user', 'enable', 'a@example.org', 'b@example.org'],
      ['user', 'add', '--email', 'x@example.org'],
      ['user', 'list', 'extra'],
      ['user', 'reset-password'],
      ['user', 'list', '--bogus'],
      ['audit', 'log', 'extra'],
      ['audit'],
    ]) {
      const result = await attest(args, asAdmin);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(`Usage: attest ${args[0]}`);
    }
  });
});
