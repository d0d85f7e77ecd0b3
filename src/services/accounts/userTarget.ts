/**
 * The account an administrator acts on (disable, unlock, reset its password): named by id from the
 * web app, by email from the command line. Read with its row locked, so the change is ordered
 * against concurrent sign-ins and other administrators' changes.
 */
import { NotFound } from '../../core/errors.ts';
import type { Queryable } from '../../store/db.ts';
import { type UserRow, usersRepository } from '../../store/users.ts';

export type UserTarget = { userId: string } | { email: string };

/** The target's row, locked until the transaction `tx` ends, or NotFound naming what was asked for. */
export async function lockUserTarget(tx: Queryable, target: UserTarget): Promise<UserRow> {
  const users = usersRepository(tx);
  const user =
    'userId' in target
      ? await users.findByIdForUpdate(target.userId)
      : await users.findByEmailForUpdate(target.email);
  if (!user) throw new NotFound('user', 'userId' in target ? target.userId : target.email);
  return user;
}
