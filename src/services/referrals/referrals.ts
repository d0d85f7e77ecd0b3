/**
 * Referrals between organisations. A package carries a case's type and risk and, for each person, only
 * the fields their consent allows; it is boxed from this organisation's key pair to the partner's
 * public key, so nothing in it is readable on the way and the partner sees who sent it. The partner
 * opens it into a new case of its own and answers with a status reply boxed the other way. Each step
 * is audited on its side (field names and fingerprints, never values).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CASE_TYPES,
  REFERRAL_REPLIES,
  type ReferralReply,
  type ReferralStatus,
  RISK_LEVELS,
  SHAREABLE_FIELDS,
  type ShareableField,
} from '../../core/casework.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { newCompartmentKey } from '../../crypto/compartmentKeys.ts';
import {
  BoxOpenFailed,
  boxToOrganisation,
  keyFingerprint,
  openFromOrganisation,
  PUBLIC_KEY_BYTES,
} from '../../crypto/organisationBox.ts';
import { equalBytes, wipe } from '../../crypto/sodium.ts';
import { casesRepository } from '../../store/cases.ts';
import type { Db } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { personsRepository } from '../../store/persons.ts';
import { type ReferralRow, referralsRepository } from '../../store/referrals.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { authorizeAudited, withCase } from '../cases/access.ts';
import { insertCase } from '../cases/cases.ts';
import { consentedFields } from '../cases/records.ts';
import { withOrganisationKeyPair } from '../compartments/organisationKeyPair.ts';
import { insertPerson, type PersonView, showPerson } from '../persons/persons.ts';
import type { PersonInput } from '../persons/sealing.ts';

const REFERRAL_FORMAT = 'attest-referral';
const STATUS_FORMAT = 'attest-referral-status';
/** The largest package accepted (text fields only; attachments are not referred). */
export const MAX_PACKAGE_BYTES = 2 * 1024 * 1024;

const base64Key = z
  .base64('expected a base64 public key')
  .refine((value) => Buffer.from(value, 'base64').byteLength === PUBLIC_KEY_BYTES, 'expected a 32-byte key');

const envelopeSchema = z.strictObject({
  format: z.enum([REFERRAL_FORMAT, STATUS_FORMAT]),
  version: z.literal(1),
  from: base64Key,
  to: base64Key,
  nonce: z.base64(),
  box: z.base64(),
});

