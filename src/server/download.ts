/**
 * Headers for handing back a preserved original. Originals are untrusted (an uploaded HTML page may
 * carry script): always an attachment, never sniffed, sandboxed if opened anyway, and labelled with
 * their media type only when that type cannot run code in the browser.
 */
import { basename } from 'node:path';

const INERT_TYPES =
  /^(text\/plain|application\/pdf|image\/(png|jpeg|gif|webp|tiff)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/i;

export function downloadHeaders(original: {
  mediaType: string;
  fileName: string;
  sha256: string;
}): Record<string, string> {
  const name = basename(original.fileName.replace(/\\/g, '/')) || `${original.sha256}.bin`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const mediaType = original.mediaType.split(';')[0]!.trim();
  return {
    'content-type': INERT_TYPES.test(mediaType) ? mediaType : 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}
