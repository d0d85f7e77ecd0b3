#!/usr/bin/env node
// Entry point for `npx attest`: runs the compiled JavaScript in dist/ (built by `npm install` or
// `npm run build`), so no TypeScript compiler runs at start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Everything Attest writes (database, originals, backups, exports) is readable by its owner only.
process.umask(0o077);

const root = join(import.meta.dirname, '..');
const build = join(root, 'dist', 'BUILD');
if (!existsSync(build)) {
  process.stderr.write('attest: not built yet: run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
warnIfSourcesAreNewer(join(root, 'src'), statSync(build).mtimeMs);

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

/** In a checkout, a source edited after the last build would silently not run: say so. */
function warnIfSourcesAreNewer(sources, builtAt) {
  if (!existsSync(sources)) return;
  const newer = readdirSync(sources, { recursive: true }).find(
    (file) => !file.endsWith('.test.ts') && statSync(join(sources, file)).mtimeMs > builtAt,
  );
  if (newer) process.stderr.write(`attest: src/${newer} is newer than the build: run \`npm run build\`\n`);
}
