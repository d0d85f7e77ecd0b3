import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../../test/support/commandIo.ts';
import { repoRoot } from '../../test/support/paths.ts';
import { main } from '../cli/main.ts';
import { UsageError } from '../core/errors.ts';
import { ENVIRONMENT_VARIABLES, environmentSecret, runtimeConfigFrom, SECRET_VARIABLES } from './config.ts';

describe('runtime configuration', () => {
  it('reads every setting, with empty and unset variables left to their defaults', () => {
    expect(
      runtimeConfigFrom({
        ATTEST_DATA: ' /srv/attest ',
        DATABASE_URL: 'postgres://app:pw@db/attest',
        DATABASE_OWNER_URL: '',
        ATTEST_PORT: '0',
        ATTEST_MAX_FILE_MB: '1.5',
        ATTEST_USER: 'ana@example.org',
        ATTEST_DEBUG: '1',
      }),
    ).toEqual({
      dataDir: '/srv/attest',
      databaseUrl: 'postgres://app:pw@db/attest',
      databaseOwnerUrl: undefined,
      port: 0,
      maxFileBytes: 1_572_864,
      user: 'ana@example.org',
      totp: undefined,
      debug: true,
    });
    expect(runtimeConfigFrom({}).debug).toBe(false);
  });

  it.each([
    ['ATTEST_PORT', '70000', 'ATTEST_PORT must be at most 65535'],
    ['ATTEST_PORT', 'http', 'ATTEST_PORT'],
    ['ATTEST_MAX_FILE_MB', '-3', 'ATTEST_MAX_FILE_MB must be a positive number of megabytes'],
    ['ATTEST_DECODE_WORKERS', '0', 'ATTEST_DECODE_WORKERS must be at least 1'],
    ['DATABASE_URL', 'mysql://app:s3cret@db/attest', 'DATABASE_URL must be a postgres:// or postgresql://'],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      runtimeConfigFrom({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    // A connection URL carries a password: the message names the variable, never the value.
    expect((error as Error).message).not.toContain(value);
  });

  it('keeps a password exactly as given', () => {
    expect(environmentSecret({ ATTEST_PASSWORD: ' two words ' }, 'ATTEST_PASSWORD')).toBe(' two words ');
    expect(environmentSecret({ ATTEST_PASSWORD: '' }, 'ATTEST_PASSWORD')).toBeUndefined();
  });

  it('is documented: every variable is in the README configuration table', () => {
    const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
    for (const name of [...Object.keys(ENVIRONMENT_VARIABLES), ...SECRET_VARIABLES])
      expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('stops a command with exit 2 and the variable named, before opening anything', async () => {
    const { io, err } = fakeIo('');
    io.env = { DATABASE_URL: 'mysql://app:s3cret@db/attest' };
    expect(await main(['search', 'word'], io)).toBe(2);
    expect(err()).toContain('DATABASE_URL must be a postgres://');
    expect(err()).not.toContain('s3cret');
  });
});
