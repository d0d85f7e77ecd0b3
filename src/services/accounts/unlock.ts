/**
 * Lifting a sign-in lock. Anyone who knows an account's address can lock it with wrong guesses
 * (login.ts counts every attempt before checking it, which is what stops a burst); this is
 * how the owner gets back in without waiting: an administrator clears the lock and the failure
 * count. The recovery key does the same with a new password (recovery.ts).
 */
import type { Db } from '../../store/db.ts';
import { usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import { authorize } from '../policies/index.ts';
import type { Actor } from './actor.ts';
import { lockUserTarget, type UserTarget } from './userTarget.ts';

export interface UnlockResult {
  id: string;
  email: string;
  /** Whether a lock was in force (an unlock of an unlocked account still resets the count). */
  wasLocked: boolean;
  failures: number;
}

export async function unlockAccount(
  db: Db,
  actor: Actor,
  target: UserTarget,
  now: Date = new Date(),
): Promise<UnlockResult> {
  authorize(actor.role, 'user.unlock');
  return db.transaction(async (tx) => {
    const users = usersRepository(tx);
    // The row lock orders the unlock against concurrent sign-in claims.
    const user = await lockUserTarget(tx, target);
    const wasLocked = user.lockedUntil !== null && user.lockedUntil > now;
    await users.clearLoginFailures(user.id);
    await appendAudit(
      tx,
      {
        actor: actor.userId,
        action: 'user.unlock',
        recordType: 'user',
        recordId: user.id,
        details: { wasLocked, failures: user.failedLogins },
      },
      now,
    );
    return { id: user.id, email: user.email, wasLocked, failures: user.failedLogins };
  });
}
