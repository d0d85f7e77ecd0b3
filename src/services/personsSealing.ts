/**
 * How a person's protected fields map to envelopes: one envelope per field, each bound to
 * ('person', id, field). Lists (aliases, contacts) are sealed as one JSON array per field, so the
 * number of aliases is hidden too (apart from total length).
 */
import { blindIndex } from '../crypto/blindIndex.ts';
import { deriveBlindIndexKey } from '../crypto/compartmentKeys.ts';
import { keyRing, openText, type SymmetricKey, sealText } from '../crypto/seal.ts';
import { wipe } from '../crypto/sodium.ts';
import type { PersonRow, ProtectedPersonField } from '../store/personsRepository.ts';

export interface PersonFields {
  name: string;
  aliases: string[];
  contacts: string[];
  birthDate: string | null;
  note: string | null;
}

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
  fields: PersonFields,
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
  return {
    name: text('name') ?? '',
    aliases: list('aliases'),
    contacts: list('contacts'),
    birthDate: text('birth_date'),
    note: text('note'),
  };
}
