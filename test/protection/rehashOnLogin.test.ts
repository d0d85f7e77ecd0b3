/**
 * Rehash on sign-in: an account whose password was stored with weaker Argon2id parameters gets a new
 * verifier and a re-wrapped private key at its next sign-in, keeps its key pair, and signs in again
 * with the same password; an account already at the parameters is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordNeedsRehash } from '../../src/crypto/passwords.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate, login } from '../../src/services/accounts/login.ts';
import { usersRepository } from '../../src/store/users.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows, FAST_KDF, PASSWORD } from './fixtures.ts';

/** Stronger than the accounts' FAST_KDF, still cheap enough for a test. */
const STRONGER = { algorithm: 'argon2id13', opsLimit: 2, memLimit: 16 * 1024 * 1024 } as const;

describe.each(backends())('rehash on sign-in on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    const { admin } = await anOrganisation(store.db);
    releaseActor(await aUser(store.db, admin, 'weak@example.org', 'investigator'));
  });
  afterAll(() => store?.close());

  const row = async () => (await usersRepository(store.db).findByEmail('weak@example.org'))!;

  it('upgrades a weaker verifier and re-wraps the same private key', async () => {
    const before = await row();
    expect(before.kdfParams).toEqual(FAST_KDF);
    expect(passwordNeedsRehash(before.passwordHash, STRONGER)).toBe(true);

    const { actor } = await login(
      store.db,
      { email: 'weak@example.org', password: PASSWORD },
      { rehashTo: STRONGER },
    );
    const after = await row();
    expect(after.kdfParams).toEqual(STRONGER);
    expect(passwordNeedsRehash(after.passwordHash, STRONGER)).toBe(false);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(Buffer.from(after.kdfSalt).equals(Buffer.from(before.kdfSalt))).toBe(false);
    expect(Buffer.from(after.publicKey).equals(Buffer.from(before.publicKey))).toBe(true);

    // The same password opens the same private key under the new parameters.
    const again = await authenticate(store.db, { email: 'weak@example.org', password: PASSWORD });
    expect(again.keyPair.privateKey).toEqual(actor.keyPair.privateKey);
    const rehashed = await auditRows(store.db, 'auth.rehash');
    expect(rehashed).toHaveLength(1);
    expect(rehashed[0]).toMatchObject({ actor: actor.userId, record_id: actor.userId });
    releaseActor(actor);
    releaseActor(again);
  });

  it('leaves an account already at the parameters alone', async () => {
    const before = await row();
    const { actor } = await login(
      store.db,
      { email: 'weak@example.org', password: PASSWORD },
      { rehashTo: STRONGER },
    );
    releaseActor(actor);
    expect((await row()).passwordHash).toBe(before.passwordHash);
    expect(await auditRows(store.db, 'auth.rehash')).toHaveLength(1);
  });

  it('does nothing without parameters to reach', async () => {
    const before = await row();
    const { actor } = await login(store.db, { email: 'weak@example.org', password: PASSWORD });
    releaseActor(actor);
    expect((await row()).kdfParams).toEqual(before.kdfParams);
  });
});
