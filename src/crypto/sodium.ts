/**
 * The one place libsodium is loaded. The sumo build is required: only it has crypto_pwhash (Argon2id).
 * Top-level await makes every importer receive a ready library, so no caller can race the WebAssembly
 * initialisation and call an undefined function.
 */
import sodium from 'libsodium-wrappers-sumo';

await sodium.ready;

export { sodium };

/** Overwrites key material in place once it is no longer needed (best effort in a GC'd runtime). */
/** Constant-time comparison of two byte strings (a different length is simply unequal). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && sodium.memcmp(a, b);
}

export function wipe(...buffers: Array<Uint8Array | null | undefined>): void {
  for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
}

export function randomBytes(length: number): Uint8Array {
  return sodium.randombytes_buf(length);
}
