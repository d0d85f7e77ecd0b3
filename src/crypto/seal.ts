/**
 * Field encryption: a protected value is sealed with XChaCha20-Poly1305-IETF under its compartment's
 * key. The associated data binds the envelope header and (record type, record id, field name), so a
 * ciphertext copied into another record or another field of the same record fails to open instead of
 * silently showing the wrong person's data.
 */
import { decodeEnvelope, encodeEnvelope, envelopeHeader, NONCE_BYTES } from './envelope.ts';
import { randomBytes, sodium } from './sodium.ts';

/** A compartment key in memory: its id (a UUID, written into every envelope) and its 32 bytes. */
export interface SymmetricKey {
  id: string;
  bytes: Uint8Array;
}

/** Where a value lives: part of the associated data of its envelope. */
export interface FieldContext {
  recordType: string;
  recordId: string;
  field: string;
}

/** Thrown for every failure to open, whatever the cause, so callers cannot be used as an oracle. */
export class SealOpenFailed extends Error {
  override readonly name = 'SealOpenFailed';
  constructor() {
    super('the sealed value could not be opened (wrong key, wrong record or field, or altered)');
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const AD_LABEL = 'attest/field/v1';

/**
 * header ‖ length-prefixed (label, record type, record id, field), so ('ab','c') and ('a','bc') can
 * never produce the same associated data. Written straight into one buffer: this runs once per field
 * on every bulk read, and separate encodings cost more than the decryption itself.
 */
function associatedData(header: Uint8Array, context: FieldContext): Uint8Array {
  const parts = [AD_LABEL, context.recordType, context.recordId, context.field];
  let size = header.byteLength;
  for (const part of parts) size += 4 + Buffer.byteLength(part, 'utf8');
  const out = Buffer.allocUnsafe(size);
  out.set(header, 0);
  let offset = header.byteLength;
  for (const part of parts) {
    const length = out.write(part, offset + 4, 'utf8');
    out.writeUInt32BE(length, offset);
    offset += 4 + length;
  }
  return out;
}

export function sealBytes(key: SymmetricKey, plaintext: Uint8Array, context: FieldContext): Uint8Array {
  const header = envelopeHeader(key.id);
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData(header, context),
    null,
    nonce,
    key.bytes,
  );
  return encodeEnvelope(header, nonce, ciphertext);
}

/** `keyFor` returns the key the envelope names, or undefined when the caller does not hold it. */
export function openBytes(
  keyFor: (keyId: string) => SymmetricKey | undefined,
  envelope: Uint8Array,
  context: FieldContext,
): Uint8Array {
  let parsed: ReturnType<typeof decodeEnvelope>;
  try {
    parsed = decodeEnvelope(envelope);
  } catch {
    throw new SealOpenFailed();
  }
  const key = keyFor(parsed.keyId);
  if (!key || key.id !== parsed.keyId) throw new SealOpenFailed();
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      parsed.ciphertext,
      associatedData(parsed.header, context),
      parsed.nonce,
      key.bytes,
    );
  } catch {
    throw new SealOpenFailed();
  }
}

export function sealText(key: SymmetricKey, plaintext: string, context: FieldContext): Uint8Array {
  const bytes = encoder.encode(plaintext);
  try {
    return sealBytes(key, bytes, context);
  } finally {
    sodium.memzero(bytes);
  }
}

export function openText(
  keyFor: (keyId: string) => SymmetricKey | undefined,
  envelope: Uint8Array,
  context: FieldContext,
): string {
  const bytes = openBytes(keyFor, envelope, context);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new SealOpenFailed();
  } finally {
    sodium.memzero(bytes);
  }
}

/** A key ring as a lookup function, for `openBytes`/`openText`. */
export function keyRing(keys: Iterable<SymmetricKey>): (keyId: string) => SymmetricKey | undefined {
  const byId = new Map<string, SymmetricKey>();
  for (const key of keys) byId.set(key.id, key);
  return (keyId) => byId.get(keyId);
}
