// Compiles the TypeScript sources to dist/ (so `attest` starts without a compiler), copies the SQL
// migrations beside the compiled store and puts the migrated PGlite template there for first
// starts. The template is cached in .cache/ by the hash of the migrations it holds.
// Built beside dist/ and moved into place at the end, so an interrupted build leaves the last one.
// Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const finalDist = join(root, 'dist');
const dist = join(root, `dist.${process.pid}.building`);
const typescript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
const tsc = join(typescript, 'bin/tsc');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], {
  stdio: 'inherit',
  cwd: root,
});
cpSync(join(root, 'src/store/migrations'), join(dist, 'store/migrations'), { recursive: true });

const { builtTemplatePath, createPgliteTemplate } = await import(join(dist, 'store/pgliteTemplate.js'));
const template = builtTemplatePath(join(dist, 'store'));
const cached = join(root, '.cache', basename(template));
if (!existsSync(cached)) {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, await createPgliteTemplate());
  renameSync(temporary, cached);
}
copyFileSync(cached, template);
writeFileSync(join(dist, 'BUILD'), `${new Date().toISOString()}\n`);
const previous = `${finalDist}.${process.pid}.previous`;
if (existsSync(finalDist)) renameSync(finalDist, previous);
renameSync(dist, finalDist);
rmSync(previous, { recursive: true, force: true });
process.stdout.write(`attest: compiled to dist/ with ${basename(template)}\n`);
