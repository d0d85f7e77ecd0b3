/**
 * `attest user add|role|totp`, and how every protected command learns who is at the keyboard:
 * ATTEST_USER / ATTEST_PASSWORD (and ATTEST_TOTP when the account has a second factor), or a
 * prompt without echo on a terminal. Passwords never come from command-line arguments: those are
 * visible to every user of the machine in the process list.
 */
import { InvalidInput, Unauthenticated, UsageError } from '../../core/errors.ts';
import { environmentSecret, environmentValue, type SECRET_VARIABLES } from '../../runtime/config.ts';
import { addUser } from '../../services/accounts.ts';
import { type Actor, releaseActor } from '../../services/accountsActor.ts';
import { authenticate, enableTotp } from '../../services/accountsLogin.ts';
import { changeUserRole } from '../../services/accountsRoles.ts';
import { unlockAccount } from '../../services/accountsUnlock.ts';
import type { Db } from '../../store/db.ts';
import { usersRepository } from '../../store/usersRepository.ts';
import { type Command, type CommandIo, expectPositionals, stringOption, writeJson } from '../command.ts';
import { promptHidden } from '../promptHidden.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

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
  if ((await usersRepository(db).count()) === 0) return null;
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

export const userCommand: Command = {
  name: 'user',
  summary:
    'accounts: add a user, change a role or lift a sign-in lock (administrators), turn on TOTP for your own account',
  usage:
    'add --email E --role administrator|investigator|caseworker|analyst|viewer | role EMAIL ROLE | unlock EMAIL | totp',
  options: {
    ...DATA_OPTION,
    email: { type: 'string', description: 'the new user’s e-mail address' },
    role: { type: 'string', description: 'administrator, investigator, caseworker, analyst or viewer' },
  },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub === 'add') {
      const email = stringOption(args, 'email');
      const role = stringOption(args, 'role');
      if (!email || !role) throw new UsageError('user add needs --email and --role');
      expectPositionals(args, 1, 'user add takes only --email and --role');
      const password = await readPassword(io, 'ATTEST_NEW_PASSWORD', `Initial password for ${email}: `, true);
      const user = await asSignedInUser(args, io, (db, actor) =>
        addUser(db, actor, { email, role, password }),
      );
      if (args.values.json) writeJson(io, user);
      else io.stdout.write(`added ${user.email} (${user.role})\n`);
      return 0;
    }
    if (sub === 'role') {
      const [, email, role, ...rest] = args.positionals;
      if (!email || !role || rest.length > 0) throw new UsageError('user role needs EMAIL and ROLE');
      const change = await asSignedInUser(args, io, (db, actor) =>
        changeUserRole(db, actor, { user: { email }, role }),
      );
      if (args.values.json) writeJson(io, change);
      else {
        const keys =
          change.keysGranted > 0
            ? '; given the organisation key'
            : change.revoked.length > 0
              ? `; keys taken back from ${change.revoked.join(', ')}`
              : '';
        io.stdout.write(`${change.email}: ${change.previousRole} → ${change.role}${keys}\n`);
      }
      // Keys the user held may have been copied: a compartment not rotated now still opens with them.
      for (const code of change.revoked.filter((code) => !change.rotated.includes(code)))
        io.stderr.write(
          `warning: a member of ${code} should run "attest compartment rotate --compartment ${code}"\n`,
        );
      return 0;
    }
    if (sub === 'totp') {
      expectPositionals(args, 1, 'user totp takes no arguments');
      const result = await asSignedInUser(args, io, (db, actor) => enableTotp(db, actor));
      io.stderr.write('TOTP is on. Add this secret to your authenticator app now; it is not shown again.\n');
      if (args.values.json) writeJson(io, result);
      else io.stdout.write(`${result.secret}\n${result.uri}\n`);
      return 0;
    }
    if (sub === 'unlock') {
      const [, email, ...extra] = args.positionals;
      if (!email || extra.length > 0) throw new UsageError('user unlock needs one e-mail address');
      const result = await asSignedInUser(args, io, (db, actor) => unlockAccount(db, actor, { email }));
      if (args.values.json) writeJson(io, result);
      else
        io.stdout.write(
          `${result.wasLocked ? 'unlocked' : 'was not locked; reset the failure count of'} ${result.email}\n`,
        );
      return 0;
    }
    throw new UsageError('expected a subcommand: add, role, unlock or totp');
  },
};
