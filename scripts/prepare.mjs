// `npm install`'s prepare step: builds the web app, then the compiled CLI (scripts/build.mjs).
// npm runs prepare a second time when the first `npx attest` links this checkout into its own
// cache; a build newer than every file it is made from is kept, so that first start does not build
// everything again. `npm run build:web` and `npm run build` always build.
// Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const builds = [join(root, 'dist', 'BUILD'), join(root, 'web', 'dist', 'index.html')];
const inputs = ['src', 'web/src', 'web/index.html', 'scripts', 'package.json', 'package-lock.json'];

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true })) {
    const mtime = statSync(join(path, entry)).mtimeMs;
    if (mtime > latest) latest = mtime;
  }
  return latest;
}

const builtAt = Math.min(...builds.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
const changedAt = Math.max(...inputs.map((input) => newest(join(root, input))));
if (builtAt > changedAt) {
  process.stdout.write('attest: the build is newer than its sources: kept\n');
} else {
  const npm = process.env.npm_execpath;
  const run = (script) =>
    npm
      ? execFileSync(process.execPath, [npm, 'run', script], { stdio: 'inherit', cwd: root })
      : execFileSync('npm', ['run', script], { stdio: 'inherit', cwd: root });
  run('build:web');
  run('build');
}
