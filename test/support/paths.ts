import { resolve } from 'node:path';

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** shared/ sits beside the repository, on developer machines and in CI alike. */
export const sharedDir = process.env.ATTEST_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');

/** Data the project carries for its tests (figures and records, with their provenance). */
export const fixturesDir = resolve(repoRoot, 'test', 'fixtures');
