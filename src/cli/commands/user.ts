/**
 * `attest user add|list|role|disable|enable|unlock|reset-password|accept|totp`. How a command learns
 * who is at the keyboard is src/cli/signIn.ts.
 */
import { UsageError } from '../../core/errors.ts';
import { addUser } from '../../services/accounts/accounts.ts';
import { listUsers, setUserDisabled } from '../../services/accounts/admin.ts';
import {
  acceptInvitation,
  type Invitation,
  inviteUser,
  resetPasswordByAdministrator,
} from '../../services/accounts/invitations.ts';
import { confirmTotp, startTotpEnrolment } from '../../services/accounts/login.ts';
import { resetPasswordWithRecoveryKey } from '../../services/accounts/recovery.ts';
import { changeUserRole } from '../../services/accounts/roles.ts';
import { unlockAccount } from '../../services/accounts/unlock.ts';
import { type Command, type CommandIo, expectPositionals, stringOption, writeJson } from '../command.ts';
import { asSignedInUser, readPassword } from '../signIn.ts';
import { DATA_OPTION, withStore } from '../storeOption.ts';

function writeInvitation(io: CommandIo, json: unknown, invitation: Invitation, what: string): void {
  const result = {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitation: invitation.code,
    expiresAt: invitation.expiresAt.toISOString(),
  };
  io.stderr.write(
    `${what}: give ${invitation.email} this invitation code (shown once); they choose their password with "attest user accept" or at /invitation in the web app\n`,
  );
  if (json) writeJson(io, result);
  else io.stdout.write(`${invitation.code}\n`);
}

/** One e-mail address after the subcommand, nothing else. */
function oneEmail(positionals: string[], sub: string): string {
  const [, email, ...extra] = positionals;
  if (!email || extra.length > 0) throw new UsageError(`user ${sub} needs one e-mail address`);
  return email;
}

