/** docs/vocabulary.md says exactly what the code defines (rewrite it with `npx vitest run test/docs/vocabularyDoc.test.ts -u`). */
import { describe, expect, it } from 'vitest';
import { renderVocabularyDoc } from './vocabularyDoc.ts';

describe('docs/vocabulary.md', () => {
  it('matches the vocabularies and labels defined in the code', async () => {
    await expect(renderVocabularyDoc()).toMatchFileSnapshot('../../docs/vocabulary.md');
  });
});
