/** Why a capture did not happen. Each names the problem in words an investigator can act on. */
import { AttestError, InvalidInput } from '../../core/errors.ts';

/** The page could not be preserved (timeout, redirect loop, too large, network): nothing was stored. */
export class CaptureFailed extends InvalidInput {
  constructor(reason: string) {
    super('url', reason);
    this.message = reason; // the reason already names the URL
  }
}

/** The URL is refused before anything is fetched: not http(s), or a private address (SSRF). */
export class CaptureRefused extends InvalidInput {
  constructor(reason: string) {
    super('url', reason);
    this.message = reason; // the reason already names the URL
  }
}

/** Chromium is an optional component: without it pages cannot be rendered, so nothing is captured. */
export class BrowserUnavailable extends AttestError {
  readonly code = 'browser_unavailable';
}
