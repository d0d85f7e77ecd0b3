/**
 * `attest` command line: finds the command, parses its arguments and maps typed errors to exit codes
 * (0 success, 1 failure with one clear line, 2 usage error) as docs/cli.md promises.
 */
import { isAttestError, UsageError } from '../core/errors.ts';
import {
  type Command,
  type CommandIo,
  commandHelp,
  commandStoreConfig,
  type ParsedArgs,
  parseCommandArgs,
} from './command.ts';
import { COMMANDS } from './commands/index.ts';

const SERVER_START_WAIT_MS = 15_000;

function topLevelHelp(): string {
  const rows = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(16)} ${entry.summary}`);
  return `Usage: attest <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun 'attest <command> --help' for a command's options.\n`;
}

/**
 * Global options may come before the command name (`attest --data DIR search …`); they are moved
 * after it, where every command parses them.
 */
function commandFirst(argv: string[]): string[] {
  const leading: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index]!;
    if (arg === '--json') leading.push(arg);
    else if (arg === '--data' && index + 1 < argv.length) leading.push(arg, argv[++index]!);
    else if (arg.startsWith('--data=')) leading.push(arg);
    else break;
    index += 1;
  }
  if (index >= argv.length) return [];
  return [...argv.slice(index, index + 1), ...leading, ...argv.slice(index + 1)];
}

export async function main(givenArgv: string[], io: CommandIo = processIo()): Promise<number> {
  const argv = commandFirst(givenArgv);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topLevelHelp());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`attest: unknown command '${name}'\n\n${topLevelHelp()}`);
    return 2;
  }
  let command: Command | undefined;
  try {
    command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout.write(commandHelp(command, true));
      return 0;
    }
    const server = await runningServerFor(command, args, io);
    if (server) {
      const { forwardCommand } = await import('./channel/forwardCommand.ts');
      return await forwardCommand(server.socket, argv, server.dataDir, io);
    }
    return await command.run(args, { ...io, runCommand: main });
  } catch (error) {
    return reportError(error, io, command);
  }
}

/**
 * The server holding this command's embedded data directory, when there is one: the command then
 * runs inside it instead of opening the database a second time.
 */
async function runningServerFor(command: Command, args: ParsedArgs, io: CommandIo) {
  if (!command.options.data || command.name === 'serve' || io.sharedStore) return null;
  const config = commandStoreConfig(args, io);
  if (config.databaseUrl) return null;
  const { dataDirHolder } = await import('../store/dataDirLock.ts');
  let holder = dataDirHolder(config.dataDir);
  // A server that is still starting opens its channel within seconds: wait for it rather than fail.
  for (
    let waited = 0;
    holder?.command === 'serve' && !holder.socket && waited < SERVER_START_WAIT_MS;
    waited += 100
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    holder = dataDirHolder(config.dataDir);
  }
  return holder?.socket ? { socket: holder.socket, dataDir: config.dataDir } : null;
}

function reportError(error: unknown, io: CommandIo, command: Command | undefined): number {
  if (error instanceof UsageError) {
    io.stderr.write(`attest: ${error.message}\n`);
    if (command) io.stderr.write(`\n${commandHelp(command)}`);
    return 2;
  }
  if (isAttestError(error)) {
    io.stderr.write(`attest: ${error.message}\n`);
    return 1;
  }
  // An unexpected failure: say so plainly, without dumping values that may be protected.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  io.stderr.write(`attest: internal error: ${message}\n`);
  if (io.env.ATTEST_DEBUG?.trim() && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return 1;
}

function processIo(): CommandIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
