/**
 * The fingerprint of extraction's output: one SHA-256 over the JSON of extract() on thousands of
 * bench corpus texts (several seeds, five languages), the project's test texts and the seed
 * article, each also upper-cased and flattened onto one line (what stresses folding, casing and
 * segmentation), plus decodeDocument() on the same texts as UTF-8, UTF-16 and legacy-code-page
 * bytes. A speed-up must leave every hash unchanged: run it before and after and compare.
 *
 *   node --import tsx bench/extractFingerprint.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument } from '../src/decode/decodeDocument.ts';
import { extract } from '../src/extract/extract.ts';
import { generateNewsTexts } from './corpus.ts';

interface Sample {
  group: string;
  text: string;
  published: string | null;
  lang?: string;
}

const root = join(import.meta.dirname, '..');
const SEEDS = [2017, 7, 99];
const PER_SEED = 1_000;

function fixtureTexts(): Sample[] {
  const out: Sample[] = [];
  const golden = join(root, 'test/extract/golden');
  for (const file of readdirSync(golden)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const expected = JSON.parse(readFileSync(join(golden, file.replace(/\.txt$/, '.expected.json')), 'utf8'));
    out.push({
      group: file.slice(0, 2),
      text: readFileSync(join(golden, file), 'utf8'),
      published: expected.published,
    });
  }
  const gold = join(root, 'test/fixtures/golden');
  for (const file of readdirSync(gold)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const expected = JSON.parse(readFileSync(join(gold, file.replace(/\.txt$/, '.gold.json')), 'utf8'));
    out.push({
      group: file.slice(0, 2),
      text: readFileSync(join(gold, file), 'utf8'),
      published: expected.published,
    });
  }
  const evaluation = join(root, 'test/extract/evaluation');
  for (const file of readdirSync(evaluation)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const passages = JSON.parse(readFileSync(join(evaluation, file), 'utf8')) as Array<{
      text: string;
      published: string;
    }>;
    for (const p of passages) out.push({ group: file.slice(0, 2), text: p.text, published: p.published });
  }
  out.push({
    group: 'en',
    text: readFileSync(join(root, 'test/fixtures/moscow-petition-en.txt'), 'utf8'),
    published: null,
  });
  const seed = join(root, '../shared/seed');
  if (existsSync(seed)) {
    for (const file of readdirSync(seed).sort())
      out.push({ group: 'pt', text: readFileSync(join(seed, file), 'utf8'), published: '2017-05-12' });
  }
  return out;
}

/** Variants that exercise what a faster matcher might get wrong: case, line breaks, language hint. */
function withVariants(samples: Sample[]): Sample[] {
  return samples.flatMap((s) => [
    s,
    { ...s, text: s.text.toUpperCase() },
    { ...s, text: s.text.replace(/\s+/g, ' '), published: null },
    { ...s, lang: s.group },
  ]);
}

function samples(): Sample[] {
  const corpus = SEEDS.flatMap((seed) =>
    generateNewsTexts(PER_SEED, seed).map((t) => ({ group: t.lang, text: t.text, published: t.published })),
  );
  return [...corpus, ...withVariants(fixtureTexts())];
}

/** Bytes of a text in a legacy code page its language uses (only for the characters it can hold). */
function legacyBytes(text: string, lang: string): Uint8Array | null {
  if (lang === 'ru') {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) out[i] = c;
      else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
      else if (c === 0x401) out[i] = 0xa8;
      else if (c === 0x451) out[i] = 0xb8;
      else out[i] = 0x20;
    }
    return out;
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x100 ? c : 0x3f;
  }
  return out;
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

async function decodeOutput(sample: Sample, index: number): Promise<unknown[]> {
  const encodings: Array<[string, Uint8Array | null]> = [
    ['utf8', new TextEncoder().encode(sample.text)],
    ['utf16', index % 4 === 0 ? utf16le(sample.text, index % 8 === 0) : null],
    ['legacy', index % 3 === 0 ? legacyBytes(sample.text, sample.group) : null],
  ];
  const out: unknown[] = [];
  for (const [name, bytes] of encodings) {
    if (!bytes) continue;
    try {
      out.push(await decodeDocument(bytes, `f-${index}.txt`));
    } catch (error) {
      out.push({ name, error: String(error) });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const all = samples();
  const perGroup = new Map<string, ReturnType<typeof createHash>>();
  const total = createHash('sha256');
  const decodeHash = createHash('sha256');
  for (const [index, sample] of all.entries()) {
    const result = extract(sample.text, { published: sample.published, lang: sample.lang });
    const json = JSON.stringify(result);
    total.update(json);
    total.update('\n');
    if (!perGroup.has(sample.group)) perGroup.set(sample.group, createHash('sha256'));
    perGroup.get(sample.group)?.update(`${json}\n`);
    decodeHash.update(JSON.stringify(await decodeOutput(sample, index)));
  }
  console.log(`texts ${all.length}`);
  for (const [group, hash] of [...perGroup].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`extract ${group} ${hash.digest('hex')}`);
  console.log(`extract all ${total.digest('hex')}`);
  console.log(`decode all ${decodeHash.digest('hex')}`);
}

await main();
