/**
 * Protected person records. Every protected field is sealed under the record's compartment key
 * before it reaches storage; every read of a protected value, every change and every refusal is
 * written to the audit log (field names only, never values).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { keyRing, SealOpenFailed, type SymmetricKey } from '../../crypto/seal.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { personsRepository } from '../../store/persons.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { keysForAction, resolveCompartment, wipeKeys } from '../compartments/compartments.ts';
import { authorize } from '../policies/index.ts';
import {
  openPersonFields,
  PERSON_DETAIL_FIELDS,
  type PersonFields,
  type PersonInput,
  personNameIndex,
  sealPersonFields,
} from './sealing.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Every field a person record holds, without defaults: a correction sends only what it changes. */
export const personFieldSchemas = {
  name: text(500),
  aliases: z.array(text(500)).max(50),
  contacts: z.array(text(500)).max(50),
  birthDate: z.iso.date().nullable(),
  note: z.string().max(20_000).nullable(),
  sex: text(100).nullable(),
  genderIdentity: text(200).nullable(),
  nationality: text(200).nullable(),
  occupation: text(500).nullable(),
  safety: z.string().max(20_000).nullable(),
};

const f = personFieldSchemas;
export const newPersonSchema = z.object({
  name: f.name,
  aliases: f.aliases.default([]),
  contacts: f.contacts.default([]),
  birthDate: f.birthDate.default(null),
  note: f.note.default(null),
  sex: f.sex.default(null),
  genderIdentity: f.genderIdentity.default(null),
  nationality: f.nationality.default(null),
  occupation: f.occupation.default(null),
  safety: f.safety.default(null),
  compartment: z.string().optional(),
});
export type NewPerson = z.input<typeof newPersonSchema>;

export interface PersonView extends PersonFields {
  code: string;
  compartment: string;
  /** What a correction must name (services/persons/personEdits.ts). */
  version: number;
}

export const PERSON_CODE = /^V-\d{4,}$/;

/** Every protected field a reader can ask for, as the API and the CLI name them. */
export const PERSON_FIELDS = [
  'name',
  'aliases',
  'contacts',
  'birthDate',
  'note',
  ...PERSON_DETAIL_FIELDS,
] as const satisfies readonly (keyof PersonFields)[];
export type PersonField = (typeof PERSON_FIELDS)[number];

function parseNewPerson(input: NewPerson) {
  // The message names the field and the rule, never the value (it may be a victim's name).
  return parseWith(newPersonSchema, input, '', 'person');
}

export async function addPerson(
  db: Db,
  actor: Actor,
  input: NewPerson,
): Promise<{ id: string; code: string; compartment: string }> {
  const person = parseNewPerson(input);
  const compartment = await resolveCompartment(db, person.compartment);
  const keys = await keysForAction(db, actor, 'person.create', compartment, {
    recordType: 'person',
    recordId: null,
  });
  try {
    const current = keys.find((key) => key.id === compartment.currentKeyId)!;
    const id = randomUUID();
    return await db.transaction(async (tx) => {
      await requireKeyUnchanged(tx, compartment);
      const code = await insertPerson(tx, actor, compartment, current, id, {
        ...person,
        note: person.note || null,
        safety: person.safety || null,
      });
      return { id, code, compartment: compartment.code };
    });
  } finally {
    wipeKeys(keys);
  }
}

/**
 * Sealing happened outside any lock. A rotation that committed since would already have re-sealed
 * every record, so this one, still under the retired key, would stay readable by a member just
 * removed. The share lock also holds off a rotation until the caller's write commits, so the
 * rotation then re-seals it too.
 */
export async function requireKeyUnchanged(
  tx: Queryable,
  compartment: { id: string; code: string; currentKeyId: string },
): Promise<void> {
  const keyNow = await compartmentsRepository(tx).currentKeyIdForShare(compartment.id);
  if (keyNow !== compartment.currentKeyId) {
    throw new Conflict(
      `the key of compartment ${compartment.code} was rotated while the record was being sealed; try again`,
    );
  }
}

/**
 * Seals and inserts one record inside the caller's transaction, audited with the names of the fields
 * it holds (never their values). Opening a case from a referral uses it too.
 */
