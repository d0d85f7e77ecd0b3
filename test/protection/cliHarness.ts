/**
 * Drives `node bin/attest.js` as partners' scripts would, and looks at what a thief would see: every
 * byte of the data directory, and a pg_dump of the database.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CliResult, runCli } from '../support/cli.ts';

export type { CliResult };

const run = promisify(execFile);

export function attest(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return runCli(args, { env });
}

/** Every file under `dir`, recursively, with its bytes. */
export function everyFile(dir: string): Array<{ path: string; bytes: Buffer }> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...everyFile(path));
    else if (stat.isFile()) out.push({ path, bytes: readFileSync(path) });
  }
  return out;
}

/** The needle as it may appear on disk or in a dump: UTF-8, UTF-16LE, or bytea hex. */
export function encodingsOf(needle: string): Buffer[] {
  return [
    Buffer.from(needle, 'utf8'),
    Buffer.from(needle, 'utf16le'),
    Buffer.from(Buffer.from(needle, 'utf8').toString('hex'), 'utf8'),
  ];
}

export function filesContaining(dir: string, needle: string): string[] {
  const forms = encodingsOf(needle);
  return everyFile(dir)
    .filter((file) => forms.some((form) => file.bytes.includes(form)))
    .map((file) => file.path);
}

export async function pgDump(databaseUrl: string): Promise<string> {
  const { stdout } = await run('pg_dump', ['--no-owner', databaseUrl], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}
