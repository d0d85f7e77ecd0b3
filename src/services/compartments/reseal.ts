/**
 * Re-sealing every protected value of a compartment under a new key, inside the rotation's
 * transaction. New kinds of protected records must be added here, or rotation would leave them under
 * the old key (still readable by remaining members, but also by a removed one who kept a copy).
 */
import { keyRing, openBytes, type SymmetricKey, sealBytes } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import { caseRecordsRepository, SEALED_CASE_COLUMNS } from '../../store/caseRecords.ts';
import type { CompartmentRow } from '../../store/compartments.ts';
import type { Queryable } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { personsRepository } from '../../store/persons.ts';
import { versionedRecords } from '../../store/versionedRecords.ts';
import {
  openInvolvementReason,
  openPersonChange,
  openPersonFields,
  sealInvolvementReason,
  sealPersonChange,
  sealPersonFields,
} from '../persons/sealing.ts';
import { resealSealedSources } from '../sources/sealedEnvelopes.ts';

const BATCH = 500;

export const ORGANISATION_KEY_CONTEXT = (organisationId: string) => ({
  recordType: 'organisation',
  recordId: organisationId,
  field: 'intake_private_key',
});

export async function resealCompartmentValues(
  tx: Queryable,
  compartment: CompartmentRow,
  oldKeys: SymmetricKey[],
  newKey: SymmetricKey,
): Promise<number> {
  const persons = personsRepository(tx);
  const ring = keyRing(oldKeys);
  let count = 0;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await persons.listByCompartment(compartment.id, { limit: BATCH, offset, merged: true });
    for (const row of rows) {
      const fields = openPersonFields(ring, row);
      const { sealed, nameIndex } = sealPersonFields(newKey, row.id, fields);
      await persons.replaceSealed(row.id, sealed, nameIndex);
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  // Their corrections' history and their involvements' withdrawal reasons, sealed like them (a
  // removed member must not read old names or reasons there).
  const versions = versionedRecords(tx);
  for (const { kind, recordId, version, sealed } of await versions.sealedVersionsOf(compartment.id)) {
    const resealed =
      kind === 'person'
        ? sealPersonChange(newKey, recordId, version, openPersonChange(ring, recordId, version, sealed))
        : sealInvolvementReason(
            newKey,
            recordId,
            version,
            openInvolvementReason(ring, recordId, version, sealed),
          );
    await versions.replaceSealedVersion(kind, recordId, version, resealed);
    count += 1;
  }
  // A case's tasks, consents, notes and attachments: every sealed column the repository names.
  const records = caseRecordsRepository(tx);
  for (const [table, column] of SEALED_CASE_COLUMNS) {
    for (const { id, value } of await records.sealedValues(table, column, compartment.id)) {
      const context = { recordType: table, recordId: id, field: column };
      const plaintext = openBytes(ring, value, context);
      try {
        await records.replaceSealedValue(table, column, id, sealBytes(newKey, plaintext, context));
      } finally {
        wipe(plaintext);
      }
      count += 1;
    }
  }
  count += await resealSealedSources(tx, compartment.id, ring, newKey);
  if (compartment.kind === 'organisation') {
    const organisations = organisationsRepository(tx);
    const organisation = (await organisations.find())!;
    const context = ORGANISATION_KEY_CONTEXT(organisation.id);
    const privateKey = openBytes(ring, organisation.sealedPrivateKey, context);
    try {
      await organisations.updateSealedPrivateKey(organisation.id, sealBytes(newKey, privateKey, context));
    } finally {
      wipe(privateKey);
    }
    count += 1;
  }
  return count;
}
