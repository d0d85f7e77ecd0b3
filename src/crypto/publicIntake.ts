/**
 * Public intake: a submission is sealed (crypto_box_seal: ephemeral X25519 + XSalsa20-Poly1305) to the
 * organisation's public key before it reaches storage, ideally in the submitter's browser. The server
 * stores what it cannot read; only a holder of the organisation compartment key can unwrap the
 * organisation's private key and open it. Sealed boxes are anonymous by design: no sender identity.
 */
import { type KeyPair, openSealedWithKeyPair, sealToPublicKey } from './userKeys.ts';

export function sealForOrganisation(plaintext: Uint8Array, organisationPublicKey: Uint8Array): Uint8Array {
  return sealToPublicKey(plaintext, organisationPublicKey);
}

export function openIntakeSubmission(sealed: Uint8Array, organisationKeyPair: KeyPair): Uint8Array {
  return openSealedWithKeyPair(sealed, organisationKeyPair);
}
