/** `attest link` end to end: a real process, real files, stdout JSON, exit codes and messages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'attest-link-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const attest = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin/attest.js'), 'link', ...args], {
    encoding: 'utf8',
    cwd: dir,
  });

describe('attest link', () => {
  it('prints the contract JSON for FEBRL dataset2', () => {
    const run = attest('--json', join(fixturesDir, 'febrl/dataset2.csv'));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      records: number;
      comparisons: number;
      clusters: string[][];
      review: unknown[];
    };
    expect(out.records).toBe(5000);
    expect(out.comparisons).toBeGreaterThan(0);
    expect(out.clusters.length).toBeGreaterThan(400);
    expect(out.clusters.every((cluster) => cluster.length >= 2)).toBe(true);
    expect(Array.isArray(out.review)).toBe(true);
  });

  it('links transliterated, swapped names from a small list, honouring --id and --threshold', () => {
    const path = file(
      'victims.csv',
      'key,given_name,surname,birth_date\nA-1,Зелимхан,Бакаев,12.03.1981\nB-7,Bakayev,Selimchan,1981-03-12\nC-2,Руслан,Умаров,01.02.1975\n',
    );
    const run = attest('--json', '--id', 'key', '--threshold', '0.9', path);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).clusters).toEqual([['A-1', 'B-7']]);
  });

  it("lists review pairs with every field's level and weight, and --no-tf-adjust turns the adjustment off", () => {
    const path = file(
      'namesakes.csv',
      [
        'id,list,given_name,surname,patronymic,birth_date,sex',
        'm-1,memorial,Руслан Ахмедович,Бакаев,,12.03.1981,м',
        'h-1,hrw,Ruslan,Bakaev,Akhmedovich,,M',
        'h-2,hrw,Ruslan,Bakaev,,1990,M',
        'u-1,un,Adam,Umarov,,01.02.1975,M',
        'u-2,un,Ruslan,Bakaev,Isaevich,1990,M',
      ].join('\n'),
    );
    const run = attest('--json', '--review-floor', '0.0001', path);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      review: Array<{
        ids: string[];
        probability: number;
        agreement: Record<string, string>;
        fields: Array<{ field: string; column: string; role: string; level: string | null; weight: number }>;
      }>;
      parameters: { tfAdjust: boolean; fields: Array<{ name: string }> };
    };
    expect(out.parameters.tfAdjust).toBe(true);
    // The patronymic typed into the given-name field is compared as one.
    expect(out.parameters.fields.map((f) => f.name)).toContain('middleName');
    expect(out.review.length).toBeGreaterThan(0);
    for (const pair of out.review) {
      expect(pair.fields.map((f) => f.field)).toEqual(out.parameters.fields.map((f) => f.name));
      for (const f of pair.fields) {
        if (f.level === null) expect(f.weight).toBe(0);
        else expect(pair.agreement[f.field]).toBe(f.level);
      }
    }
    const birth = out.review[0]!.fields.find((f) => f.field === 'birthDate')!;
    expect(birth).toMatchObject({ column: 'birth_date', role: 'birthDate' });

    const off = attest('--json', '--no-tf-adjust', path);
    expect(off.status).toBe(0);
    expect(JSON.parse(off.stdout).parameters.tfAdjust).toBe(false);
    expect(attest('--tf-adjust', '--no-tf-adjust', path).status).toBe(2);
  });

  it('documents the CSV input of link and estimate in --help', () => {
    const link = attest('--help');
    expect(link.status).toBe(0);
    for (const text of ['givenName', 'patronymic', 'birth_date', 'id,list,given_name', '--no-tf-adjust']) {
      expect(link.stdout).toContain(text);
    }
    const estimate = spawnSync(process.execPath, [join(repoRoot, 'bin/attest.js'), 'estimate', '--help'], {
      encoding: 'utf8',
    });
    expect(estimate.status).toBe(0);
    expect(estimate.stdout).toMatch(/aggregated[\s\S]*count[\s\S]*individual/);
    // A usage error shows the options, not the whole format description.
    const usage = attest('--threshold', '7', 'x.csv');
    expect(usage.stderr).not.toContain('id,list,given_name');
  });

  it.each([
    ['missing id column', 'name,surname\nA,B\n', /nodup\.csv header: no id column/],
    ['duplicate ids', 'id,name\n1,A\n1,B\n', /nodup\.csv line 3 column id: duplicate id/],
    ['ragged row', 'id,name\n1,A\n2,B,C\n', /nodup\.csv line 3: has 3 fields/],
    ['empty file', '', /nodup\.csv: the file is empty/],
  ])('fails with exit 1 and one clear line on %s', (_, text, message) => {
    const run = attest('--json', file('nodup.csv', text));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('is a usage error (exit 2) without a file or with a bad threshold', () => {
    expect(attest('--json').status).toBe(2);
    const run = attest('--threshold', '2', join(fixturesDir, 'febrl/dataset1.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--threshold must be a probability/);
  });

  it('fails with exit 1 when the file does not exist', () => {
    const run = attest('--json', join(dir, 'absent.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/absent\.csv: cannot read the file \(ENOENT\)/);
  });
});