const referralPayloadSchema = z.strictObject({
  format: z.literal(REFERRAL_FORMAT),
  referralId: z.uuid(),
  createdAt: z.string(),
  case: z.strictObject({ type: z.enum(CASE_TYPES), risk: z.enum(RISK_LEVELS) }),
  fields: z.array(z.enum(SHAREABLE_FIELDS)),
  persons: z
    .array(
      z.strictObject({
        name: z.string().max(500).optional(),
        aliases: z.array(z.string().max(500)).max(50).optional(),
        contacts: z.array(z.string().max(500)).max(50).optional(),
        birthDate: z.string().max(10).nullable().optional(),
        note: z.string().max(20_000).nullable().optional(),
        sex: z.string().max(100).nullable().optional(),
        genderIdentity: z.string().max(200).nullable().optional(),
        nationality: z.string().max(200).nullable().optional(),
        occupation: z.string().max(500).nullable().optional(),
        safety: z.string().max(20_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});
type ReferralPayload = z.infer<typeof referralPayloadSchema>;

const statusPayloadSchema = z.strictObject({
  format: z.literal(STATUS_FORMAT),
  referralId: z.uuid(),
  status: z.enum(REFERRAL_REPLIES),
  at: z.string(),
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** The organisation's public key and its fingerprint: what a partner needs to send us a referral. */
export async function organisationKey(
  db: Db,
  actor: Actor,
): Promise<{ publicKey: string; fingerprint: string }> {
  await authorizeAudited(db, actor, 'organisation.key', 'organisation');
  const organisation = await organisationsRepository(db).find();
  if (!organisation) throw new NotFound('organisation', '(run attest init first)');
  return { publicKey: b64(organisation.publicKey), fingerprint: keyFingerprint(organisation.publicKey) };
}

/** Reads a partner's key as `attest org key --json` prints it, or as bare base64. */
export function parsePartnerKey(text: string): Uint8Array {
  const trimmed = text.trim();
  let candidate = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      candidate = String((JSON.parse(trimmed) as { publicKey?: unknown }).publicKey ?? '');
    } catch {
      throw new InvalidInput('key file', 'is not JSON from `attest org key --json` nor a base64 key');
    }
  }
  const parsed = base64Key.safeParse(candidate);
  if (!parsed.success)
    throw new InvalidInput('key file', 'expected the JSON `attest org key --json` prints, or a base64 key');
  return bytesOf(parsed.data);
}

function pickFields(
  person: PersonView,
  fields: readonly ShareableField[],
): ReferralPayload['persons'][number] {
  return Object.fromEntries(
    fields.map((field) => [field, person[field]]),
  ) as ReferralPayload['persons'][number];
}

export const createReferralSchema = z.strictObject({
  fields: z.array(z.enum(SHAREABLE_FIELDS)).min(1),
});

/**
 * Seals the case's consented fields to the partner; refuses any field a person of the case has not
 * consented to share (or has withdrawn). Returns the package text to hand to the partner.
 */
export async function createReferral(
  db: Db,
  actor: Actor,
  caseRef: string,
  partnerKey: Uint8Array,
  input: z.input<typeof createReferralSchema>,
): Promise<{ id: string; package: string; partnerFingerprint: string; senderFingerprint: string }> {
  const { fields } = parseWith(createReferralSchema, input, 'body');
  const wanted = [...new Set(fields)];
  return withCase(db, actor, 'case.read', caseRef, async (access) => {
    const consents = await consentedFields(db, access.row.id);
    const persons = personsRepository(db);
    const personIds = await casesRepository(db).personIds(access.row.id);
    const codes = await persons.codesByIds(personIds);
    for (const personId of personIds) {
      const allowed = consents.get(personId) ?? new Set();
      const refused = wanted.filter((field) => !allowed.has(field));
      if (refused.length > 0)
        throw new InvalidInput(
          'fields',
          `${codes.get(personId)} has not consented to share ${refused.join(', ')} (record a consent on case ${access.row.code} first)`,
        );
    }
    const shared: ReferralPayload['persons'] = [];
    for (const personId of personIds)
      shared.push(pickFields(await showPerson(db, actor, codes.get(personId)!, wanted), wanted));
    const id = randomUUID();
    const payload: ReferralPayload = {
      format: REFERRAL_FORMAT,
      referralId: id,
      createdAt: new Date().toISOString(),
      case: { type: access.row.type, risk: access.row.risk },
      fields: wanted,
      persons: shared,
    };
    return withOrganisationKeyPair(db, actor, 'referral.create', async (own) => {
      const plaintext = new TextEncoder().encode(JSON.stringify(payload));
      let sealed: { nonce: Uint8Array; box: Uint8Array };
      try {
        sealed = boxToOrganisation(plaintext, partnerKey, own.privateKey);
      } finally {
        wipe(plaintext);
      }
      const partnerFingerprint = keyFingerprint(partnerKey);
      await db.transaction(async (tx) => {
        await referralsRepository(tx).insert({
          id,
          direction: 'outgoing',
          caseId: access.row.id,
          partnerPublicKey: partnerKey,
          fields: wanted,
          createdBy: actor.userId,
        });
        await appendAudit(tx, {
          actor: actor.userId,
          action: 'referral.create',
          recordType: 'case',
          recordId: access.row.code,
          details: {
            referral: id,
            partner: partnerFingerprint,
            fields: wanted.join(','),
            persons: personIds.length,
          },
        });
      });
      const envelope = {
        format: REFERRAL_FORMAT,
        version: 1,
        from: b64(own.publicKey),
        to: b64(partnerKey),
        nonce: b64(sealed.nonce),
        box: b64(sealed.box),
      };
      return {
        id,
        package: `${JSON.stringify(envelope)}\n`,
        partnerFingerprint,
        senderFingerprint: keyFingerprint(own.publicKey),
      };
    });
  });
}

function parseEnvelope(text: string, format: string) {
  if (Buffer.byteLength(text) > MAX_PACKAGE_BYTES)
    throw new InvalidInput('package', `is larger than ${MAX_PACKAGE_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidInput('package', 'is not a referral package (not JSON)');
  }
  const envelope = parseWith(envelopeSchema, json, 'package');
  if (envelope.format !== format)
    throw new InvalidInput('package', `is a ${envelope.format} file, expected ${format}`);
  return envelope;
}

function openEnvelope(
  envelope: z.infer<typeof envelopeSchema>,
  own: { publicKey: Uint8Array; privateKey: Uint8Array },
): { sender: Uint8Array; plaintext: Uint8Array } {
  if (!equalBytes(bytesOf(envelope.to), own.publicKey))
    throw new InvalidInput('package', 'is sealed to another organisation’s key');
  const sender = bytesOf(envelope.from);
  try {
    return {
      sender,
      plaintext: openFromOrganisation(bytesOf(envelope.box), bytesOf(envelope.nonce), sender, own.privateKey),
    };
  } catch (error) {
    if (error instanceof BoxOpenFailed) throw new InvalidInput('package', error.message);
    throw error;
  }
}

export interface ImportedReferral {
  referralId: string;
  caseId: string;
  caseCode: string;
  persons: string[];
  fields: string[];
  senderFingerprint: string;
}

/** Opens a partner's package into a new case here, with new person records holding only what it carries. */
export async function importReferral(db: Db, actor: Actor, text: string): Promise<ImportedReferral> {
  const envelope = parseEnvelope(text, REFERRAL_FORMAT);
  return withOrganisationKeyPair(db, actor, 'referral.import', async (own) => {
    const { sender, plaintext } = openEnvelope(envelope, own);
    let payload: ReferralPayload;
    try {
      payload = parseWith(referralPayloadSchema, JSON.parse(new TextDecoder().decode(plaintext)), 'package');
    } finally {
      wipe(plaintext);
    }
    if (await referralsRepository(db).findById(payload.referralId))
      throw new Conflict(`referral ${payload.referralId} has already been imported`);
    const senderFingerprint = keyFingerprint(sender);
    const key = newCompartmentKey(randomUUID());
    try {
      return await db.transaction(async (tx) => {
        const personCodes: string[] = [];
        const opened = await insertCase(
          tx,
          actor,
          key,
          { persons: [], type: payload.case.type, risk: payload.case.risk },
          async (_codes, compartment) => {
            const ids: string[] = [];
            for (const person of payload.persons) {
              const id = randomUUID();
              const fields: PersonInput = {
                name: person.name ?? '',
                aliases: person.aliases ?? [],
                contacts: person.contacts ?? [],
                birthDate: person.birthDate ?? null,
                note: person.note ?? null,
                sex: person.sex ?? null,
                genderIdentity: person.genderIdentity ?? null,
                nationality: person.nationality ?? null,
                occupation: person.occupation ?? null,
                safety: person.safety ?? null,
              };
              personCodes.push(await insertPerson(tx, actor, compartment, key, id, fields));
              ids.push(id);
            }
            return ids;
          },
        );
        await referralsRepository(tx).insert({
          id: payload.referralId,
          direction: 'incoming',
          caseId: opened.id,
          partnerPublicKey: sender,
          fields: payload.fields,
          createdBy: actor.userId,
        });
        await appendAudit(tx, {
          actor: actor.userId,
          action: 'referral.import',
          recordType: 'case',
          recordId: opened.code,
          details: {
            referral: payload.referralId,
            partner: senderFingerprint,
            fields: payload.fields.join(','),
          },
        });
        return {
          referralId: payload.referralId,
          caseId: opened.id,
          caseCode: opened.code,
          persons: personCodes,
          fields: payload.fields,
          senderFingerprint,
        };
      });
    } finally {
      wipe(key.bytes);
    }
  });
}

/** The partner's answer to a referral it received: recorded here, boxed back to the sender. */
export async function replyToReferral(
  db: Db,
  actor: Actor,
  referralId: string,
  status: ReferralReply,
): Promise<{ package: string; status: ReferralStatus }> {
  const reply = parseWith(z.enum(REFERRAL_REPLIES), status, 'status');
  const referral = await referralsRepository(db).findById(parseWith(z.uuid(), referralId, 'referral'));
  if (referral?.direction !== 'incoming') throw new NotFound('received referral', referralId);
  return withCase(db, actor, 'case.update', referral.caseId, async () =>
    withOrganisationKeyPair(db, actor, 'referral.import', async (own) => {
      const payload = {
        format: STATUS_FORMAT,
        referralId: referral.id,
        status: reply,
        at: new Date().toISOString(),
      };
      const sealed = boxToOrganisation(
        new TextEncoder().encode(JSON.stringify(payload)),
        referral.partnerPublicKey,
        own.privateKey,
      );
      await setStatus(db, actor, referral, reply, 'referral.reply');
      const envelope = {
        format: STATUS_FORMAT,
        version: 1,
        from: b64(own.publicKey),
        to: b64(referral.partnerPublicKey),
        nonce: b64(sealed.nonce),
        box: b64(sealed.box),
      };
      return { package: `${JSON.stringify(envelope)}\n`, status: reply };
    }),
  );
}

/** Imports the partner's status reply to a referral we sent; it must come from the partner's key. */
export async function importReferralStatus(
  db: Db,
  actor: Actor,
  text: string,
): Promise<{ referralId: string; caseCode: string; status: ReferralStatus; partnerFingerprint: string }> {
  const envelope = parseEnvelope(text, STATUS_FORMAT);
  return withOrganisationKeyPair(db, actor, 'referral.import', async (own) => {
    const { sender, plaintext } = openEnvelope(envelope, own);
    const payload = parseWith(
      statusPayloadSchema,
      JSON.parse(new TextDecoder().decode(plaintext)),
      'package',
    );
    const referral = await referralsRepository(db).findById(payload.referralId);
    if (referral?.direction !== 'outgoing') throw new NotFound('sent referral', payload.referralId);
    if (!equalBytes(referral.partnerPublicKey, sender))
      throw new InvalidInput(
        'package',
        'comes from another organisation than the one the referral was sent to',
      );
    await setStatus(db, actor, referral, payload.status, 'referral.status');
    return {
      referralId: referral.id,
      caseCode: referral.caseCode,
      status: payload.status,
      partnerFingerprint: keyFingerprint(sender),
    };
  });
}

async function setStatus(
  db: Db,
  actor: Actor,
  referral: ReferralRow,
  status: ReferralStatus,
  action: string,
) {
  await db.transaction(async (tx) => {
    const referrals = referralsRepository(tx);
    const locked = (await referrals.findByIdForUpdate(referral.id))!;
    await referrals.setStatus(referral.id, status);
    await appendAudit(tx, {
      actor: actor.userId,
      action,
      recordType: 'referral',
      recordId: referral.id,
      details: { case: referral.caseCode, from: locked.status, to: status },
    });
  });
}

export interface ReferralView {
  id: string;
  direction: 'outgoing' | 'incoming';
  case: string;
  caseId: string;
  partnerFingerprint: string;
  fields: string[];
  status: ReferralStatus;
  statusChangedAt: string;
  createdAt: string;
}

export async function listReferrals(db: Db, actor: Actor, caseId?: string): Promise<ReferralView[]> {
  await authorizeAudited(db, actor, 'referral.list', 'referral');
  const rows = await referralsRepository(db).listForMember(actor.userId, caseId);
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    case: row.caseCode,
    caseId: row.caseId,
    partnerFingerprint: keyFingerprint(row.partnerPublicKey),
    fields: row.fields,
    status: row.status,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}
