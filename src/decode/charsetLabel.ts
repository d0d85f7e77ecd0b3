import iconv from 'iconv-lite';

/**
 * Canonical name for a charset label as found in `<meta charset>`, an XML prolog or chardet's
 * answer, or null when iconv-lite cannot decode it. Names follow the WHATWG Encoding Standard's
 * spelling ('windows-1251', 'iso-8859-15', 'koi8-r') so callers can compare them.
 */
export function canonicalCharset(label: string): string | null {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (name === '') return null;
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(name)) return 'utf-8';
  if (/^(?:utf-?16|unicode|ucs-2)$/.test(name)) return 'utf-16le';
  if (/^utf-?16-?le$/.test(name)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(name)) return 'utf-16be';
  const windows = /^(?:windows|cp|x-cp|win)-?(125\d)$/.exec(name);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso[-_ ]?8859[-_ ]?(\d{1,2})(?::\d+)?$/.exec(name);
  if (iso) return `iso-8859-${iso[1]}`;
  if (name === 'latin1' || name === 'l1' || name === 'latin-1') return 'iso-8859-1';
  // WHATWG: an "ASCII" label means windows-1252, because that is what such pages really contain.
  if (name === 'us-ascii' || name === 'ascii' || name === 'ansi_x3.4-1968') return 'windows-1252';
  if (name === 'koi8r' || name === 'koi8-r' || name === 'koi8') return 'koi8-r';
  if (name === 'koi8u' || name === 'koi8-u') return 'koi8-u';
  if (name === 'cp866' || name === 'ibm866' || name === '866') return 'ibm866';
  if (name === 'shift_jis' || name === 'sjis' || name === 'shift-jis') return 'shift_jis';
  return iconv.encodingExists(name) ? name : null;
}

/** Decodes with iconv-lite; no BOM handling (callers strip it), never throws on bad bytes. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, {
    stripBOM: false,
  });
}
