import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_KDF } from '../../test/support/factories.ts';
import { blindIndex, normaliseForIndex } from './blindIndex.ts';
import { deriveBlindIndexKey, newCompartmentKey } from './compartmentKeys.ts';
import { deriveKeyFromPassword, hashPassword, newKdfSalt, verifyPassword } from './passwords.ts';
import { openIntakeSubmission, sealForOrganisation } from './publicIntake.ts';
import { formatRecoveryKey, newRecoverySeed, parseRecoveryKey, recoveryKeyPair } from './recoveryKey.ts';
import {
  newKeyPair,
  openSealedWithKeyPair,
  publicKeyOf,
  sealToPublicKey,
  UnwrapFailed,
  unwrapSecret,
  wrapSecret,
} from './userKeys.ts';

// Fast parameters for unit tests only; production uses KDF_PARAMS (see passwords.ts).

describe('passwords', () => {
  it('verifies the right password and rejects others', () => {
    const hash = hashPassword('correct horse battery', FAST_KDF);
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('derives the same key from the same password and salt only', () => {
    const salt = newKdfSalt();
    const a = deriveKeyFromPassword('pw one two three', salt, FAST_KDF);
    expect(deriveKeyFromPassword('pw one two three', salt, FAST_KDF)).toEqual(a);
    expect(deriveKeyFromPassword('pw one two three', newKdfSalt(), FAST_KDF)).not.toEqual(a);
    expect(deriveKeyFromPassword('pw one two threE', salt, FAST_KDF)).not.toEqual(a);
  });
});

describe('wrapping a private key', () => {
  const wrappingKey = deriveKeyFromPassword('a long enough password', newKdfSalt(), FAST_KDF);
  const pair = newKeyPair();

  it('round-trips and is bound to owner and purpose', () => {
    const wrapped = wrapSecret(wrappingKey, pair.privateKey, 'user-private-key', 'u1');
    expect(unwrapSecret(wrappingKey, wrapped, 'user-private-key', 'u1')).toEqual(pair.privateKey);
    expect(() => unwrapSecret(wrappingKey, wrapped, 'user-private-key', 'u2')).toThrow(UnwrapFailed);
    expect(() => unwrapSecret(wrappingKey, wrapped, 'session-private-key', 'u1')).toThrow(UnwrapFailed);
    const other = deriveKeyFromPassword('another password!', newKdfSalt(), FAST_KDF);
    expect(() => unwrapSecret(other, wrapped, 'user-private-key', 'u1')).toThrow(UnwrapFailed);
  });

  it('fails when any bit of the wrapped key is flipped', () => {
    const wrapped = wrapSecret(wrappingKey, pair.privateKey, 'user-private-key', 'u1');
    for (let bit = 0; bit < wrapped.byteLength * 8; bit += 1) {
      const altered = wrapped.slice();
      altered[bit >> 3]! ^= 1 << (bit & 7);
      expect(() => unwrapSecret(wrappingKey, altered, 'user-private-key', 'u1')).toThrow(UnwrapFailed);
    }
  });

  it('seals compartment keys to a public key that only the matching private key opens', () => {
    const key = newCompartmentKey('0b6f3a0e-8c1d-4c55-9d0e-7c2f1a9b3e44');
    const sealed = sealToPublicKey(key.bytes, pair.publicKey);
    expect(openSealedWithKeyPair(sealed, pair)).toEqual(key.bytes);
    expect(() => openSealedWithKeyPair(sealed, newKeyPair())).toThrow(UnwrapFailed);
    expect(publicKeyOf(pair.privateKey)).toEqual(pair.publicKey);
  });
});

describe('recovery key', () => {
  it('round-trips through its printed form, tolerating case and spacing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        const text = formatRecoveryKey(seed);
        expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(parseRecoveryKey(text)).toEqual(seed);
        expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))).toEqual(seed);
      }),
      { numRuns: 100 },
    );
  });

  it('catches a mistyped character by its checksum', () => {
    const text = formatRecoveryKey(newRecoverySeed());
    const swapped = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    expect(() => parseRecoveryKey(swapped)).toThrow(/checksum|alphabet/);
  });

  it('yields the same key pair from the same seed, which opens what was sealed to it', () => {
    const seed = newRecoverySeed();
    const pair = recoveryKeyPair(seed);
    const sealed = sealToPublicKey(new Uint8Array([1, 2, 3]), pair.publicKey);
    const again = recoveryKeyPair(parseRecoveryKey(formatRecoveryKey(seed)));
    expect(openSealedWithKeyPair(sealed, again)).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('blind index', () => {
  const key = newCompartmentKey('0b6f3a0e-8c1d-4c55-9d0e-7c2f1a9b3e44');
  const indexKey = deriveBlindIndexKey(key);

  it('matches equal names after normalisation, differs across keys and fields', () => {
    expect(blindIndex(indexKey, 'name', 'Zarema  Testova')).toEqual(
      blindIndex(indexKey, 'name', ' zarema testova'),
    );
    expect(normaliseForIndex('ＡＢＣ  d')).toBe('abc d');
    expect(blindIndex(indexKey, 'name', 'Zarema')).not.toEqual(blindIndex(indexKey, 'alias', 'Zarema'));
    const otherKey = deriveBlindIndexKey(newCompartmentKey('5d1c2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e'));
    expect(blindIndex(otherKey, 'name', 'Zarema')).not.toEqual(blindIndex(indexKey, 'name', 'Zarema'));
    expect(indexKey).not.toEqual(key.bytes);
  });
});

describe('public intake sealed box', () => {
  it('round-trips to the organisation and fails for anyone else or on any flipped bit', () => {
    const org = newKeyPair();
    const message = new TextEncoder().encode('they took my brother on Tuesday');
    const sealed = sealForOrganisation(message, org.publicKey);
    expect(openIntakeSubmission(sealed, org)).toEqual(message);
    expect(() => openIntakeSubmission(sealed, newKeyPair())).toThrow(UnwrapFailed);
    for (let bit = 0; bit < sealed.byteLength * 8; bit += 7) {
      const altered = sealed.slice();
      altered[bit >> 3]! ^= 1 << (bit & 7);
      expect(() => openIntakeSubmission(altered, org)).toThrow(UnwrapFailed);
    }
  });
});
