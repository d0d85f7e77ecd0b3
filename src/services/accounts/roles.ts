/**
 * Changing a user's role moves their keys with it, in one transaction with its audit entry. A role
 * that gains the right to hold keys (`holdsCompartmentKeys`) receives the organisation compartment's
 * keys, sealed to the user's public key by the administrator making the change: no password of the
 * user's is needed, as when a member is added to a compartment. A role that loses it loses every
 * compartment key it held, and each of those compartments whose key the administrator holds is
 * rotated, so copies the user kept open nothing re-sealed or new (as when a member is removed).
 * Case compartments are never given by a role change: their members add people. A change that
 * would leave a compartment with no member is refused: its key would be lost, and its records.
 */
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { type CompartmentRow, compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import {
  keysForAction,
  resolveCompartment,
  rotateWithin,
  sealKeysToMember,
  unlockCompartmentKeys,
  wipeKeys,
} from '../compartments/compartments.ts';
import { holdsCompartmentKeys } from '../policies/index.ts';
import { parseRole } from './accounts.ts';
import type { Actor } from './actor.ts';

export type UserRef = { id: string } | { email: string };

export interface RoleChange {
  id: string;
  email: string;
  role: Role;
  previousRole: Role;
  /** How many organisation compartment key ids were sealed to the user. */
  keysGranted: number;
  /** Codes of the compartments whose keys the user lost. */
  revoked: string[];
  /** Of those, the ones rotated now; any other needs a member to run `attest compartment rotate`. */
  rotated: string[];
}

async function findUser(db: Queryable, ref: UserRef) {
  const users = usersRepository(db);
  if ('email' in ref) {
    const user = await users.findByEmail(ref.email);
    if (!user) throw new NotFound('user', ref.email);
    return user;
  }
  const user = await users.findById(ref.id);
  if (!user) throw new NotFound('user', ref.id);
  return user;
}

export async function changeUserRole(
  db: Db,
  actor: Actor,
  input: { user: UserRef; role: string },
): Promise<RoleChange> {
  const role = parseRole(input.role);
  const organisation = await resolveCompartment(db, undefined);
  // Authorised before the user is looked up, so only administrators learn whether an account exists.
  const organisationKeys = await keysForAction(db, actor, 'user.changeRole', organisation, {
    recordType: 'user',
    recordId: 'id' in input.user ? input.user.id : null,
  });
  try {
    const target = await findUser(db, input.user);
    if (target.id === actor.userId)
      throw new InvalidInput('user', 'you cannot change your own role; ask another administrator');
    return await db.transaction(async (tx) => {
      const users = usersRepository(tx);
      const compartments = compartmentsRepository(tx);
      // Locked: a concurrent change, recovery or compartment addition waits for this one.
      const user = (await users.findByIdForUpdate(target.id))!;
      const change: RoleChange = {
        id: user.id,
        email: user.email,
        role,
        previousRole: user.role,
        keysGranted: 0,
        revoked: [],
        rotated: [],
      };
      if (user.role === role) return change;
      await users.setRole(user.id, role);
      const before = holdsCompartmentKeys(user.role);
      const after = holdsCompartmentKeys(role);
      if (!before && after) {
        if ((await compartments.currentKeyIdForShare(organisation.id)) !== organisation.currentKeyId)
          throw new Conflict('the organisation key changed meanwhile; try again');
        await sealKeysToMember(tx, organisation.id, organisationKeys, user);
        change.keysGranted = organisationKeys.length;
      }
      if (before && !after) {
        const held = await compartments.compartmentsOf(user.id);
        for (const compartment of held) {
          const others = (await compartments.currentMembers(compartment.id)).filter(
            (m) => m.userId !== user.id,
          );
          // Case keys exist only sealed to members: taking the last member's would lose the case.
          if (others.length === 0)
            throw new Conflict(
              `${user.email} is the only member of ${compartment.code}; add another member before changing the role`,
            );
        }
        await compartments.removeAllMembershipsOf(user.id);
        for (const compartment of held) {
          change.revoked.push(compartment.code);
          if (await rotateIfHeld(tx, actor, compartment, organisation.id, organisationKeys))
            change.rotated.push(compartment.code);
        }
      }
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'user.changeRole',
        recordType: 'user',
        recordId: user.id,
        details: {
          from: user.role,
          to: role,
          keys: change.keysGranted,
          revoked: change.revoked.join(', '),
          rotated: change.rotated.join(', '),
        },
      });
      return change;
    });
  } finally {
    wipeKeys(organisationKeys);
  }
}

/** Rotates a compartment the demoted user held, if the actor holds its current key. */
async function rotateIfHeld(
  tx: Queryable,
  actor: Actor,
  compartment: CompartmentRow,
  organisationId: string,
  organisationKeys: SymmetricKey[],
): Promise<boolean> {
  const isOrganisation = compartment.id === organisationId;
  const keys = isOrganisation ? organisationKeys : await unlockCompartmentKeys(tx, actor, compartment.id);
  try {
    if (!keys.some((key) => key.id === compartment.currentKeyId)) {
      // The organisation key was checked when the change began: a rotation slipped in since.
      if (isOrganisation) throw new Conflict('the organisation key changed meanwhile; try again');
      return false;
    }
    await rotateWithin(tx, actor, compartment, keys);
    return true;
  } finally {
    if (!isOrganisation) wipeKeys(keys);
  }
}
