/**
 * The envelope every protected value is stored in. Version 1, binary (bytea columns):
 *
 *   offset  size  field
 *   0       1     format version (0x01)
 *   1       16    key id: the UUID of the compartment key that sealed it (so keys can rotate)
 *   17      24    nonce (random; XChaCha20's 192-bit nonce makes random nonces safe)
 *   41      n+16  XChaCha20-Poly1305-IETF ciphertext and tag
 *
 * The header (version + key id) is authenticated as part of the associated data, so neither can be
 * changed without the tag failing. Text form (for JSON): 'a1.' + base64url of the same bytes.
 */
import { InvalidInput } from '../core/errors.ts';
import { sodium } from './sodium.ts';

export const ENVELOPE_VERSION = 1;
export const KEY_ID_BYTES = 16;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
export const HEADER_BYTES = 1 + KEY_ID_BYTES;
const TEXT_PREFIX = 'a1.';

export interface Envelope {
  version: number;
  keyId: string;
  header: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new InvalidInput('keyId', 'not a UUID');
  return sodium.from_hex(hex.toLowerCase());
}

export function bytesToUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function envelopeHeader(keyId: string): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  header[0] = ENVELOPE_VERSION;
  header.set(uuidToBytes(keyId), 1);
  return header;
}

export function encodeEnvelope(header: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.byteLength + nonce.byteLength + ciphertext.byteLength);
  out.set(header, 0);
  out.set(nonce, header.byteLength);
  out.set(ciphertext, header.byteLength + nonce.byteLength);
  return out;
}

/**
 * Parses the layout only; authenticity is established when the AEAD opens it. The parts are views
 * into `bytes`, not copies (bulk reads open tens of thousands of envelopes).
 */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.byteLength < HEADER_BYTES + NONCE_BYTES + TAG_BYTES)
    throw new InvalidInput('envelope', 'too short');
  const version = bytes[0]!;
  if (version !== ENVELOPE_VERSION)
    throw new InvalidInput('envelope', `unsupported format version ${version}`);
  const header = bytes.subarray(0, HEADER_BYTES);
  return {
    version,
    keyId: bytesToUuid(header.subarray(1)),
    header,
    nonce: bytes.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES),
    ciphertext: bytes.subarray(HEADER_BYTES + NONCE_BYTES),
  };
}

/** The key id an envelope names, without opening it (to pick the right key from a key ring). */
export function envelopeKeyId(bytes: Uint8Array): string {
  return decodeEnvelope(bytes).keyId;
}

export function envelopeToText(bytes: Uint8Array): string {
  return TEXT_PREFIX + sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
}

export function envelopeFromText(text: string): Uint8Array {
  if (!text.startsWith(TEXT_PREFIX)) throw new InvalidInput('envelope', 'not an Attest envelope');
  try {
    return sodium.from_base64(text.slice(TEXT_PREFIX.length), sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new InvalidInput('envelope', 'invalid base64');
  }
}
