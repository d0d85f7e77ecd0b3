/**
 * The one place libsodium is loaded. The sumo build is required: only it has crypto_pwhash (Argon2id).
 * Top-level await makes every importer receive a ready library, so no caller can race the WebAssembly
 * initialisation and call an undefined function.
 */
import sodium from 'libsodium-wrappers-sumo';

await sodium.ready;

export { sodium };

/** Overwrites key material in place once it is no longer needed (best effort in a GC'd runtime). */
export function wipe(...buffers: Array<Uint8Array | null | undefined>): void {
  for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
}

export function randomBytes(length: number): Uint8Array {
  return sodium.randombytes_buf(length);
}
