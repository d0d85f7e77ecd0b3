/**
 * The chain of custody of an incident, from the audit log: who captured each source, who reviewed it
 * into the incident, who changed which record (field names only) and when.
 *
 * A dossier leaves the organisation, and staff who document violations are themselves at risk, so no
 * account appears by its e-mail address at any level. Each account is named by its role and a
 * pseudonym: the first hex digits of an HMAC of the account under a key drawn afresh for each
 * dossier. Within one dossier the same person always has the same pseudonym, so a reader can follow
 * who did what; across dossiers the pseudonyms do not match, and nobody can test a guessed address
 * against them. Every line carries the audit entry's sequence number, so the organisation (and only
 * it, with its audit log) can say exactly who it was, and `attest audit verify` proves the entries.
 *
 * Only the action, the record and, for changes, the names of the changed fields are shown: the
 * audit log never holds a protected value, and the rest of its details are not needed here.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { StoredAuditEntry } from '../../crypto/auditChain.ts';
import { auditRepository } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { usersRepository } from '../../store/users.ts';

export interface CustodyLine {
  seq: number;
  at: Date;
  /** Role and pseudonym, e.g. "investigator 3f9a2c"; "system" for the system itself. */
  who: string;
  what: string;
  /** The record's type and the first characters of its id, e.g. "act 1b2c3d4e". */
  record: string;
}

/** Entries per record read at most: a record changed more often than this shows its latest. */
const PER_RECORD = 500;

const ACTIONS: Record<string, string> = {
  'source.create': 'captured the source (SHA-256 computed, original preserved)',
  'review.apply': 'reviewed the source into the incident',
  'act.choose-figure': 'chose the figure to count',
  'incident.dossier': 'generated an evidence dossier',
};

function describe(entry: StoredAuditEntry): string {
  const known = ACTIONS[entry.action];
  const [kind, change] = entry.action.split('.');
  const fields =
    typeof entry.details.fields === 'string' ? ` (${entry.details.fields.split(',').join(', ')})` : '';
  let what = known ?? entry.action;
  if (!known && change === 'create') what = `created the ${kind}`;
  if (!known && change === 'update') what = `changed the ${kind}${fields}`;
  if (!known && change === 'delete') what = `deleted the ${kind}`;
  return entry.outcome === 'denied' ? `refused: ${what}` : what;
}

/** Every audit entry about the given records, oldest first. */
export async function readCustodyEntries(
  db: Queryable,
  recordIds: readonly string[],
): Promise<StoredAuditEntry[]> {
  const audit = auditRepository(db);
  const bySeq = new Map<number, StoredAuditEntry>();
  for (const recordId of new Set(recordIds)) {
    for (const entry of await audit.search({ recordId, limit: PER_RECORD })) bySeq.set(entry.seq, entry);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The entries as lines of the chain of custody, each account named by `name`. */
export function custodyLines(
  entries: readonly StoredAuditEntry[],
  name: (actor: string) => string,
): CustodyLine[] {
  return entries.map((entry) => ({
    seq: entry.seq,
    at: entry.at,
    who: name(entry.actor),
    what: describe(entry),
    record: `${entry.recordType ?? 'record'} ${(entry.recordId ?? '').slice(0, 8)}`.trim(),
  }));
}

/**
 * Names accounts by role and a per-dossier pseudonym (see the header). An actor that is no account
 * (a command run before accounts existed, by an operating-system user) is an "operator".
 */
export async function pseudonymsFor(
  db: Queryable,
  actors: readonly string[],
): Promise<(actor: string) => string> {
  const key = randomBytes(32);
  const users = usersRepository(db);
  const names = new Map<string, string>();
  for (const actor of new Set(actors)) {
    if (actor === 'system' || actor === 'public' || actor === 'unknown') {
      names.set(actor, actor);
      continue;
    }
    const user = /^[0-9a-f-]{36}$/i.test(actor)
      ? await users.findById(actor)
      : await users.findByEmail(actor);
    // Keyed on the account, so an entry written with its e-mail and one with its id name the same person.
    const pseudonym = createHmac('sha256', key)
      .update(user?.id ?? actor)
      .digest('hex')
      .slice(0, 6);
    names.set(actor, `${user?.role ?? 'operator'} ${pseudonym}`);
  }
  key.fill(0);
  return (actor) => names.get(actor) ?? 'unknown';
}
