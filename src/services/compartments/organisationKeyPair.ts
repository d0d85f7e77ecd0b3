/**
 * The organisation's own key pair (public intake, referrals between organisations), its private half
 * opened through the organisation compartment key for one piece of work and wiped after it, with the
 * compartment keys that opened it, whatever the work does.
 */
import { keyRing, openBytes } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import type { Db } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Action } from '../policies/index.ts';
import { keysForAction, resolveCompartment, wipeKeys } from './compartments.ts';
import { ORGANISATION_KEY_CONTEXT } from './reseal.ts';

export interface OrganisationKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/**
 * Runs `work` with the organisation's key pair, when `actor` may do `action`; `record` is what a
 * refusal is audited against (the organisation itself unless a record is named).
 */
export async function withOrganisationKeyPair<T>(
  db: Db,
  actor: Actor,
  action: Action,
  work: (keyPair: OrganisationKeyPair) => Promise<T>,
  record: { recordType: string; recordId: string | null } = { recordType: 'organisation', recordId: null },
): Promise<T> {
  const compartment = await resolveCompartment(db, undefined);
  const keys = await keysForAction(db, actor, action, compartment, record);
  // The organisation row exists from `attest init` on: no store without one is ever opened.
  const organisation = (await organisationsRepository(db).find())!;
  let privateKey: Uint8Array | null = null;
  try {
    privateKey = openBytes(
      keyRing(keys),
      organisation.sealedPrivateKey,
      ORGANISATION_KEY_CONTEXT(organisation.id),
    );
    return await work({ publicKey: organisation.publicKey, privateKey });
  } finally {
    wipe(privateKey);
    wipeKeys(keys);
  }
}
