/**
 * Sealed originals: a file encrypted with libsodium's secretstream (XChaCha20-Poly1305), in chunks
 * of 64 KiB, so a large original is never one AEAD message and a truncated, reordered or altered file
 * fails to open. Each file has its own random key (the "file key"), which is itself sealed under the
 * compartment key in the source's row: rotating the compartment key re-seals 32 bytes per source,
 * not the file.
 *
 *   offset  size   field
 *   0       8      magic "ATTSTRM1" (format and version)
 *   8       24     secretstream header
 *   32      …      chunks: 64 KiB of plaintext + 17 bytes each; the last one tagged FINAL
 *
 * The magic is the associated data of the first chunk, so the version cannot be changed unnoticed.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { randomBytes, sodium } from './sodium.ts';

const MAGIC = new TextEncoder().encode('ATTSTRM1');
export const STREAM_CHUNK_BYTES = 64 * 1024;
const HEADER_BYTES = 24;
const ABYTES = 17;
export const FILE_KEY_BYTES = 32;

/** Thrown for every failure to open a sealed original, whatever the cause (no oracle). */
export class StreamOpenFailed extends Error {
  override readonly name = 'StreamOpenFailed';
  constructor() {
    super('the sealed original could not be opened (wrong key, truncated or altered)');
  }
}

export function newFileKey(): Uint8Array {
  return randomBytes(FILE_KEY_BYTES);
}

/** The size of the sealed file for a plaintext of `size` bytes (an empty file is one FINAL chunk). */
export function sealedStreamSize(size: number): number {
  const chunks = Math.max(1, Math.ceil(size / STREAM_CHUNK_BYTES));
  return MAGIC.byteLength + HEADER_BYTES + size + chunks * ABYTES;
}

/** Encrypts `plaintext` chunk by chunk, yielding between chunks so a server stays responsive. */
export async function sealStream(fileKey: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(sealedStreamSize(plaintext.byteLength));
  out.set(MAGIC, 0);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(fileKey);
  out.set(header, MAGIC.byteLength);
  let offset = MAGIC.byteLength + HEADER_BYTES;
  let from = 0;
  do {
    const chunk = plaintext.subarray(from, from + STREAM_CHUNK_BYTES);
    from += chunk.byteLength;
    const last = from >= plaintext.byteLength;
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
      state,
      chunk,
      offset === MAGIC.byteLength + HEADER_BYTES ? MAGIC : null,
      last
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
    );
    out.set(sealed, offset);
    offset += sealed.byteLength;
    if (!last) await nextTurn();
  } while (from < plaintext.byteLength);
  return out;
}

/** Decrypts a sealed original, chunk by chunk; anything but a whole, unaltered file throws. */
export function* openStreamChunks(fileKey: Uint8Array, sealed: Uint8Array): Generator<Uint8Array> {
  if (sealed.byteLength < MAGIC.byteLength + HEADER_BYTES + ABYTES) throw new StreamOpenFailed();
  if (!sodium.memcmp(sealed.subarray(0, MAGIC.byteLength), MAGIC)) throw new StreamOpenFailed();
  let state: ReturnType<typeof sodium.crypto_secretstream_xchacha20poly1305_init_pull>;
  try {
    state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
      sealed.subarray(MAGIC.byteLength, MAGIC.byteLength + HEADER_BYTES),
      fileKey,
    );
  } catch {
    throw new StreamOpenFailed();
  }
  let offset = MAGIC.byteLength + HEADER_BYTES;
  let first = true;
  while (offset < sealed.byteLength) {
    const piece = sealed.subarray(offset, offset + STREAM_CHUNK_BYTES + ABYTES);
    offset += piece.byteLength;
    const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, piece, first ? MAGIC : null);
    first = false;
    // libsodium-wrappers returns false (not an exception) for a chunk that does not authenticate.
    if (!result) throw new StreamOpenFailed();
    const final = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (final !== (offset === sealed.byteLength)) throw new StreamOpenFailed();
    yield result.message;
  }
}

/** The whole plaintext of a sealed original. */
export function openStream(fileKey: Uint8Array, sealed: Uint8Array): Uint8Array {
  const chunks = [...openStreamChunks(fileKey, sealed)];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
    sodium.memzero(chunk);
  }
  return out;
}
