// Checks the layer rules of .dependency-cruiser.cjs over every tracked source file of src/ and web/src/.
// The files are listed here because dependency-cruiser reads TypeScript files it is given by name.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'web/src'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => /\.(ts|tsx)$/.test(file) && existsSync(join(root, file)));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
try {
  execFileSync(
    process.execPath,
    [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...files],
    { cwd: root, stdio: 'inherit' },
  );
} catch {
  process.exit(1);
}
