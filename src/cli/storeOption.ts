/** The --data option and opening the store for commands that use storage. */
import { userInfo } from 'node:os';
import { openStore, type Store } from '../store/openStore.ts';
import { type CommandIo, commandStoreConfig, type OptionSpec, type ParsedArgs } from './command.ts';

export const DATA_OPTION: Record<string, OptionSpec> = {
  data: { type: 'string', description: 'data directory (default ATTEST_DATA or ./attest-data)' },
};

export async function openCommandStore(args: ParsedArgs, io: CommandIo): Promise<Store> {
  const store = await openStore(commandStoreConfig(args, io), { command: args.command });
  for (const warning of store.layout.warnings) io.stderr.write(`attest: warning: ${warning}\n`);
  return store;
}

/** Runs `work` with an open store and closes it; inside `attest serve`, with the server's store. */
export async function withStore<T>(
  args: ParsedArgs,
  io: CommandIo,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  if (io.sharedStore) return work(io.sharedStore);
  const store = await openCommandStore(args, io);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Who is at the keyboard, for "captured by": the signed-in user once accounts exist, else the OS user. */
export function currentActor(io: CommandIo): string {
  return io.env.ATTEST_USER?.trim() || userInfo().username;
}
