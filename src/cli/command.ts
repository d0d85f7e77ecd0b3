/**
 * The shape of one CLI command. Each command lives in its own file under commands/, parses its own
 * options with node's util.parseArgs (declared here so --help and usage errors behave the same
 * everywhere) and calls services; it never talks to storage directly.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.ts';
import type { Store } from '../services/store.ts';
import { type StoreConfig, storeConfigFrom } from '../store/storeConfig.ts';

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  description: string;
};

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set when the command runs inside `attest serve`: the server's open store, which it must not close. */
  sharedStore?: Store;
  /** Asks for a hidden answer on the terminal of the process that sent the command (see channel/). */
  promptHidden?: (prompt: string) => Promise<string>;
  /** The CLI's entry point, set by main: `attest serve` runs the commands sent to it with it. */
  runCommand?: (argv: string[], io: CommandIo) => Promise<number>;
}

export interface ParsedArgs {
  /** The command's name, e.g. `ingest`. */
  command: string;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** The synopsis after `attest <name>`, e.g. `[--published D] <file…>`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Further help after the options (input formats, examples), printed by --help. */
  details?: string;
  run(args: ParsedArgs, io: CommandIo): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { command: command.name, values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function commandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const lines = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    return `  ${flag.padEnd(28)} ${spec.description}`;
  });
  const details = command.details ? `\n${command.details.trimEnd()}\n` : '';
  return `Usage: attest ${command.name} ${command.usage}\n\n${command.summary}\n\nOptions:\n${lines.join('\n')}\n${details}`;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} takes a value`);
  return value;
}

/**
 * Refuses words beyond the `count` positionals a command (or subcommand) takes: a stray argument is
 * a usage mistake (exit 2), not something to ignore silently.
 */
export function expectPositionals(args: ParsedArgs, count: number, synopsis: string): void {
  const extra = args.positionals[count];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}': ${synopsis}`);
}

export function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The store a command's --data, ATTEST_DATA and DATABASE_URL point at. */
export function commandStoreConfig(args: ParsedArgs, io: CommandIo): StoreConfig {
  return storeConfigFrom(stringOption(args, 'data'), io.env, io.cwd);
}
