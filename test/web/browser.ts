/**
 * Browser-test plumbing: build the web app when its sources are newer than web/dist, and launch
 * Debian's Chromium through playwright-core (no browser download: CI installs the distribution's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { Role } from '../../src/core/roles.ts';
import { buildServer, type ServerOptions } from '../../src/server/buildServer.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { anOrganisation, aUser, PASSWORD } from '../protection/fixtures.ts';
import { FAST_KDF } from '../support/factories.ts';
import { repoRoot } from '../support/paths.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';

export const webDir = join(repoRoot, 'web');
export const distDir = join(webDir, 'dist');
export const screenshotDir = join(repoRoot, 'test', 'web', 'screenshots');
export const chromiumPath = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds web/dist (typecheck + vite) unless it is newer than every source file. */
export function buildWebIfStale(): void {
  const built = join(distDir, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(webDir)) return;
  // NODE_ENV=production: vitest sets it to 'test', which would bundle React's development build.
  execFileSync('npm', ['run', '--silent', 'build:web'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set ATTEST_CHROMIUM)`,
    );
  }
  // No --user-data-dir here: playwright refuses it for launch() and gives every launch a fresh,
  // temporary profile of its own, removed on close.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}

export interface ServedWebApp {
  origin: string;
  launched: LaunchedBrowser;
  close(): Promise<void>;
}

/**
 * The built web app, served by a real server over `store` on a free port, and a Chromium to drive it.
 * `options` adds to the server's (capture settings, a time-stamping authority, the log level).
 */
export async function serveWebApp(
  store: TestStore,
  options: Partial<Omit<ServerOptions, 'store' | 'webDist'>> = {},
): Promise<ServedWebApp> {
  buildWebIfStale();
  const server = await buildServer({ store, webDist: distDir, kdfParams: FAST_KDF, ...options });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const launched = await launchChromium();
  return {
    origin,
    launched,
    close: async () => {
      await launched.close();
      await server.close();
    },
  };
}

/** A new browser context (`context` adds to its options) signed in to the app at `origin`, on the capture screen. */
export async function signedInPage(
  browser: Browser,
  origin: string,
  email: string,
  password: string,
  context: BrowserContextOptions = {},
): Promise<Page> {
  const opened = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
  const page = await opened.newPage();
  await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Capture a source' }).waitFor();
  return page;
}

export interface OrganisationWebAppOptions {
  /** Makes the organisation and returns its administrator: `anOrganisation` (admin@example.org) by default. */
  organisation?: (store: TestStore) => Promise<Actor>;
  /** Users beside the administrator, each with the fixtures' PASSWORD. */
  users?: ReadonlyArray<{ email: string; role: Role }>;
  /** Adds to the server's options, as for `serveWebApp`. */
  server?: Partial<Omit<ServerOptions, 'store' | 'webDist'>>;
}

export interface OrganisationWebApp extends ServedWebApp {
  store: TestStore;
  /** The administrator, signed in on the server side, to seed records with the services. */
  admin: Actor;
  /**
   * A new browser context signed in as `email` (the administrator by default), on the capture screen;
   * `context` adds to the context's options.
   */
  signIn(email?: string, password?: string, context?: BrowserContextOptions): Promise<Page>;
}

/**
 * The set-up most browser tests share: a fresh PGlite store with an organisation and its users, the
 * web app served over it and a Chromium to sign them in. `close` stops the server and the store.
 */
export async function organisationWebApp(
  options: OrganisationWebAppOptions = {},
): Promise<OrganisationWebApp> {
  const store = await openTestStore('pglite');
  try {
    const admin = await (options.organisation ?? (async (opened) => (await anOrganisation(opened.db)).admin))(
      store,
    );
    for (const user of options.users ?? []) await aUser(store.db, admin, user.email, user.role);
    const app = await serveWebApp(store, options.server);
    return {
      ...app,
      store,
      admin,
      signIn: (email = 'admin@example.org', password = PASSWORD, context = {}) =>
        signedInPage(app.launched.browser, app.origin, email, password, context),
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
