import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('usage mistakes', () => {
  // Each is refused before anything is opened or asked: exit 2, the reason, then the command's help.
  it.each([
    [['verify', 'extra'], /unexpected argument 'extra'/],
    [['audit', 'verify', 'extra'], /unexpected argument 'extra'/],
    [['serve', 'extra'], /unexpected argument 'extra'/],
    [['init', '--org', 'Org', '--admin', 'admin@example.org', 'extra'], /unexpected argument 'extra'/],
    [['user', 'add', '--email', 'a@example.org', '--role', 'viewer', 'extra'], /unexpected argument 'extra'/],
    [['user', 'totp', 'extra'], /unexpected argument 'extra'/],
    [['compartment', 'create', 'extra'], /unexpected argument 'extra'/],
    [['person', 'add', '--name', 'N', 'extra'], /unexpected argument 'extra'/],
    [['migrate', 'extra'], /takes no arguments/],
    [['stats', 'extra'], /unexpected argument 'extra'/],
    [['audit'], /expected a subcommand/],
    [['user'], /expected a subcommand/],
    [['compartment'], /expected a subcommand/],
    [['person'], /expected a subcommand/],
    [['backup'], /one backup file/],
    [['restore'], /one backup file/],
    [['init'], /needs --org and --admin/],
    [['serve', '--port', '70000'], /--port/],
    [['search'], /give a query/],
    [['search', '--limit', 'many', 'q'], /--limit/],
    [['export'], /one directory/],
    [['export', '--format', 'xml', 'out'], /--format/],
    [['ingest'], /at least one file/],
    [['ingest', '--published', '2017-13-45', 'f.txt'], /--published/],
    [['extract'], /needs a file/],
    [['estimate', '--model', 'best', 'lists.csv'], /--model/],
    [['link', '--threshold', '2', 'records.csv'], /--threshold/],
    [['ingest', '--bogus', 'f.txt'], /Unknown option '--bogus'/],
    [['search', '--limit'], /argument missing/],
    // Background jobs in other processes need PostgreSQL: the embedded database has one owner.
    [['worker'], /attest worker needs PostgreSQL/],
    [['worker', '--status'], /attest worker needs PostgreSQL/],
    [['serve', '--no-jobs'], /--no-jobs needs PostgreSQL/],
    [['ingest', '--queue', 'f.txt'], /--queue needs PostgreSQL/],
    [['ingest', '--queue', '--sealed', 'f.txt'], /cannot be queued: a worker holds no compartment key/],
  ])('%j exits 2', async (argv, reason) => {
    const work = mkdtempSync(join(tmpdir(), 'attest-usage-'));
    try {
      const { io, out, err } = fakeIo('', work);
      io.env = { ATTEST_DATA: join(work, 'data') };
      expect(await main(argv, io)).toBe(2);
      expect(err()).toMatch(reason);
      expect(err()).toContain(`Usage: attest ${argv[0]}`);
      expect(out()).toBe('');
      expect(existsSync(join(work, 'data'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('exits 2 for an unknown command, with the list of commands', async () => {
    const { io, err } = fakeIo();
    expect(await main(['nope'], io)).toBe(2);
    expect(err()).toContain("unknown command 'nope'");
    expect(err()).toContain('Usage: attest <command>');
  });
});

describe('global options', () => {
  const work = mkdtempSync(join(tmpdir(), 'attest-global-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = async (argv: string[]) => {
    const { io, out, err } = fakeIo('', work);
    const code = await main(argv, io);
    return { code, out: out(), err: err() };
  };

  it('--data and --json mean the same before the command as after it', async () => {
    // One fresh directory (each costs a full migration): the first run migrates it, and the runs
    // with the options placed otherwise find the same directory, with nothing left to apply.
    const dir = join(work, 'a');
    const before = await run(['--data', dir, '--json', 'migrate']);
    expect(before.code, before.err).toBe(0);
    expect(JSON.parse(before.out).applied.length).toBeGreaterThan(0);
    for (const argv of [
      ['migrate', '--data', dir, '--json'],
      [`--data=${dir}`, 'migrate', '--json'],
      ['--json', 'migrate', `--data=${dir}`],
    ]) {
      const again = await run(argv);
      expect(again.code, again.err).toBe(0);
      expect(JSON.parse(again.out)).toEqual({ applied: [] });
    }
    expect(existsSync(join(work, 'attest-data'))).toBe(false);
  });

  it('--data before a command without a data directory is the same usage mistake as after it', async () => {
    const before = await run(['--data', join(work, 'x'), 'extract', '-']);
    const after = await run(['extract', '-', '--data', join(work, 'x')]);
    expect([before.code, after.code]).toEqual([2, 2]);
    expect(before.err).toContain("Unknown option '--data'");
    expect(after.err).toContain("Unknown option '--data'");
  });
});
