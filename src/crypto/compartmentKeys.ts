/**
 * Compartment keys: one symmetric key per compartment (the organisation, or one case) and key id.
 * Each member holds it sealed to their public key; rotation makes a new key id, so old envelopes
 * still name the key that opens them. The blind-index key is derived from the compartment key with
 * crypto_kdf so the raw key never doubles as a hash key.
 */
import type { SymmetricKey } from './seal.ts';
import { sodium } from './sodium.ts';

export function newCompartmentKey(id: string): SymmetricKey {
  return { id, bytes: sodium.crypto_aead_xchacha20poly1305_ietf_keygen() };
}

const BLIND_INDEX_CONTEXT = 'attestbi'; // crypto_kdf contexts are exactly 8 bytes
const BLIND_INDEX_SUBKEY_ID = 1;

export function deriveBlindIndexKey(key: SymmetricKey): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, BLIND_INDEX_SUBKEY_ID, BLIND_INDEX_CONTEXT, key.bytes);
}
