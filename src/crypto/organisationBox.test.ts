import { describe, expect, it } from 'vitest';
import { BoxOpenFailed, boxToOrganisation, keyFingerprint, openFromOrganisation } from './organisationBox.ts';
import { newKeyPair } from './userKeys.ts';

describe('boxes between organisations', () => {
  it('opens only for the recipient and only with the real sender’s key', () => {
    const sender = newKeyPair();
    const recipient = newKeyPair();
    const stranger = newKeyPair();
    const message = new TextEncoder().encode('referral');
    const { nonce, box } = boxToOrganisation(message, recipient.publicKey, sender.privateKey);
    expect(
      new TextDecoder().decode(openFromOrganisation(box, nonce, sender.publicKey, recipient.privateKey)),
    ).toBe('referral');
    expect(() => openFromOrganisation(box, nonce, stranger.publicKey, recipient.privateKey)).toThrow(
      BoxOpenFailed,
    );
    expect(() => openFromOrganisation(box, nonce, sender.publicKey, stranger.privateKey)).toThrow(
      BoxOpenFailed,
    );
    const altered = box.slice();
    altered[0]! ^= 1;
    expect(() => openFromOrganisation(altered, nonce, sender.publicKey, recipient.privateKey)).toThrow(
      BoxOpenFailed,
    );
  });

  it('prints a fingerprint people can read aloud', () => {
    const key = newKeyPair().publicKey;
    expect(keyFingerprint(key)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(keyFingerprint(key)).toBe(keyFingerprint(key.slice()));
  });
});
