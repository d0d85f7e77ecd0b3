/**
 * Moves a message module in the old shape (one file holding every locale's table) into the
 * per-locale catalogue files under web/src/i18n/locales/<locale>/<namespace>.ts, then rewrites each
 * locale's index.ts to gather every namespace English has. See docs/translating.md.
 *
 *   node --import tsx scripts/i18n-split.ts web/src/i18n/fooMessages.ts foo
 *   node --import tsx scripts/i18n-split.ts --index        (only rewrite the index files)
 *
 * Old shapes understood: an export `{ en: {...}, pt: {...}, ... }` (e.g. FOO_MESSAGES), or one
 * export per locale named `<anything>En`, `<anything>Pt`, … (e.g. fooEn, fooPt). Afterwards delete
 * the old module, replace imports of its key type with MessageKey, and run `npx biome format --write`
 * on the written files (the script calls it when Biome is installed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCALES, type Locale } from '../web/src/i18n/locales.ts';

type Table = Record<string, string>;

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES_DIR = join(ROOT, 'web/src/i18n/locales');

function fail(message: string): never {
  process.stderr.write(`i18n-split: ${message}\n`);
  process.exit(2);
}

function isTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** Finds each locale's table among a module's exports, in either old shape. */
export function tablesOf(exports: Record<string, unknown>): Record<Locale, Table> {
  for (const value of Object.values(exports)) {
    if (typeof value !== 'object' || value === null) continue;
    const byLocale = value as Record<string, unknown>;
    if (LOCALES.every((locale) => isTable(byLocale[locale])))
      return Object.fromEntries(LOCALES.map((locale) => [locale, byLocale[locale]])) as Record<Locale, Table>;
  }
  const found: Partial<Record<Locale, Table>> = {};
  for (const [name, value] of Object.entries(exports)) {
    const suffix = name.slice(-2).toLowerCase();
    const locale = LOCALES.find((candidate) => candidate === suffix);
    if (locale && /[a-z]$/.test(name.slice(0, -2)) && isTable(value)) found[locale] = value;
  }
  const missing = LOCALES.filter((locale) => !found[locale]);
  if (missing.length > 0)
    fail(
      `no table for ${missing.join(', ')}: export { en, pt, … } in one object, or one export per locale named …En, …Pt`,
    );
  return found as Record<Locale, Table>;
}

const identifier = (namespace: string) =>
  namespace.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase());

function catalogueFile(locale: Locale, namespace: string, table: Table): string {
  const entries = Object.entries(table)
    .map(([key, text]) => `  ${JSON.stringify(key)}: ${JSON.stringify(text)},`)
    .join('\n');
  if (locale === 'en') return `export default {\n${entries}\n};\n`;
  return [
    `import type { Translation } from '../../catalogue.ts';`,
    `import type en from '../en/${namespace}.ts';`,
    '',
    `export default {\n${entries}\n} satisfies Translation<typeof en>;`,
    '',
  ].join('\n');
}

function namespaces(): string[] {
  return readdirSync(join(LOCALES_DIR, 'en'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => basename(file, '.ts'))
    .sort();
}

function indexFile(locale: Locale, names: string[]): string {
  const imports = names.map((name) => `import ${identifier(name)} from './${name}.ts';`);
  const spread = names.map((name) => `  ...${identifier(name)},`).join('\n');
  const header = '// Written by scripts/i18n-split.ts from the files beside it: edit those, not this.\n';
  if (locale === 'en')
    return `${header}${imports.join('\n')}\n\nconst en = {\n${spread}\n};\n\nexport default en;\n`;
  return [
    header.trimEnd(),
    `import type { Messages } from '../../catalogue.ts';`,
    ...imports,
    '',
    `export default {\n${spread}\n} satisfies Messages;`,
    '',
  ].join('\n');
}

export function writeIndexes(): string[] {
  const names = namespaces();
  const written: string[] = [];
  for (const locale of LOCALES) {
    const file = join(LOCALES_DIR, locale, 'index.ts');
    writeFileSync(file, indexFile(locale, names));
    written.push(file);
  }
  return written;
}

function format(files: string[]): void {
  const biome = join(ROOT, 'node_modules/.bin/biome');
  if (existsSync(biome)) execFileSync(biome, ['format', '--write', ...files], { stdio: 'inherit' });
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--index' && args.length === 1) {
    format(writeIndexes());
    return;
  }
  const [modulePath, namespace] = args;
  if (!modulePath || !namespace || args.length !== 2)
    fail('usage: i18n-split.ts <old-module.ts> <namespace>   or   i18n-split.ts --index');
  if (!/^[a-z][A-Za-z0-9]*$/.test(namespace)) fail(`namespace "${namespace}": use a camelCase word`);
  const path = resolve(modulePath);
  if (!existsSync(path)) fail(`${modulePath}: no such file`);
  const tables = tablesOf((await import(pathToFileURL(path).href)) as Record<string, unknown>);

  // Other namespaces already holding a key would be silently overridden by the merge: refuse.
  const { default: english } = (await import(pathToFileURL(join(LOCALES_DIR, 'en/index.ts')).href).catch(
    () => ({ default: {} }),
  )) as { default: Table };
  const existing = existsSync(join(LOCALES_DIR, 'en', `${namespace}.ts`));
  const clashes = existing ? [] : Object.keys(tables.en).filter((key) => key in english);
  if (clashes.length > 0) fail(`keys already defined in another namespace: ${clashes.join(', ')}`);

  const written: string[] = [];
  for (const locale of LOCALES) {
    mkdirSync(join(LOCALES_DIR, locale), { recursive: true });
    const file = join(LOCALES_DIR, locale, `${namespace}.ts`);
    writeFileSync(file, catalogueFile(locale, namespace, tables[locale]));
    written.push(file);
  }
  written.push(...writeIndexes());
  format(written);
  process.stdout.write(`wrote ${LOCALES.length} catalogues for "${namespace}" and the locale indexes\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
