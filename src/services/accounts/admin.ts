/**
 * Account administration beyond roles and unlocking: the list of accounts and turning one off or on.
 * Disabling ends the account's sessions at once (their wrapped keys are deleted, not just marked) and
 * sign-in refuses it (login.ts); its keys stay, so re-enabling gives back exactly what it had.
 */
import { InvalidInput } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import type { Db } from '../../store/db.ts';
import { sessionsRepository } from '../../store/sessions.ts';
import { usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import { authorize } from '../policies/index.ts';
import type { Actor } from './actor.ts';
import { lockUserTarget, type UserTarget } from './userTarget.ts';

export interface AccountSummary {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  locked: boolean;
  totp: boolean;
  /** Waiting for its invitation to be accepted (no password yet). */
  invited: boolean;
  createdAt: Date;
}

export async function listUsers(db: Db, actor: Actor, now: Date = new Date()): Promise<AccountSummary[]> {
  authorize(actor.role, 'user.list');
  return (await usersRepository(db).list()).map((user) => ({
    id: user.id,
    email: user.email,
    role: user.role,
    disabled: user.disabledAt !== null,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    totp: user.totpSecretSealed !== null,
    invited: user.invitationExpiresAt !== null,
    createdAt: user.createdAt,
  }));
}

export async function setUserDisabled(
  db: Db,
  actor: Actor,
  target: UserTarget,
  disabled: boolean,
  now: Date = new Date(),
): Promise<{ id: string; email: string; disabled: boolean }> {
  authorize(actor.role, 'user.disable');
  return db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const user = await lockUserTarget(tx, target);
    if (user.id === actor.userId)
      throw new InvalidInput('user', 'you cannot disable your own account; ask another administrator');
    await users.setDisabled(user.id, disabled ? now : null);
    if (disabled) await sessionsRepository(tx).deleteForUser(user.id);
    await appendAudit(
      tx,
      {
        actor: actor.userId,
        action: disabled ? 'user.disable' : 'user.enable',
        recordType: 'user',
        recordId: user.id,
      },
      now,
    );
    return { id: user.id, email: user.email, disabled };
  });
}
