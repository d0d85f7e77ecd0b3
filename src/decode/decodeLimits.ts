/**
 * Limits on what decoding one untrusted file may cost. Any source may send an organisation a
 * decompression bomb, a PDF of 200,000 pages or HTML nested two million deep; the decoders check
 * these where it is cheap (before inflating, before building a DOM), and the sandbox that runs
 * them (src/services/sources/decodeSandbox) adds a heap limit and a wall-clock budget.
 */
export interface DecodeLimits {
  /** Bytes all entries of a ZIP (DOCX) may inflate to, counted while inflating. */
  maxUnzippedBytes: number;
  /** Inflated size over compressed size for the whole archive (honest Word XML stays near 10:1). */
  maxCompressionRatio: number;
  maxZipEntries: number;
  maxPdfPages: number;
  maxHtmlElements: number;
  maxHtmlDepth: number;
  /** Characters of extracted text. */
  maxTextChars: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxUnzippedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  maxPdfPages: 5_000,
  maxHtmlElements: 200_000,
  maxHtmlDepth: 10_000,
  maxTextChars: 10_000_000,
};

/**
 * A file over one of the limits. Not an input error: the original is still preserved, marked
 * "not decoded: <reason>". The reason names the limit, never the file's content.
 */
export class DecodeLimitExceeded extends Error {
  override readonly name = 'DecodeLimitExceeded';
  constructor(readonly reason: string) {
    super(`not decoded: ${reason}`);
  }
}

export function checkTextLength(text: string, limits: DecodeLimits): void {
  if (text.length > limits.maxTextChars) {
    throw new DecodeLimitExceeded(`text longer than ${limits.maxTextChars} characters`);
  }
}
