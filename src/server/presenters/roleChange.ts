/** A role change as the client sees it: who, from what to what, and what happened to their keys. */
import { z } from 'zod';
import type { RoleChange } from '../../services/accounts/roles.ts';
import { Id } from './common.ts';

export const RoleChangeSchema = z.object({
  id: Id,
  email: z.string(),
  role: z.string(),
  previousRole: z.string(),
  keysGranted: z.number().int().describe('organisation compartment key ids sealed to the user'),
  revoked: z.array(z.string()).describe('codes of the compartments whose keys the user lost'),
  rotated: z
    .array(z.string())
    .describe('of those, the ones rotated now; a member of any other should rotate it'),
});

export function presentRoleChange(change: RoleChange): z.infer<typeof RoleChangeSchema> {
  return {
    id: change.id,
    email: change.email,
    role: change.role,
    previousRole: change.previousRole,
    keysGranted: change.keysGranted,
    revoked: change.revoked,
    rotated: change.rotated,
  };
}
