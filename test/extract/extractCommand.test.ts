/**
 * `attest extract` end to end through the CLI entry point (src/cli/main.ts): JSON on stdout for a
 * file and for stdin, exit 2 for a malformed --published, exit 1 naming an unreadable file, and the
 * batch form: one JSON line per file of several files or a folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Suggestions } from '../../src/core/suggestions.ts';
import { fakeIo } from '../support/commandIo.ts';
import { fixturesDir, sharedDir } from '../support/paths.ts';
import { itWithShared, SEED_ARTICLE } from '../support/shared.ts';

describe('attest extract', () => {
  itWithShared(SEED_ARTICLE, 'prints one JSON document of suggestions for the seed article', async () => {
    const { io, out } = fakeIo('', sharedDir);
    const code = await main(['extract', '--published', '2017-05-12', '--json', SEED_ARTICLE], io);
    expect(code).toBe(0);
    const result = Suggestions.parse(JSON.parse(out()));
    expect(result.language).toBe('pt');
    expect(result.events.length).toBeGreaterThanOrEqual(6);
  });

  it('reads stdin with -, and honours --lang', async () => {
    const { io, out } = fakeIo('Police detained five activists in Moscow on Monday.', fixturesDir);
    expect(await main(['extract', '--lang', 'en', '--json', '-'], io)).toBe(0);
    const result = Suggestions.parse(JSON.parse(out()));
    expect(result.events.map((e) => [e.type, e.victims?.min, e.place?.country])).toEqual([
      ['detention', 5, 'RU'],
    ]);
  });

  it('prints a readable summary without --json', async () => {
    const { io, out } = fakeIo('Cinco ativistas foram presos em Moscou.', fixturesDir);
    expect(await main(['extract', '-'], io)).toBe(0);
    expect(out()).toMatch(/Events \(1\)\n\s+detention\s+5 activists; Moscow \(RU\)/);
  });

  it('exits 2 for a malformed --published and 1 naming a file it cannot read', async () => {
    const bad = fakeIo('', fixturesDir);
    expect(await main(['extract', '--published', '2017-5-12', '--json', 'x.txt'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--published/);
    const missing = fakeIo('', fixturesDir);
    expect(await main(['extract', '--json', 'no-such-file.txt'], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/no-such-file\.txt/);
    expect(missing.out()).toBe('');
  });

  it('in a batch prints one JSON line per file of a folder and of a list, named by its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-extract-'));
    try {
      mkdirSync(join(dir, 'news', 'ru'), { recursive: true });
      writeFileSync(
        join(dir, 'news', 'a.txt'),
        'The police detained five activists in Moscow on Monday, and the court said that they would stay in jail.',
      );
      writeFileSync(join(dir, 'news', 'ru', 'b.txt'), 'В Грозном задержаны трое журналистов.');
      writeFileSync(join(dir, 'news', '.hidden.txt'), 'Police detained ten men.');
      writeFileSync(
        join(dir, 'c.txt'),
        'Gunmen kidnapped 30 students from their school in Nigeria on Friday, and the police said that they were looking for them.',
      );
      const { io, out } = fakeIo('', dir);
      expect(await main(['extract', '--json', 'news', 'c.txt'], io)).toBe(0);
      const lines = out()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((l) => l.file)).toEqual([join('news', 'a.txt'), join('news', 'ru', 'b.txt'), 'c.txt']);
      for (const { file: _file, ...suggestions } of lines) Suggestions.parse(suggestions);
      expect(lines.map((l) => [l.language, l.events[0].type, l.events[0].victims.min])).toEqual([
        ['en', 'detention', 5],
        ['ru', 'detention', 3],
        ['en', 'abduction', 30],
      ]);

      const missing = fakeIo('', dir);
      expect(await main(['extract', '--json', 'c.txt', 'gone.txt'], missing.io)).toBe(1);
      const [ok, failed] = missing
        .out()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(ok.file).toBe('c.txt');
      expect(failed).toEqual({ file: 'gone.txt', error: expect.stringMatching(/gone\.txt: cannot read/) });

      const stdin = fakeIo('', dir);
      expect(await main(['extract', '--json', 'c.txt', '-'], stdin.io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
