/**
 * The one input of `attest estimate`, `link` and `extract`: a file named relative to the working
 * directory, or `-` for stdin. Each comes with the label its errors and warnings use (the file's base
 * name, or `stdin`), and a file that cannot be read is an InvalidInput naming it and the system's
 * reason code, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InvalidInput } from '../core/errors.ts';
import type { CommandIo } from './command.ts';

type InputIo = Pick<CommandIo, 'stdin' | 'cwd'>;

/** The raw bytes, for callers that decode the document themselves (extract, the way ingest does). */
export async function readInputBytes(path: string, io: InputIo): Promise<{ label: string; bytes: Buffer }> {
  const label = inputLabel(path);
  if (path === '-') return { label, bytes: await readStdin(io.stdin) };
  try {
    return { label, bytes: await readFile(resolve(io.cwd, path)) };
  } catch (error) {
    throw unreadable(label, error);
  }
}

/**
 * A file's bytes read synchronously, for a batch that reads thousands of small files one after
 * another with nothing else to do meanwhile: the asynchronous read costs several thread-pool round
 * trips per file, more CPU than decoding a news item.
 */
export function readFileBytesSync(
  path: string,
  io: Pick<CommandIo, 'cwd'>,
): { label: string; bytes: Buffer } {
  const label = inputLabel(path);
  try {
    return { label, bytes: readFileSync(resolve(io.cwd, path)) };
  } catch (error) {
    throw unreadable(label, error);
  }
}

function unreadable(label: string, error: unknown): InvalidInput {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
  return new InvalidInput(label, `cannot read the file (${code})`);
}

/** The input as UTF-8 text (invalid sequences become U+FFFD; a byte-order mark is kept). */
export async function readInputText(path: string, io: InputIo): Promise<{ label: string; text: string }> {
  const { label, bytes } = await readInputBytes(path, io);
  return { label, text: bytes.toString('utf8') };
}

function inputLabel(path: string): string {
  return path === '-' ? 'stdin' : basename(path);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
