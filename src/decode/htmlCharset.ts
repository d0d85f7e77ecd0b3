/**
 * What an HTML (or XHTML) file says about its own charset, read from the raw bytes before
 * decoding, as browsers do: `<meta charset>`, `<meta http-equiv="Content-Type" content="…;
 * charset=…">`, or an XML prolog. Browsers look only at the first 1024 bytes; saved pages often
 * carry the declaration later, so we look further.
 */
const prescanBytes = 8192;
const metaCharset = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const xmlEncoding = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;

function latin1Prefix(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, length)).toString('latin1');
}

export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = latin1Prefix(bytes, prescanBytes);
  return metaCharset.exec(head)?.[1] ?? xmlEncoding.exec(head)?.[1] ?? null;
}

// The WHATWG MIME sniffing tags, plus a few that start real fragments saved from the web.
const leadingTag =
  /^\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|link|article|section|span|ul)[\s>/]/i;
const anywhereTag = /<html[\s>]|<body[\s>]|<!doctype\s+html/i;

/** Whether decoded text (or a latin1 view of the first bytes) is HTML. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return leadingTag.test(head) || anywhereTag.test(head);
}

export function bytesLookLikeHtml(bytes: Uint8Array): boolean {
  return looksLikeHtml(latin1Prefix(bytes, 4096));
}
