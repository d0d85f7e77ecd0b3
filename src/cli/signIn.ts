/**
 * How every protected command learns who is at the keyboard: ATTEST_USER / ATTEST_PASSWORD (and
 * ATTEST_TOTP when the account has a second factor), or a prompt without echo on a terminal.
 * Passwords never come from command-line arguments: those are visible to every user of the machine
 * in the process list.
 */
import { InvalidInput, Unauthenticated, UsageError } from '../core/errors.ts';
import { environmentSecret, environmentValue, type SECRET_VARIABLES } from '../runtime/config.ts';
import { accountsExist } from '../services/accounts/accounts.ts';
import { type Actor, releaseActor } from '../services/accounts/actor.ts';
import { authenticate } from '../services/accounts/login.ts';
import type { Db } from '../services/store.ts';
import type { CommandIo } from './command.ts';
import { promptHidden } from './promptHidden.ts';
import { withStore } from './storeOption.ts';

type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** A password from `envName`, else a hidden prompt on a terminal (asked twice when `confirm`). */
export async function readPassword(
  io: CommandIo,
  envName: (typeof SECRET_VARIABLES)[number],
  prompt: string,
  confirm = false,
): Promise<string> {
  const fromEnv = environmentSecret(io.env, envName);
  if (fromEnv) return fromEnv;
  // Inside `attest serve` the question goes back to the terminal of the command that sent it.
  const ask = io.promptHidden ?? ((question: string) => promptHidden(io, question));
  if (!io.promptHidden && !(io.stdin as TtyInput).isTTY)
    throw new UsageError(`set ${envName} (no terminal to ask for the password)`);
  const first = await ask(prompt);
  if (confirm && (await ask('Repeat it: ')) !== first)
    throw new InvalidInput('password', 'the two entries differ');
  return first;
}

/** Signs in as ATTEST_USER; the caller must `releaseActor` when done. */
export async function signIn(db: Db, io: CommandIo): Promise<Actor> {
  const email = environmentValue(io.env, 'ATTEST_USER');
  if (!email) throw new UsageError('set ATTEST_USER to the e-mail address of your account');
  const password = await readPassword(io, 'ATTEST_PASSWORD', `Password for ${email}: `);
  return authenticate(db, { email, password, totpCode: environmentValue(io.env, 'ATTEST_TOTP') });
}

/**
 * Signs in as ATTEST_USER when the installation has accounts; null before the first one exists
 * (`attest init`), when there is no one to sign in as. `purpose` completes "sign in … to".
 */
export async function signInOnceAccountsExist(db: Db, io: CommandIo, purpose: string): Promise<Actor | null> {
  if (!(await accountsExist(db))) return null;
  if (!environmentValue(io.env, 'ATTEST_USER'))
    throw new Unauthenticated(
      `this installation has accounts: set ATTEST_USER and ATTEST_PASSWORD to ${purpose}`,
    );
  return signIn(db, io);
}

/** Runs `work` as the signed-in user with an open store, wiping the user's key afterwards. */
export function asSignedInUser<T>(
  args: Parameters<typeof withStore>[0],
  io: CommandIo,
  work: (db: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  return withStore(args, io, async (store) => {
    const actor = await signIn(store.db, io);
    try {
      return await work(store.db, actor);
    } finally {
      releaseActor(actor);
    }
  });
}
