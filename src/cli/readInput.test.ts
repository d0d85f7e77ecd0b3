import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../core/errors.ts';
import { readInputBytes, readInputText } from './readInput.ts';

const noStdin = Readable.from([]);

describe('readInput', () => {
  it('reads a file relative to the working directory, labelled by its base name', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'attest-read-input-'));
    await writeFile(join(cwd, 'lists.csv'), '\ufeffA,B\n');
    expect(await readInputText('lists.csv', { cwd, stdin: noStdin })).toEqual({
      label: 'lists.csv',
      text: '\ufeffA,B\n',
    });
  });

  it('reads - from stdin, string and byte chunks alike', async () => {
    const stdin = Readable.from([Buffer.from([0xd0, 0xb0]), 'b']);
    const { label, bytes } = await readInputBytes('-', { cwd: '/', stdin });
    expect(label).toBe('stdin');
    expect(bytes.toString('utf8')).toBe('аb');
  });

  it('names the file and the reason code when it cannot be read', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'attest-read-input-'));
    const reading = readInputText('sub/missing.csv', { cwd, stdin: noStdin });
    await expect(reading).rejects.toBeInstanceOf(InvalidInput);
    await expect(reading).rejects.toThrow('missing.csv: cannot read the file (ENOENT)');
  });
});
