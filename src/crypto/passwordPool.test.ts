import { afterAll, describe, expect, it } from 'vitest';
import { RateLimited } from '../core/errors.ts';
import { createPasswordPool } from './passwordPool.ts';
import { deriveKeyFromPassword, type KdfParams, newKdfSalt, verifyPassword } from './passwords.ts';

const FAST: KdfParams = { algorithm: 'argon2id13', opsLimit: 1, memLimit: 8 * 1024 * 1024 };

describe('the password pool', () => {
  const pool = createPasswordPool({ threads: 1, maxQueued: 1 });
  afterAll(() => pool.close());

  it('hashes, derives and verifies in a worker thread with the same results as libsodium here', async () => {
    const salt = newKdfSalt();
    const hash = await pool.run({ kind: 'hash', password: 'correct horse battery', params: FAST });
    expect(verifyPassword(hash, 'correct horse battery')).toBe(true);
    const key = await pool.run({ kind: 'derive', password: 'correct horse battery', salt, params: FAST });
    expect(key).toEqual(deriveKeyFromPassword('correct horse battery', salt, FAST));
    const checked = await pool.run({
      kind: 'verify',
      hash,
      password: 'correct horse battery',
      salt,
      params: FAST,
    });
    expect(checked).toEqual(key);
    expect(
      await pool.run({ kind: 'verify', hash, password: 'correct horse batterY', salt, params: FAST }),
    ).toBeNull();
    expect(await pool.run({ kind: 'burn', password: 'anything at all' })).toBeNull();
  });

  it('refuses a reservation beyond its threads and queue with RateLimited and a retry time, until one is released', async () => {
    const running = pool.reserve();
    const queued = pool.reserve();
    let refusal: unknown;
    try {
      pool.reserve();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RateLimited);
    expect((refusal as RateLimited).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    queued.release();
    const again = pool.reserve();
    expect(pool.pending()).toBe(2);
    const results = await Promise.all([
      running.run({ kind: 'hash', password: 'first password!', params: FAST }),
      again.run({ kind: 'hash', password: 'second password', params: FAST }),
    ]);
    expect(
      results.map((hash, index) => verifyPassword(hash, ['first password!', 'second password'][index]!)),
    ).toEqual([true, true]);
    expect(pool.pending()).toBe(0);
  });

  it('reports a failed job as an error without the password, and keeps serving', async () => {
    const job = pool.run({
      kind: 'derive',
      password: 'secret words here',
      salt: newKdfSalt(),
      params: { ...FAST, algorithm: 'scrypt' as 'argon2id13' },
    });
    await expect(job).rejects.toThrow(/unsupported algorithm/);
    await expect(job).rejects.not.toThrow(/secret words/);
    expect(pool.pending()).toBe(0);
    expect(await pool.run({ kind: 'burn', password: 'still here' })).toBeNull();
  });

  it('refuses a wait longer than the deadline', () => {
    const slow = createPasswordPool({ threads: 1, maxQueued: 100, maxWaitMs: 100 });
    const first = slow.reserve();
    // The first estimate of a job (before any is measured) is longer than 100 ms.
    expect(() => slow.reserve()).toThrow(RateLimited);
    first.release();
    return slow.close();
  });
});
