/**
 * Renders a fetched page in Debian's Chromium (through playwright-core) and takes what an
 * investigator preserves besides the raw bytes: a full-page screenshot, a PDF print and a single-file
 * MHTML archive (DevTools `Page.captureSnapshot`). The main document is answered from the bytes
 * already fetched, so the pictures show exactly what is preserved; every other request the page
 * makes goes through the same guarded fetch (no private address, bounded size and time), and a
 * closed proxy catches anything that could slip past request interception (WebSockets, WebRTC).
 */
import { existsSync } from 'node:fs';
import type { Browser, Route } from 'playwright-core';
import { BrowserUnavailable, CaptureFailed } from './captureErrors.ts';
import { type FetchedDocument, type FetchLimits, fetchOnce } from './guardedFetch.ts';

export interface RenderedPage {
  screenshot: Buffer;
  pdf: Buffer;
  mhtml: Buffer;
  browserVersion: string;
  /** What did not go as planned but did not stop the capture (a resource refused, load not finished). */
  warnings: string[];
}

/** Everything the page loads besides its document, together: a page cannot pull in gigabytes. */
const RESOURCE_BUDGET_BYTES = 100 * 1024 * 1024;
const MAX_RESOURCE_WARNINGS = 20;

export async function renderPage(
  document: FetchedDocument,
  limits: FetchLimits,
  chromiumPath: string,
  onStep: (step: 'rendering' | 'screenshot' | 'pdf' | 'archive') => void = () => {},
): Promise<RenderedPage> {
  checkBrowser(chromiumPath);
  const browser = await launch(chromiumPath);
  const warnings: string[] = [];
  let budget = RESOURCE_BUDGET_BYTES;
  const documentUrl = document.finalUrl.split('#')[0];
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
      acceptDownloads: false,
    });
    const warn = (message: string) => {
      if (warnings.length < MAX_RESOURCE_WARNINGS) warnings.push(message);
    };
    await context.route('**/*', async (route: Route) => {
      const request = route.request();
      if (
        request.isNavigationRequest() &&
        request.frame() === page.mainFrame() &&
        request.url() === documentUrl
      ) {
        const { response } = document;
        await route.fulfill({
          status: response.status,
          headers: headerPairs(response.rawHeaders),
          body: response.body,
        });
        return;
      }
      try {
        const fetched = await fetchOnce(
          request.url(),
          {
            method: request.method(),
            headers: await request.allHeaders(),
            body: request.postDataBuffer() ?? undefined,
          },
          { ...limits, maxBytes: Math.min(limits.maxBytes, budget) },
        );
        budget -= fetched.body.length;
        await route.fulfill({
          status: fetched.status,
          headers: headerPairs(fetched.rawHeaders),
          body: fetched.body,
        });
      } catch (error) {
        warn(`not loaded: ${error instanceof Error ? error.message : String(error)}`);
        await route.abort('blockedbyclient').catch(() => {});
      }
    });
    const page = await context.newPage();
    onStep('rendering');
    const timeout = Math.max(1_000, limits.deadline - Date.now());
    try {
      await page.goto(document.finalUrl, { waitUntil: 'load', timeout });
    } catch (error) {
      // The document is ours already; a subresource that never ends must not cost the capture.
      if (!page.url().startsWith('http'))
        throw new CaptureFailed(`the page could not be rendered (${messageOf(error)})`);
      warn('the page had not finished loading when it was captured');
    }
    onStep('screenshot');
    const screenshot = await page.screenshot({ fullPage: true, type: 'png', timeout: 30_000 });
    onStep('pdf');
    const pdf = await page.pdf({ printBackground: true, timeout: 30_000 } as Parameters<typeof page.pdf>[0]);
    onStep('archive');
    const session = await context.newCDPSession(page);
    const snapshot = (await session.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
    return {
      screenshot,
      pdf,
      mhtml: Buffer.from(snapshot.data, 'utf8'),
      browserVersion: `Chromium ${browser.version()}`,
      warnings,
    };
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Capture needs Chromium; said before anything is fetched, so a missing browser costs nothing. */
export function checkBrowser(chromiumPath: string): void {
  if (!existsSync(chromiumPath))
    throw new BrowserUnavailable(
      `Chromium not found at ${chromiumPath}: install Debian's chromium package (apt-get install chromium) or set ATTEST_CHROMIUM`,
    );
}

async function launch(chromiumPath: string): Promise<Browser> {
  try {
    // Loaded on first capture: playwright-core alone is ~80 MiB resident in every server otherwise.
    const { chromium } = await import('playwright-core');
    return await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        // Chromium's own sandbox cannot start as root; a server run as root (containers) goes without it.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        // Everything is answered through interception; what escapes it (WebSocket, WebRTC) meets a
        // closed proxy and fails instead of reaching the network from the server.
        '--proxy-server=http://127.0.0.1:9',
        '--proxy-bypass-list=<-loopback>',
        '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
      ],
    });
  } catch (error) {
    throw new BrowserUnavailable(
      `Chromium at ${chromiumPath} did not start (${messageOf(error).split('\n')[0]})`,
    );
  }
}

function headerPairs(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    // Our body is already whole and decoded; the original framing headers no longer describe it.
    if (name === 'content-length' || name === 'content-encoding' || name === 'transfer-encoding') continue;
    headers[name] =
      headers[name] === undefined ? rawHeaders[i + 1]! : `${headers[name]}, ${rawHeaders[i + 1]}`;
  }
  return headers;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
