/** Small factories for protection tests: an organisation with users, at cheap Argon2 parameters. */

import type { Role } from '../../src/core/roles.ts';
import { addUser, initOrganisation } from '../../src/services/accounts/accounts.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import type { Db } from '../../src/store/db.ts';

import { FAST_KDF, TEST_PASSWORD } from '../support/factories.ts';

export { FAST_KDF };
export const PASSWORD = TEST_PASSWORD;

export async function anOrganisation(db: Db) {
  const init = await initOrganisation(
    db,
    { name: 'Memorial Test', adminEmail: 'admin@example.org', password: PASSWORD },
    FAST_KDF,
  );
  const admin = await authenticate(db, { email: 'admin@example.org', password: PASSWORD });
  return { init, admin };
}

export async function aUser(db: Db, admin: Actor, email: string, role: Role): Promise<Actor> {
  await addUser(db, admin, { email, role, password: PASSWORD }, FAST_KDF);
  return authenticate(db, { email, password: PASSWORD });
}

export async function auditRows(db: Db, action?: string) {
  return db.query<{
    seq: number;
    actor: string;
    action: string;
    outcome: string;
    record_id: string | null;
    details: Record<string, unknown>;
  }>(
    `select seq, actor, action, outcome, record_id, details from audit_log ${action ? 'where action = $1' : ''} order by seq`,
    action ? [action] : [],
  );
}
