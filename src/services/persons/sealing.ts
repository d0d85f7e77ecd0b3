/**
 * How a person's protected fields map to envelopes: one envelope per field, each bound to
 * ('person', id, field). Lists (aliases, contacts) are sealed as one JSON array per field, so the
 * number of aliases is hidden too (apart from total length).
 */
import { blindIndex } from '../../crypto/blindIndex.ts';
import { deriveBlindIndexKey } from '../../crypto/compartmentKeys.ts';
import { keyRing, openText, type SymmetricKey, sealText } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import type { PersonRow, ProtectedPersonField } from '../../store/persons.ts';

/** ESF biographic details, sealed together as one JSON object in the `details` envelope. */
export interface PersonDetails {
  sex: string | null;
  genderIdentity: string | null;
  nationality: string | null;
  occupation: string | null;
  /** Anything the person's safety depends on (where not to call, who must not know). */
  safety: string | null;
}

export const PERSON_DETAIL_FIELDS = ['sex', 'genderIdentity', 'nationality', 'occupation', 'safety'] as const;

export interface PersonFields extends PersonDetails {
  name: string;
  aliases: string[];
  contacts: string[];
  birthDate: string | null;
  note: string | null;
}

/** The details of a partly filled record, each missing one as null. */
export function detailsOf(fields: Partial<PersonDetails>): PersonDetails {
  return {
    sex: fields.sex ?? null,
    genderIdentity: fields.genderIdentity ?? null,
    nationality: fields.nationality ?? null,
    occupation: fields.occupation ?? null,
    safety: fields.safety ?? null,
  };
}

/** What sealing takes: the details may be left out (records made before they existed have none). */
export type PersonInput = Omit<PersonFields, keyof PersonDetails> & Partial<PersonDetails>;

const noDetails = (fields: PersonInput) =>
  PERSON_DETAIL_FIELDS.every((field) => (fields[field] ?? null) === null);

const context = (id: string, field: ProtectedPersonField) => ({ recordType: 'person', recordId: id, field });

export function personNameIndex(key: SymmetricKey, name: string): Uint8Array {
  const indexKey = deriveBlindIndexKey(key);
  try {
    return blindIndex(indexKey, 'person.name', name);
  } finally {
    wipe(indexKey);
  }
}

export function sealPersonFields(
  key: SymmetricKey,
  id: string,
  fields: PersonInput,
): { sealed: PersonRow['sealed']; nameIndex: Uint8Array } {
  const list = (values: string[], field: ProtectedPersonField) =>
    values.length > 0 ? sealText(key, JSON.stringify(values), context(id, field)) : null;
  return {
    sealed: {
      name: sealText(key, fields.name, context(id, 'name')),
      aliases: list(fields.aliases, 'aliases'),
      contacts: list(fields.contacts, 'contacts'),
      birth_date:
        fields.birthDate === null ? null : sealText(key, fields.birthDate, context(id, 'birth_date')),
      note: fields.note === null ? null : sealText(key, fields.note, context(id, 'note')),
      details: noDetails(fields)
        ? null
        : sealText(
            key,
            JSON.stringify(
              Object.fromEntries(PERSON_DETAIL_FIELDS.map((field) => [field, fields[field] ?? null])),
            ),
            context(id, 'details'),
          ),
    },
    nameIndex: personNameIndex(key, fields.name),
  };
}

export type KeyLookup = (keyId: string) => SymmetricKey | undefined;

/**
 * Throws SealOpenFailed if any field does not open under the given keys. Bulk readers pass a key
 * ring built once rather than a key list.
 */
export function openPersonFields(
  keys: SymmetricKey[] | KeyLookup,
  row: Pick<PersonRow, 'id' | 'sealed'>,
): PersonFields {
  const ring = typeof keys === 'function' ? keys : keyRing(keys);
  const text = (field: ProtectedPersonField) => {
    const envelope = row.sealed[field];
    return envelope ? openText(ring, envelope, context(row.id, field)) : null;
  };
  const list = (field: ProtectedPersonField) => {
    const json = text(field);
    return json === null ? [] : (JSON.parse(json) as string[]);
  };
  const detailsJson = text('details');
  const details = detailsJson === null ? {} : (JSON.parse(detailsJson) as Partial<PersonDetails>);
  return {
    ...detailsOf(details),
    name: text('name') ?? '',
    aliases: list('aliases'),
    contacts: list('contacts'),
    birthDate: text('birth_date'),
    note: text('note'),
  };
}

/** One correction of a person as its history keeps it: the changed fields before → after, and why. */
export interface PersonChange {
  before: Partial<PersonFields>;
  after: Partial<PersonFields>;
  reason: string | null;
  /** A merge of two records of one person: which code was merged into which. */
  merge?: { from: string; into: string };
}

/** Bound to the person and the version, so a history envelope cannot be moved to another entry. */
export const personChangeContext = (personId: string, version: number) => ({
  recordType: 'person_version',
  recordId: `${personId}:${version}`,
  field: 'change',
});

export function sealPersonChange(
  key: SymmetricKey,
  personId: string,
  version: number,
  change: PersonChange,
): Uint8Array {
  return sealText(key, JSON.stringify(change), personChangeContext(personId, version));
}

export function openPersonChange(
  keys: KeyLookup,
  personId: string,
  version: number,
  envelope: Uint8Array,
): PersonChange {
  return JSON.parse(openText(keys, envelope, personChangeContext(personId, version))) as PersonChange;
}

/**
 * Why an involvement of a person was withdrawn ("he was detained in Shali, not Argun") says something
 * about the person, so it is sealed under the person's compartment key like the person's own history.
 * Bound to the involvement and the version, as a person's change is.
 */
export const involvementReasonContext = (involvementId: string, version: number) => ({
  recordType: 'involvement_version',
  recordId: `${involvementId}:${version}`,
  field: 'reason',
});

export function sealInvolvementReason(
  key: SymmetricKey,
  involvementId: string,
  version: number,
  reason: string,
): Uint8Array {
  return sealText(key, reason, involvementReasonContext(involvementId, version));
}

export function openInvolvementReason(
  keys: KeyLookup,
  involvementId: string,
  version: number,
  envelope: Uint8Array,
): string {
  return openText(keys, envelope, involvementReasonContext(involvementId, version));
}
