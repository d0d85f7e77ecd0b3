/**
 * How every case operation reaches a case: by id or code, with the actor's keys to its compartment
 * (role and membership checked, refusals audited), the keys wiped afterwards whatever happens.
 */
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../core/errors.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { type CaseRow, casesRepository } from '../../store/cases.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { keysForAction, wipeKeys } from '../compartments/compartments.ts';
import { type Action, authorize } from '../policies/index.ts';

const CASE_CODE = /^K-\d{4,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCase(db: Queryable, ref: string): Promise<CaseRow> {
  const cases = casesRepository(db);
  let row: CaseRow | null;
  if (CASE_CODE.test(ref)) row = await cases.findByCode(ref);
  else if (UUID.test(ref)) row = await cases.findById(ref.toLowerCase());
  else throw new InvalidInput('case', 'expected a case id (UUID) or a code like K-0001');
  if (!row) throw new NotFound('case', ref);
  return row;
}

export interface CaseWithKeys {
  row: CaseRow;
  keys: SymmetricKey[];
  /** The key new values are sealed under. */
  current: SymmetricKey;
}

export async function withCase<T>(
  db: Db,
  actor: Actor,
  action: Action,
  ref: string,
  work: (access: CaseWithKeys) => Promise<T>,
): Promise<T> {
  const row = await findCase(db, ref);
  const compartment = (await compartmentsRepository(db).findById(row.compartmentId))!;
  const keys = await keysForAction(db, actor, action, compartment, {
    recordType: 'case',
    recordId: row.code,
  });
  try {
    const current = keys.find((key) => key.id === compartment.currentKeyId)!;
    return await work({ row, keys, current });
  } finally {
    wipeKeys(keys);
  }
}

/**
 * Inside a writing transaction: the key a value was sealed under (outside the lock) is still the
 * compartment's current one, and stays so until commit (share lock), so a rotation re-seals it too.
 */
export async function holdCurrentKey(tx: Queryable, access: CaseWithKeys): Promise<void> {
  const now = await compartmentsRepository(tx).currentKeyIdForShare(access.row.compartmentId);
  if (now !== access.current.id)
    throw new Conflict(
      `the key of compartment ${access.row.compartmentCode} was rotated meanwhile; try again`,
    );
}

/** Role check for actions on no existing compartment; a refusal is audited before it is thrown. */
export async function authorizeAudited(db: Db, actor: Actor, action: Action, recordType: string) {
  try {
    authorize(actor.role, action);
  } catch (error) {
    if (error instanceof Forbidden)
      await recordAudit(db, {
        actor: actor.userId,
        action,
        outcome: 'denied',
        recordType,
        recordId: null,
        details: { reason: 'role' },
      });
    throw error;
  }
}
