/** The --data option and opening the store for commands that use storage. */
import { userInfo } from 'node:os';
import { openStore, type Store, storeConfigFrom } from '../store/openStore.ts';
import { type CommandIo, type OptionSpec, type ParsedArgs, stringOption } from './command.ts';

export const DATA_OPTION: Record<string, OptionSpec> = {
  data: { type: 'string', description: 'data directory (default ATTEST_DATA or ./attest-data)' },
};

export function openCommandStore(args: ParsedArgs, io: CommandIo): Promise<Store> {
  return openStore(storeConfigFrom(stringOption(args, 'data'), io.env, io.cwd));
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(
  args: ParsedArgs,
  io: CommandIo,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openCommandStore(args, io);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Who is at the keyboard before any account exists: the operating-system user. Once accounts exist,
 * commands sign in (user.ts `signInOnceAccountsExist`) and name the account instead: an unverified
 * ATTEST_USER is never provenance.
 */
export function operatingSystemUser(): string {
  return userInfo().username;
}
