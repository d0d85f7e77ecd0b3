/**
 * Public intake. A submission arrives already sealed to the organisation's public key (the web form
 * seals it in the browser); the server checks only its size and stores it with the minute it came
 * in — no IP address, no user agent. Opening one needs the organisation compartment key, because the
 * organisation's private key is sealed under it; every opening is audited.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import { encodeBase32, RFC4648_ALPHABET } from '../../crypto/base32.ts';
import { openIntakeSubmission, sealForOrganisation } from '../../crypto/publicIntake.ts';
import { UnwrapFailed } from '../../crypto/userKeys.ts';
import type { Db } from '../../store/db.ts';
import { intakeRepository } from '../../store/intake.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { withOrganisationKeyPair } from '../compartments/organisationKeyPair.ts';

/** crypto_box_seal adds 48 bytes (ephemeral public key + tag). */
const SEAL_OVERHEAD = 48;
export const MAX_SUBMISSION_BYTES = 25 * 1024 * 1024;

export type { SubmissionRow } from '../../store/intake.ts';

/** How many submissions are new (the navigation's count). */
export async function countNewSubmissions(db: Db): Promise<number> {
  return intakeRepository(db).countNew();
}

/** Every submission, oldest first: ids, arrival minute and status (nothing sealed is opened). */
export const listSubmissions = (db: Db) => intakeRepository(db).list();

/** One submission's row (its status and what a conversion made); NotFound if there is none. */
export async function findSubmission(db: Db, id: string) {
  const submission = await intakeRepository(db).findById(id);
  if (!submission) throw new NotFound('submission', id);
  return submission;
}

/** What the intake form needs to seal a submission: the organisation's public key. */
export async function organisationIntakeKey(db: Db): Promise<Uint8Array> {
  const organisation = await organisationsRepository(db).find();
  if (!organisation) throw new NotFound('organisation', '(run attest init first)');
  return organisation.publicKey;
}

/**
 * The reporter's reference: 128 random bits in base32 (26 characters, grouped for reading aloud), so
 * guessing one is hopeless even without the rate limit. Only its SHA-256 is stored.
 */
export function newReferenceCode(): string {
  const text = encodeBase32(randomBytes(16), RFC4648_ALPHABET).replace(/=+$/, '');
  return text.match(/.{1,4}/g)!.join('-');
}

export function referenceHash(code: string): Uint8Array {
  const normalised = code.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return new Uint8Array(createHash('sha256').update(normalised).digest());
}

export async function storeSealedSubmission(
  db: Db,
  sealed: Uint8Array,
): Promise<{ id: string; reference: string }> {
  if (sealed.byteLength <= SEAL_OVERHEAD) throw new InvalidInput('submission', 'is not a sealed box');
  if (sealed.byteLength > MAX_SUBMISSION_BYTES)
    throw new InvalidInput('submission', `is larger than ${MAX_SUBMISSION_BYTES} bytes`);
  const id = randomUUID();
  const reference = newReferenceCode();
  // The audit entry gets the same minute as received_at: its own millisecond time would undo that
  // truncation (a network observer who saw a visit at 14:03:27.412 could match it to this entry).
  // The chain is ordered by seq, not by time, so an entry dated to the start of its minute after
  // entries later in that minute still verifies.
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await db.transaction(async (tx) => {
    await intakeRepository(tx).insert(id, sealed, referenceHash(reference));
    await appendAudit(
      tx,
      {
        actor: 'public',
        action: 'intake.receive',
        recordType: 'intake',
        recordId: id,
        details: { bytes: sealed.byteLength },
      },
      minute,
    );
  });
  return { id, reference };
}

/** For callers that hold plaintext on the server side (CLI import, tests): seals, then stores. */
export async function sealAndStoreSubmission(
  db: Db,
  plaintext: Uint8Array,
): Promise<{ id: string; reference: string }> {
  return storeSealedSubmission(db, sealForOrganisation(plaintext, await organisationIntakeKey(db)));
}

export async function openSubmission(db: Db, actor: Actor, id: string): Promise<Uint8Array> {
  const submission = await intakeRepository(db).findById(id);
  if (!submission) throw new NotFound('submission', id);
  return withOrganisationKeyPair(
    db,
    actor,
    'intake.open',
    async (keyPair) => {
      let plaintext: Uint8Array;
      try {
        plaintext = openIntakeSubmission(submission.sealed, keyPair);
      } catch (error) {
        if (!(error instanceof UnwrapFailed)) throw error;
        // Anyone can post bytes that merely look sealed (sealed boxes are anonymous): that is a fact
        // about the stored submission, not a server fault, so it is a 409 and the attempt is audited.
        await recordAudit(db, {
          actor: actor.userId,
          action: 'intake.open',
          outcome: 'denied',
          recordType: 'intake',
          recordId: id,
          details: { reason: 'cannot open' },
        });
        throw new Conflict(
          `submission ${id} cannot be opened with the organisation's key (not sealed to it, or altered)`,
        );
      }
      await recordAudit(db, {
        actor: actor.userId,
        action: 'intake.open',
        recordType: 'intake',
        recordId: id,
      });
      return plaintext;
    },
    { recordType: 'intake', recordId: id },
  );
}
