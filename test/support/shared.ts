/**
 * Material beside the repository in `../shared/` (the seed article, its expected extraction): text
 * written by others, so a clone does not carry it. Tests that need it run when it is there (CI and
 * developer machines) and otherwise skip with a notice saying what is missing, never fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { fixturesDir, repoRoot, sharedDir } from './paths.ts';

/** The seed article the project was founded from (Portuguese, published 2017-05-12). */
export const SEED_ARTICLE = 'seed/000_7bc82795b01c9afc.txt';

const noticed = new Set<string>();

/** Whether `../shared/<path>` exists; the first time it does not, says so on stderr. */
export function hasShared(path: string): boolean {
  if (existsSync(join(sharedDir, path))) return true;
  const shown = relative(repoRoot, join(sharedDir, path.split('/')[0] ?? path));
  if (!noticed.has(shown)) {
    noticed.add(shown);
    console.warn(`skipped: ${shown} not present`);
  }
  return false;
}

/** The absolute path of `../shared/<path>` (check `hasShared` first). */
export function sharedFile(path: string): string {
  return join(sharedDir, path);
}

/** The text of `../shared/<path>` when present, else '' (for tests that skip without it). */
export function sharedText(path: string): string {
  return hasShared(path) ? readFileSync(sharedFile(path), 'utf8') : '';
}

/** A describe block that runs only when `../shared/<path>` exists, and is reported skipped otherwise. */
export function describeWithShared(path: string, name: string, body: () => void): void {
  describe.skipIf(!hasShared(path))(`${name} (needs ../shared/${path})`, body);
}

/** A test that runs only when `../shared/<path>` exists. */
export function itWithShared(path: string, name: string, body: () => unknown): void {
  it.skipIf(!hasShared(path))(`${name} (needs ../shared/${path})`, body);
}

/** A Portuguese news article naming a press contact, for tests about what happens to any such article. */
export interface PortugueseArticle {
  path: string;
  fileName: string;
  /** The contact's name, e-mail and phone as the article writes them. */
  contact: string[];
}

/**
 * The seed article where ../shared has it (what CI runs), else the project's own Portuguese article
 * (test/fixtures/golden), which has the same kind of content: detained activists, a press contact.
 */
export function aPortugueseArticle(): PortugueseArticle {
  if (existsSync(sharedFile(SEED_ARTICLE))) {
    return {
      path: sharedFile(SEED_ARTICLE),
      fileName: basename(SEED_ARTICLE),
      contact: ['Christopher Plummer', '[email protected]', '202-370-3310'],
    };
  }
  hasShared(SEED_ARTICLE);
  return {
    path: join(fixturesDir, 'golden', 'pt-detencoes.txt'),
    fileName: 'pt-detencoes.txt',
    contact: ['Helena Marques Duarte', 'helena.duarte@example.org', '+351 912 345 678'],
  };
}
