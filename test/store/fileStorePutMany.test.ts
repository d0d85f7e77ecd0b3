/**
 * FileStore.putMany, the group write of ingest: every original lands under its hash with nothing
 * left in files/tmp/, one already there is kept as is, and bytes that do not match the hash they
 * are given fail alone instead of being filed under another original's name.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStore, sha256Hex } from '../../src/store/fileStore.ts';

describe('FileStore.putMany', () => {
  const root = mkdtempSync(join(tmpdir(), 'attest-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores each original under its hash, skips one already stored and fails a wrong hash alone', async () => {
    const files = fileStore(root);
    const texts = ['first original', 'second original', 'third original'].map((t) => Buffer.from(t));
    const already = await files.put(texts[0]!);
    const answers = await files.putMany([
      { sha256: already, bytes: texts[0]! },
      { sha256: sha256Hex(texts[1]!), bytes: texts[1]! },
      { sha256: sha256Hex(texts[1]!), bytes: texts[2]! }, // bytes not matching the name
      { sha256: sha256Hex(texts[2]!), bytes: texts[2]! },
    ]);
    expect(answers.slice(0, 2)).toEqual([already, sha256Hex(texts[1]!)]);
    expect(answers[2]).toBeInstanceOf(Error);
    expect(answers[3]).toBe(sha256Hex(texts[2]!));
    for (const bytes of texts) expect(Buffer.from(files.get(sha256Hex(bytes)))).toEqual(bytes);
    expect(files.list()).toEqual(texts.map((bytes) => sha256Hex(bytes)).sort());
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('answers an empty group with nothing', async () => {
    expect(await fileStore(root).putMany([])).toEqual([]);
  });
});
