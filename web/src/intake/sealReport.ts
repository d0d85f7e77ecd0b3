/**
 * Seals a report in the browser to the organisation's public key (libsodium's crypto_box_seal), so
 * what leaves this device is a box only the organisation can open. Imported lazily by the report page
 * alone: libsodium (WebAssembly embedded in the chunk, nothing fetched at run time) stays out of the
 * main bundle.
 */
import sodium from 'libsodium-wrappers';
import type { IntakeKey, IntakeReport } from '../api/types.ts';

export async function sealReport(report: IntakeReport, key: IntakeKey): Promise<string> {
  await sodium.ready;
  const publicKey = sodium.from_base64(key.publicKey, sodium.base64_variants.ORIGINAL);
  if (publicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) throw new Error('invalid organisation key');
  const plaintext = new TextEncoder().encode(JSON.stringify(report));
  try {
    const sealed = sodium.crypto_box_seal(plaintext, publicKey);
    return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
  } finally {
    // The strings the form holds cannot be wiped; the encoded copy can.
    plaintext.fill(0);
  }
}
