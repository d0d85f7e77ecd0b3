/** Small factories for test records: state only what the test is about. */
import { randomUUID } from 'node:crypto';
import type { Suggestions } from '../../src/core/suggestions.ts';
import type { KdfParams } from '../../src/crypto/passwords.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import type { NewSource } from '../../src/store/sources.ts';

/**
 * The one fast key-derivation setting for tests: Argon2id at its cheapest. Production always uses
 * KDF_PARAMS; tests that create many accounts would otherwise spend minutes deriving keys.
 */
export const FAST_KDF: KdfParams = { algorithm: 'argon2id13', opsLimit: 1, memLimit: 8 * 1024 * 1024 };

/** The one password test accounts use (long enough for the password rules). */
export const TEST_PASSWORD = 'correct horse battery staple';

export function noSuggestions(language = 'en'): Suggestions {
  return { language, published: null, pii: [], events: [], claims: [], interventions: [] };
}

export function aSource(overrides: Partial<NewSource> & { text: string }): NewSource {
  const language = overrides.language ?? 'en';
  return {
    id: randomUUID(),
    sha256: sha256Hex(new TextEncoder().encode(`${overrides.text}${randomUUID()}`)),
    byteSize: overrides.text.length || 1,
    mediaType: 'text/plain',
    encoding: 'utf-8',
    fileName: 'report.txt',
    title: null,
    url: null,
    publishedOn: null,
    capturedBy: 'tester',
    suggestions: noSuggestions(language),
    warnings: [],
    notDecoded: null,
    ...overrides,
    language,
  };
}
