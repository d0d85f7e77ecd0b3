/** `attest estimate` end to end: the real binary, real files, stdout JSON, exit codes, stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'attest-estimate-'));

function attest(...args: string[]) {
  const run = spawnSync(process.execPath, [resolve(repoRoot, 'bin/attest.js'), 'estimate', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function csv(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('attest estimate', () => {
  it('prints the contract JSON for UK 2013 (five lists)', () => {
    const { code, stdout } = attest('--json', resolve(fixturesDir, 'mse/modern_slavery/UKdat_5.csv'));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).slice(0, 6)).toEqual([
      'lists',
      'observed',
      'estimate',
      'ci95',
      'selected',
      'models',
    ]);
    expect(result.lists).toEqual(['LA', 'NG', 'PFNCA', 'GO', 'GP']);
    expect(result.observed).toBe(2744);
    expect(result.estimate).toBeCloseTo(11312.99, 2);
    expect(result.ci95[0]).toBeLessThan(result.estimate);
    expect(result.ci95[1]).toBeGreaterThan(result.estimate);
    expect(Object.keys(result.selected)).toEqual(['terms', 'estimate', 'aic', 'bic', 'deviance', 'df']);
    expect(result.models).toHaveLength(50);
    expect(result.modelCounts).toEqual({ fitted: 512, converged: 512, failed: 0, kept: 50 });
    expect(result.model).toBe('auto');
    expect(result.method).toBe('log-linear, AIC selection');
    expect(result.total).toEqual({
      observed: 2744,
      estimate: result.estimate,
      ci95: result.ci95,
      interval: 'profile likelihood',
      posterior: null,
    });
    for (const model of result.models) {
      for (const field of ['estimate', 'aic', 'bic', 'deviance', 'df'])
        expect(typeof model[field]).toBe('number');
    }
  });

  it('honours --model independence and --criterion bic', () => {
    const file = resolve(fixturesDir, 'mse/modern_slavery/UKdat_5.csv');
    const independence = JSON.parse(attest('--json', '--model', 'independence', file).stdout);
    expect(independence.estimate).toBeCloseTo(13444.13, 2);
    expect(independence.selected.terms).toEqual(['LA', 'NG', 'PFNCA', 'GO', 'GP']);
    const bic = JSON.parse(attest('--json', '--criterion', 'bic', file).stdout);
    expect(bic.criterion).toBe('bic');
    expect(bic.selected.bic).toBe(Math.min(...bic.models.map((m: { bic: number }) => m.bic)));
  });

  it('reads the individual form with strata', () => {
    const rows = ['id,A,B,C,stratum'];
    let id = 0;
    for (const [pattern, count] of [
      ['1,0,0', 30],
      ['0,1,0', 25],
      ['0,0,1', 20],
      ['1,1,0', 10],
      ['1,0,1', 8],
      ['0,1,1', 7],
      ['1,1,1', 3],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        id += 1;
        rows.push(`r${id},${pattern},${i % 2 ? 'north' : 'south'}`);
      }
    }
    const { code, stdout } = attest('--json', csv('people.csv', `${rows.join('\n')}\n`));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.form).toBe('individual');
    expect(result.strata.map((s: { stratum: string }) => s.stratum)).toEqual(['south', 'north']);
    expect(result.observed).toBe(103);
  });

  it('runs LCMCR with --seed, reproducibly, with the posterior and diagnostics in the JSON', () => {
    const file = resolve(fixturesDir, 'mse/kosovo_1999/kosovo_4lists_pattern_counts.csv');
    const args = [
      '--json',
      '--model',
      'lcmcr',
      '--seed',
      '7',
      '--burn-in',
      '300',
      '--samples',
      '100',
      '--thinning',
      '2',
      '--chains',
      '2',
      file,
    ];
    const first = attest(...args);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.model).toBe('lcmcr');
    expect(result.interval).toBe('posterior');
    expect(result.estimate).toBe(result.posterior.median);
    expect(result.ci95).toEqual([result.posterior.lower, result.posterior.upper]);
    expect(result.diagnostics).toMatchObject({
      seed: 7,
      chains: 2,
      burnIn: 300,
      thinning: 2,
      samplesPerChain: 100,
    });
    expect(typeof result.diagnostics.splitRHat).toBe('number');
    expect(first.stderr).toContain('attest: warning: LCMCR has not converged');
    expect(JSON.parse(attest(...args).stdout).posterior).toEqual(result.posterior);
  });

  it('sums strata under --stratify, with the total from summed posterior draws (dga)', () => {
    const file = resolve(fixturesDir, 'mse/epi_classics/spina_bifida_NY_3lists_by_ethnicity.csv');
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.includes(',other,'))
      .join('\n');
    const { code, stdout } = attest(
      '--json',
      '--model',
      'dga',
      '--stratify',
      'eth',
      csv('two-strata.csv', text),
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.strata.map((s: { stratum: string }) => s.stratum)).toEqual(['caucasian', 'afro-american']);
    expect(result.total.interval).toBe('posterior of the sum (summed posterior draws)');
    const [a, b] = result.strata;
    expect(result.total.estimate).toBeGreaterThan(Math.max(a.estimate, b.estimate));
    expect(result.total.ci95[1]).toBeLessThan(a.ci95[1] + b.ci95[1]);
    expect(result.total.ci95[0]).toBeGreaterThanOrEqual(result.observed);
    expect(result.estimate).toBe(result.total.estimate);
  });

  it('--all-models streams every model as a JSON line, then the result', () => {
    const { code, stdout } = attest('--all-models', resolve(fixturesDir, 'mse/modern_slavery/UKdat_5.csv'));
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(513);
    expect(lines.slice(0, 512).every((line) => line.kind === 'model' && line.stratum === null)).toBe(true);
    expect(lines[0]).toMatchObject({ terms: ['LA', 'NG', 'PFNCA', 'GO', 'GP'], status: 'converged' });
    expect(lines[512].kind).toBe('result');
    expect(lines[512].estimate).toBeCloseTo(11312.99, 2);
    expect(lines[512].modelCounts.fitted).toBe(512);
  });

  it('prints a readable table without --json', () => {
    const { code, stdout } = attest(resolve(fixturesDir, 'mse/epi_classics/HAV_Taiwan_3lists.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('Estimated total:');
    // A log-linear fit gives a confidence interval, never called credible.
    expect(stdout).toContain('95% confidence interval');
    expect(stdout).toMatch(/AIC\s+BIC\s+deviance/);
  });

  it.each([
    ['flag.csv', 'A,B,count\n1,0,4\n0,2,5\n', "flag.csv row 3, column 'B': must be 0 or 1"],
    [
      'negative.csv',
      'A,B,count\n1,0,-4\n0,1,5\n',
      "negative.csv row 2, column 'count': count must not be negative",
    ],
    [
      'fraction.csv',
      'A,B,count\n1,0,4.5\n',
      "fraction.csv row 2, column 'count': count must be a whole number",
    ],
    ['zero.csv', 'A,B,count\n1,0,4\n0,0,9\n', 'zero.csv row 3: is on no list'],
    ['one.csv', 'A,count\n1,4\n', 'one.csv row 1: needs at least two list columns'],
    ['empty.csv', '', 'empty.csv file: is empty'],
  ])('exits 1 on %s naming the row and column', (name, text, message) => {
    const { code, stdout, stderr } = attest('--json', csv(name, text));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`attest: ${message}`);
  });

  it('exits 1 on a missing file and 2 on usage errors', () => {
    expect(attest('--json', join(scratch, 'nope.csv')).code).toBe(1);
    expect(attest('--json').code).toBe(2);
    const bad = attest('--model', 'best', resolve(fixturesDir, 'mse/epi_classics/HAV_Taiwan_3lists.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--model must be auto, independence, lcmcr, dga');
    const misplaced = attest(
      '--samples',
      '100',
      resolve(fixturesDir, 'mse/epi_classics/HAV_Taiwan_3lists.csv'),
    );
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--samples applies to --model lcmcr only');
    expect(attest('--model', 'lcmcr', '--chains', '0', 'x.csv').code).toBe(2);
    expect(attest('--max-order', 'two', 'x.csv').code).toBe(2);
  });
});