export const userCommand: Command = {
  name: 'user',
  summary:
    'accounts: add, list, disable, enable, change a role, unlock or reset a password (administrators); accept an invitation; recover with the recovery key; turn on TOTP for your own account',
  usage: [
    'add --email E --role ROLE [--invite]   (ROLE: administrator|investigator|caseworker|analyst|viewer)',
    '       attest user list',
    '       attest user role EMAIL ROLE | disable EMAIL | enable EMAIL | unlock EMAIL',
    '       attest user reset-password EMAIL [--recovery]',
    '       attest user accept',
    '       attest user totp [--code 123456]',
  ].join('\n'),
  options: {
    ...DATA_OPTION,
    email: { type: 'string', description: 'the new user’s e-mail address' },
    role: { type: 'string', description: 'administrator, investigator, caseworker, analyst or viewer' },
    invite: {
      type: 'boolean',
      description: 'add: print an invitation code instead of asking for a first password',
    },
    recovery: {
      type: 'boolean',
      description:
        'reset-password: use the organisation recovery key (asked, or ATTEST_RECOVERY_KEY) and set a new password; no sign-in',
    },
    code: { type: 'string', description: 'totp: the 6-digit code that turns the enrolled secret on' },
  },
  async run(args, io) {
    const [sub] = args.positionals;
    const json = args.values.json === true;
    if (sub === 'add') {
      const email = stringOption(args, 'email');
      const role = stringOption(args, 'role');
      if (!email || !role) throw new UsageError('user add needs --email and --role');
      expectPositionals(args, 1, 'user add takes only --email, --role and --invite');
      if (args.values.invite === true) {
        const invitation = await asSignedInUser(args, io, (db, actor) =>
          inviteUser(db, actor, { email, role }),
        );
        writeInvitation(io, json, invitation, `invited ${invitation.email} (${invitation.role})`);
        return 0;
      }
      // ATTEST_NEW_PASSWORD stays for scripts; on a terminal the password is asked twice, hidden.
      const password = await readPassword(io, 'ATTEST_NEW_PASSWORD', `Initial password for ${email}: `, true);
      const user = await asSignedInUser(args, io, (db, actor) =>
        addUser(db, actor, { email, role, password }),
      );
      if (json) writeJson(io, user);
      else io.stdout.write(`added ${user.email} (${user.role})\n`);
      return 0;
    }
    if (sub === 'list') {
      expectPositionals(args, 1, 'user list takes no arguments');
      const users = await asSignedInUser(args, io, (db, actor) => listUsers(db, actor));
      if (json)
        writeJson(io, {
          users: users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
        });
      else
        for (const user of users) {
          const state = [
            user.disabled && 'disabled',
            user.locked && 'locked',
            user.invited && 'invited',
            user.totp && 'totp',
          ].filter(Boolean);
          io.stdout.write(`${user.email}\t${user.role}${state.length ? `\t${state.join(', ')}` : ''}\n`);
        }
      return 0;
    }
    if (sub === 'disable' || sub === 'enable') {
      const email = oneEmail(args.positionals, sub);
      const result = await asSignedInUser(args, io, (db, actor) =>
        setUserDisabled(db, actor, { email }, sub === 'disable'),
      );
      if (json) writeJson(io, result);
      else io.stdout.write(`${sub}d ${result.email}\n`);
      return 0;
    }
    if (sub === 'reset-password') {
      const email = oneEmail(args.positionals, sub);
      if (args.values.recovery === true) {
        const recoveryKey = await readPassword(io, 'ATTEST_RECOVERY_KEY', 'Organisation recovery key: ');
        const newPassword = await readPassword(
          io,
          'ATTEST_NEW_PASSWORD',
          `New password for ${email}: `,
          true,
        );
        await withStore(args, io, (store) =>
          resetPasswordWithRecoveryKey(store.db, { recoveryKey, email, newPassword }),
        );
        if (json) writeJson(io, { email: email.trim().toLowerCase(), recovered: true });
        else
          io.stdout.write(
            `new password set for ${email}; case compartments must be given back by their members\n`,
          );
        return 0;
      }
      const invitation = await asSignedInUser(args, io, (db, actor) =>
        resetPasswordByAdministrator(db, actor, { email }),
      );
      writeInvitation(io, json, invitation, `password of ${invitation.email} reset, sessions ended`);
      return 0;
    }
    if (sub === 'accept') {
      expectPositionals(args, 1, 'user accept takes no arguments (the code is asked)');
      const code = await readPassword(io, 'ATTEST_INVITATION', 'Invitation code: ');
      const password = await readPassword(io, 'ATTEST_NEW_PASSWORD', 'Choose a password: ', true);
      const user = await withStore(args, io, (store) => acceptInvitation(store.db, { code, password }));
      if (json) writeJson(io, user);
      else io.stdout.write(`password set for ${user.email}; sign in with it\n`);
      return 0;
    }
    if (sub === 'role') {
      const [, email, role, ...rest] = args.positionals;
      if (!email || !role || rest.length > 0) throw new UsageError('user role needs EMAIL and ROLE');
      const change = await asSignedInUser(args, io, (db, actor) =>
        changeUserRole(db, actor, { user: { email }, role }),
      );
      if (json) writeJson(io, change);
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
      expectPositionals(args, 1, 'user totp takes only --code');
      const code = stringOption(args, 'code');
      if (code !== undefined) {
        await asSignedInUser(args, io, (db, actor) => confirmTotp(db, actor, code));
        if (json) writeJson(io, { totp: true });
        else io.stdout.write('TOTP is on: sign-in now asks for a code (ATTEST_TOTP)\n');
        return 0;
      }
      const result = await asSignedInUser(args, io, (db, actor) => startTotpEnrolment(db, actor));
      io.stderr.write(
        'Add this secret to your authenticator app, then turn TOTP on with "attest user totp --code <6 digits>".\n',
      );
      if (json) writeJson(io, result);
      else io.stdout.write(`${result.secret}\n${result.uri}\n`);
      return 0;
    }
    if (sub === 'unlock') {
      const email = oneEmail(args.positionals, sub);
      const result = await asSignedInUser(args, io, (db, actor) => unlockAccount(db, actor, { email }));
      if (json) writeJson(io, result);
      else
        io.stdout.write(
          `${result.wasLocked ? 'unlocked' : 'was not locked; reset the failure count of'} ${result.email}\n`,
        );
      return 0;
    }
    throw new UsageError(
      'expected a subcommand: add, list, role, disable, enable, unlock, reset-password, accept or totp',
    );
  },
};
