/**
 * HTTP(S) requests a capture makes, for the main document and for everything the page loads: only
 * http(s), only public addresses unless allowed (checked on the address actually connected to, so a
 * name that resolves differently the second time gains nothing), redirects followed one by one and
 * recorded, a byte limit enforced while reading (a larger answer is dropped, never kept in part), a
 * deadline for all of it. Bodies are read as sent (identity encoding asked for; gzip, deflate and
 * brotli undone under the same limit if a server compresses anyway).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { CaptureFailed, CaptureRefused } from './captureErrors.ts';
import { isPublicAddress } from './publicAddress.ts';

export interface FetchLimits {
  maxBytes: number;
  /** Epoch milliseconds after which the request is abandoned. */
  deadline: number;
  allowPrivateAddresses: boolean;
}

export interface FetchedResponse {
  url: string;
  status: number;
  statusText: string;
  httpVersion: string;
  /** Header names and values as received, in order (names keep their case). */
  rawHeaders: string[];
  body: Buffer;
}

export interface Redirect {
  url: string;
  status: number;
  location: string;
}

export interface FetchedDocument {
  requestedUrl: string;
  finalUrl: string;
  redirects: Redirect[];
  response: FetchedResponse;
}

export const MAX_REDIRECTS = 10;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Attest-capture';

/** The URL parsed, or refused when it is not http(s) or names a private address literally. */
export function checkCaptureUrl(url: string, allowPrivateAddresses: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CaptureRefused('not a URL (expected http:// or https://…)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new CaptureRefused(
      `only http and https pages can be captured, not ${parsed.protocol.replace(':', '')}`,
    );
  if (parsed.username || parsed.password)
    throw new CaptureRefused('a URL with a user name or password cannot be captured');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateAddresses && (isIP(host) ? !isPublicAddress(host) : /^localhost\.?$/i.test(host)))
    throw new CaptureRefused(privateRefusal(host));
  return parsed;
}

function privateRefusal(what: string): string {
  return `${what} is a private, loopback or link-local address; capture refuses these unless ATTEST_CAPTURE_ALLOW_PRIVATE=yes`;
}

/** The main document: follows redirects (recorded), refuses loops and chains over MAX_REDIRECTS. */
export async function fetchDocument(requestedUrl: string, limits: FetchLimits): Promise<FetchedDocument> {
  const redirects: Redirect[] = [];
  const seen = new Set<string>();
  let url = checkCaptureUrl(requestedUrl, limits.allowPrivateAddresses).href;
  for (;;) {
    if (seen.has(url))
      throw new CaptureFailed(
        `redirect loop: ${url} redirects back to itself after ${redirects.length} steps`,
      );
    seen.add(url);
    const response = await fetchOnce(url, { method: 'GET', headers: {} }, limits);
    const location = headerOf(response.rawHeaders, 'location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      if (redirects.length >= MAX_REDIRECTS)
        throw new CaptureFailed(`too many redirects (more than ${MAX_REDIRECTS})`);
      let next: string;
      try {
        next = new URL(location, url).href;
      } catch {
        throw new CaptureFailed(`redirect to an invalid location from ${url}`);
      }
      redirects.push({ url, status: response.status, location: next });
      url = checkCaptureUrl(next, limits.allowPrivateAddresses).href;
      continue;
    }
    return { requestedUrl, finalUrl: url, redirects, response };
  }
}

export function headerOf(rawHeaders: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    if (rawHeaders[i]!.toLowerCase() === name) return rawHeaders[i + 1];
  return undefined;
}

export interface OutgoingRequest {
  method: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
}

/** Headers a page may not set on its own requests through us (hop-by-hop, or ours to decide). */
const DROPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'transfer-encoding',
  'upgrade',
  'keep-alive',
  'proxy-authorization',
  'te',
  'trailer',
]);

/** One request, no redirects followed, under the limits. */
export function fetchOnce(
  url: string,
  outgoing: OutgoingRequest,
  limits: FetchLimits,
): Promise<FetchedResponse> {
  const parsed = checkCaptureUrl(url, limits.allowPrivateAddresses);
  const remaining = limits.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timedOut(url));
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const [name, value] of Object.entries(outgoing.headers))
    if (!DROPPED_HEADERS.has(name.toLowerCase()) && !name.startsWith(':'))
      headers[name.toLowerCase()] = value;
  headers['accept-encoding'] = 'identity';
  const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<FetchedResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = send(parsed, {
      method: outgoing.method,
      headers,
      lookup: guardedLookup(limits.allowPrivateAddresses),
    });
    const timer = setTimeout(() => fail(timedOut(url)), remaining);
    request.on('error', (error) =>
      fail(error instanceof CaptureRefused ? error : networkFailure(url, error)),
    );
    request.on('response', (response) => {
      readBody(response, limits.maxBytes, url).then(
        (body) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            url,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            httpVersion: response.httpVersion,
            rawHeaders: response.rawHeaders,
            body,
          });
        },
        (error: Error) => fail(error),
      );
    });
    request.end(outgoing.body);
  });
}

function readBody(response: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge(url, maxBytes));
  }
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const stream = decoder ? response.pipe(decoder) : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      reject(error);
      response.destroy();
      decoder?.destroy();
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(url, maxBytes));
      else chunks.push(chunk);
    });
    stream.on('error', (error: Error) =>
      fail(new CaptureFailed(`${url}: unreadable answer (${error.message})`)),
    );
    response.on('aborted', () =>
      fail(new CaptureFailed(`${url}: the connection closed before the answer was complete`)),
    );
    stream.on('end', () => {
      if (finished) return;
      finished = true;
      resolve(Buffer.concat(chunks, size));
    });
  });
}

/** Resolves the name and refuses it when any address it has is private (unless allowed). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked || addresses.length === 0)
        return callback(
          new CaptureRefused(privateRefusal(`${hostname} (${blocked?.address ?? 'no address'})`)),
          '',
          0,
        );
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function timedOut(url: string): CaptureFailed {
  return new CaptureFailed(`${url} did not answer in time (raise ATTEST_CAPTURE_TIMEOUT_MS to wait longer)`);
}

function tooLarge(url: string, maxBytes: number): CaptureFailed {
  return new CaptureFailed(
    `${url}: the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB (ATTEST_CAPTURE_MAX_MB); nothing was stored`,
  );
}

function networkFailure(url: string, error: Error): CaptureFailed {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOTFOUND'
      ? 'no such host'
      : code === 'ECONNREFUSED'
        ? 'connection refused'
        : code === 'ECONNRESET'
          ? 'connection reset'
          : (code ?? error.message);
  return new CaptureFailed(`${url} could not be fetched: ${reason}`);
}
