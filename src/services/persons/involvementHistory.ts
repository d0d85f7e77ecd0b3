/**
 * An involvement's history as a reader sees it. The corrections themselves (role before → after,
 * withdrawn) are shown to whoever may correct involvements; the sealed reason for withdrawing a
 * person's link is opened only for someone who may reveal that person (role and compartment key),
 * and opening it is audited as a read of the person. Everyone else sees the entry without its reason.
 */
import { NotFound } from '../../core/errors.ts';
import { keyRing } from '../../crypto/seal.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { involvementsRepository } from '../../store/involvements.ts';
import { personsRepository } from '../../store/persons.ts';
import { type RecordVersionWithEditor, versionedRecords } from '../../store/versionedRecords.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { authorizeAudited } from '../cases/access.ts';
import { unlockCompartmentKeys, wipeKeys } from '../compartments/compartments.ts';
import { can } from '../policies/index.ts';
import { openInvolvementReason } from './sealing.ts';

export async function involvementHistory(
  db: Db,
  actor: Actor,
  id: string,
): Promise<RecordVersionWithEditor[]> {
  await authorizeAudited(db, actor, 'involvement.update', 'involvement');
  const row = await involvementsRepository(db).findById(id);
  if (!row) throw new NotFound('involvement', id);
  const versions = await versionedRecords(db).history('involvement', id);
  const withoutEnvelopes = versions.map((entry) => ({ ...entry, sealed: null }));
  if (!row.personCode || !versions.some((entry) => entry.sealed)) return withoutEnvelopes;
  if (!can(actor.role, 'person.read')) return withoutEnvelopes;
  const person = (await personsRepository(db).findByCode(row.personCode))!;
  const compartment = (await compartmentsRepository(db).findById(person.compartmentId))!;
  const keys = await unlockCompartmentKeys(db, actor, compartment.id);
  try {
    if (!keys.some((key) => key.id === compartment.currentKeyId)) return withoutEnvelopes;
    const ring = keyRing(keys);
    const opened = versions.map((entry) => ({
      ...entry,
      reason: entry.sealed ? openInvolvementReason(ring, id, entry.version, entry.sealed) : entry.reason,
      sealed: null,
    }));
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      recordType: 'person',
      recordId: row.personCode,
      details: { compartment: compartment.code, involvement: id },
    });
    return opened;
  } finally {
    wipeKeys(keys);
  }
}
