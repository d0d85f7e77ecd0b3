/**
 * `npm run bench [-- suite…]`: runs every suite in bench/suites (or the named ones), prints one
 * table and writes bench/results/latest.json (and a dated copy) with the machine it ran on.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSuite } from './harness.ts';

const suitesDir = join(import.meta.dirname, 'suites');
const wanted = process.argv.slice(2);
// A suite's file is named after the suite, so only the named suites are even loaded.
const files = readdirSync(suitesDir)
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.ts$/, '')))
  .sort();

const results: Array<BenchRow & { suite: string }> = [];
for (const file of files) {
  const { suite } = (await import(join(suitesDir, file))) as { suite: BenchSuite };
  process.stderr.write(`bench: ${suite.name}…\n`);
  for (const row of await suite.run()) results.push({ suite: suite.name, ...row });
}

const table = results.map((row) => ({
  suite: row.suite,
  metric: row.metric,
  value: Number.isInteger(row.value) ? row.value : Number(row.value.toFixed(2)),
  unit: row.unit,
  target: row.target ?? '',
  met: row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  note: row.note ?? '',
}));
console.table(table);

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  results,
};
const outDir = join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(report, null, 2)}\n`;
writeFileSync(join(outDir, 'latest.json'), json);
writeFileSync(join(outDir, `${report.date.slice(0, 19).replace(/:/g, '-')}.json`), json);
process.stderr.write(`bench: wrote ${join(outDir, 'latest.json')}\n`);