export async function insertPerson(
  tx: Queryable,
  actor: Actor,
  compartment: { id: string; code: string },
  key: SymmetricKey,
  id: string,
  fields: PersonInput,
): Promise<string> {
  const { sealed, nameIndex } = sealPersonFields(key, id, fields);
  const persons = personsRepository(tx);
  const code = await persons.nextCode();
  await persons.insert({
    id,
    code,
    compartmentId: compartment.id,
    sealed,
    nameIndex,
    createdBy: actor.userId,
  });
  const present = Object.entries(sealed)
    .filter(([, value]) => value !== null)
    .map(([field]) => field);
  await appendAudit(tx, {
    actor: actor.userId,
    action: 'person.create',
    recordType: 'person',
    recordId: code,
    details: { compartment: compartment.code, fields: present.join(',') },
  });
  return code;
}

/** The decrypted record, for a member with a role allowed to read it; the read is audited. */
export async function showPerson(
  db: Db,
  actor: Actor,
  code: string,
  only: readonly PersonField[] = PERSON_FIELDS,
): Promise<PersonView> {
  if (!PERSON_CODE.test(code)) throw new InvalidInput('code', 'expected a person code like V-0001');
  const row = await personsRepository(db).findByCode(code);
  if (!row) {
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      outcome: 'denied',
      recordType: 'person',
      recordId: code,
      details: { reason: 'not found' },
    });
    throw new NotFound('person', code);
  }
  const compartment = (await compartmentsRepository(db).findById(row.compartmentId))!;
  const keys = await keysForAction(db, actor, 'person.read', compartment, {
    recordType: 'person',
    recordId: code,
  });
  try {
    let fields: PersonFields;
    try {
      fields = openPersonFields(keys, row);
    } catch (error) {
      if (!(error instanceof SealOpenFailed)) throw error;
      await recordAudit(db, {
        actor: actor.userId,
        action: 'person.read',
        outcome: 'denied',
        recordType: 'person',
        recordId: code,
        details: { reason: 'cannot open' },
      });
      throw new InvalidInput(
        'person',
        `${code} cannot be decrypted with your keys (altered, or sealed under a key you do not hold)`,
      );
    }
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      recordType: 'person',
      recordId: code,
      details: { compartment: compartment.code, fields: only.join(',') },
    });
    return { code, compartment: compartment.code, version: row.version, ...fields };
  } finally {
    wipeKeys(keys);
  }
}

/** Exact-match lookup by name through the blind index; returns codes only, audited as a search. */
export async function findPersonsByName(
  db: Db,
  actor: Actor,
  name: string,
  compartmentCode?: string,
): Promise<string[]> {
  const compartment = await resolveCompartment(db, compartmentCode);
  const keys = await keysForAction(db, actor, 'person.findByName', compartment, {
    recordType: 'person',
    recordId: null,
  });
  try {
    const current = keys.find((key) => key.id === compartment.currentKeyId)!;
    const rows = await personsRepository(db).findByNameIndex(compartment.id, personNameIndex(current, name));
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.findByName',
      recordType: 'compartment',
      recordId: compartment.code,
      details: { matches: rows.length },
    });
    return rows.map((row) => row.code);
  } finally {
    wipeKeys(keys);
  }
}

/**
 * Reads a page of a compartment's records: with `decrypt` the protected fields are opened (one audit
 * entry for the batch, listing the codes read); without it only codes are returned.
 */
export async function readPersons(
  db: Db,
  actor: Actor,
  /** `merged`: records merged into another too (a public export redacts their names as well). */
  options: { compartment?: string; decrypt: boolean; limit?: number; offset?: number; merged?: boolean },
): Promise<Array<{ code: string } & Partial<PersonFields>>> {
  const compartment = await resolveCompartment(db, options.compartment);
  if (!options.decrypt) {
    authorize(actor.role, 'person.list');
    const rows = await personsRepository(db).listByCompartment(compartment.id, options);
    return rows.map((row) => ({ code: row.code }));
  }
  const keys = await keysForAction(db, actor, 'person.read', compartment, {
    recordType: 'person',
    recordId: null,
  });
  try {
    const rows = await personsRepository(db).listByCompartment(compartment.id, options);
    const ring = keyRing(keys);
    const out = rows.map((row) => ({ code: row.code, ...openPersonFields(ring, row) }));
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      recordType: 'compartment',
      recordId: compartment.code,
      details: { count: out.length, first: out[0]?.code ?? null, last: out.at(-1)?.code ?? null },
    });
    return out;
  } finally {
    wipeKeys(keys);
  }
}
