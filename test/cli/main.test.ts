import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from '../support/commandIo.ts';

describe('attest main', () => {
  it('takes global options before the command name', async () => {
    const { io, out, err } = fakeIo('Police detained five activists in Moscow on 11 May 2017.\n');
    const code = await main(['--json', 'extract', '--published', '2017-05-12', '-'], io);
    expect(code, err()).toBe(0);
    expect(JSON.parse(out()).language).toBe('en');
  });

  it('prints the list of commands, with exit 2, when only global options are given', async () => {
    const { io, out } = fakeIo();
    expect(await main(['--json'], io)).toBe(2);
    expect(out()).toContain('Usage: attest <command>');
  });
});
