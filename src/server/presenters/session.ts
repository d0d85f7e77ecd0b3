/** The signed-in user as the client sees them: never keys, hashes or the session token. */
import { z } from 'zod';
import type { Actor } from '../../services/accounts/actor.ts';
import { Id } from './common.ts';

export const UserSchema = z.object({ id: Id, email: z.string(), role: z.string() });
export const SessionSchema = z.object({
  user: UserSchema,
  expiresAt: z.string().nullable(),
  csrfToken: z.string(),
});

export function presentUser(actor: Pick<Actor, 'userId' | 'email' | 'role'>): z.infer<typeof UserSchema> {
  return { id: actor.userId, email: actor.email, role: actor.role };
}
