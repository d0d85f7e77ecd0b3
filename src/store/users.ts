/** Accounts: credentials, wrapped keys, lockout state. No protected value about victims lives here. */
import type { Role } from '../core/roles.ts';
import type { KdfParams } from '../crypto/passwords.ts';
import { type Queryable, toBytes } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  publicKey: Uint8Array;
  wrappedPrivateKey: Uint8Array;
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
  totpSecretSealed: Uint8Array | null;
  totpLastStep: number | null;
  failedLogins: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  /** Set while the account waits for its invitation to be accepted (no password yet). */
  invitationExpiresAt: Date | null;
  totpPendingSealed: Uint8Array | null;
  createdAt: Date;
}

interface RawRow {
  id: string;
  email: string;
  role: Role;
  password_hash: string;
  public_key: Uint8Array;
  wrapped_private_key: Uint8Array;
  kdf_salt: Uint8Array;
  kdf_algorithm: string;
  kdf_opslimit: number;
  kdf_memlimit: number;
  totp_secret_sealed: Uint8Array | null;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  invitation_expires_at: Date | null;
  totp_pending_sealed: Uint8Array | null;
  created_at: Date;
}

const toRow = (row: RawRow): UserRow => ({
  id: row.id,
  email: row.email,
  role: row.role,
  passwordHash: row.password_hash,
  publicKey: toBytes(row.public_key),
  wrappedPrivateKey: toBytes(row.wrapped_private_key),
  kdfSalt: toBytes(row.kdf_salt),
  kdfParams: {
    algorithm: row.kdf_algorithm as KdfParams['algorithm'],
    opsLimit: row.kdf_opslimit,
    memLimit: Number(row.kdf_memlimit),
  },
  totpSecretSealed: row.totp_secret_sealed ? toBytes(row.totp_secret_sealed) : null,
  totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  disabledAt: row.disabled_at,
  invitationExpiresAt: row.invitation_expires_at,
  totpPendingSealed: row.totp_pending_sealed ? toBytes(row.totp_pending_sealed) : null,
  createdAt: row.created_at,
});

/** Emails compare case-insensitively; stored lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export type NewUser = Omit<
  UserRow,
  | 'totpSecretSealed'
  | 'totpLastStep'
  | 'failedLogins'
  | 'lockedUntil'
  | 'disabledAt'
  | 'invitationExpiresAt'
  | 'totpPendingSealed'
  | 'createdAt'
>;

export function usersRepository(db: Queryable) {
  return {
    async findByEmail(email: string): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where email = $1', [normaliseEmail(email)]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async findById(id: string): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where id = $1', [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    /** Locks the row for the rest of the transaction: concurrent logins count failures exactly. */
    async findByEmailForUpdate(email: string): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where email = $1 for update', [
        normaliseEmail(email),
      ]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async findByIdForUpdate(id: string): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where id = $1 for update', [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async list(): Promise<UserRow[]> {
      const rows = await db.query<RawRow>('select * from users order by email');
      return rows.map(toRow);
    },
    async findByInvitationHash(hash: Uint8Array): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where invitation_hash = $1', [hash]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async findByInvitationHashForUpdate(hash: Uint8Array): Promise<UserRow | null> {
      const rows = await db.query<RawRow>('select * from users where invitation_hash = $1 for update', [
        hash,
      ]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async setInvitation(id: string, hash: Uint8Array | null, expiresAt: Date | null): Promise<void> {
      await db.query('update users set invitation_hash = $2, invitation_expires_at = $3 where id = $1', [
        id,
        hash,
        expiresAt,
      ]);
    },
    async setDisabled(id: string, disabledAt: Date | null): Promise<void> {
      await db.query('update users set disabled_at = $2 where id = $1', [id, disabledAt]);
    },
    async setPendingTotpSecret(id: string, sealed: Uint8Array | null): Promise<void> {
      await db.query('update users set totp_pending_sealed = $2 where id = $1', [id, sealed]);
    },
    async setRole(id: string, role: Role): Promise<void> {
      await db.query('update users set role = $2 where id = $1', [id, role]);
    },
    async count(): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from users');
      return rows[0]?.n ?? 0;
    },
    async insert(user: NewUser): Promise<void> {
      await db.query(
        `insert into users (id, email, role, password_hash, public_key, wrapped_private_key, kdf_salt,
                            kdf_algorithm, kdf_opslimit, kdf_memlimit)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          user.id,
          normaliseEmail(user.email),
          user.role,
          user.passwordHash,
          user.publicKey,
          user.wrappedPrivateKey,
          user.kdfSalt,
          user.kdfParams.algorithm,
          user.kdfParams.opsLimit,
          user.kdfParams.memLimit,
        ],
      );
    },
    async recordFailedLogin(id: string, failedLogins: number, lockedUntil: Date | null): Promise<void> {
      await db.query('update users set failed_logins = $2, locked_until = $3 where id = $1', [
        id,
        failedLogins,
        lockedUntil,
      ]);
    },
    /**
     * Clears the failure counter and any lock (a verified sign-in, an administrator's unlock); the
     * caller holds the row lock (findByEmailForUpdate).
     */
    async clearLoginFailures(id: string): Promise<void> {
      await db.query('update users set failed_logins = 0, locked_until = null where id = $1', [id]);
    },
    /**
     * Records `step` as the last TOTP step used, only if it is later than the one stored. False means
     * another sign-in already used this step (or a later one): a replay. The comparison happens in the
     * update itself so two concurrent sign-ins with the same code cannot both see an older value.
     */
    async claimTotpStep(id: string, step: number): Promise<boolean> {
      const rows = await db.query<{ claimed: number }>(
        `update users set totp_last_step = $2
         where id = $1 and (totp_last_step is null or totp_last_step < $2) returning 1 as claimed`,
        [id, step],
      );
      return rows.length === 1;
    },
    async setTotpSecret(id: string, sealed: Uint8Array | null): Promise<void> {
      await db.query('update users set totp_secret_sealed = $2, totp_last_step = null where id = $1', [
        id,
        sealed,
      ]);
    },
    async replaceCredentials(
      id: string,
      credentials: Pick<
        UserRow,
        'passwordHash' | 'publicKey' | 'wrappedPrivateKey' | 'kdfSalt' | 'kdfParams'
      >,
    ): Promise<void> {
      await db.query(
        `update users set password_hash = $2, public_key = $3, wrapped_private_key = $4, kdf_salt = $5,
                          kdf_algorithm = $6, kdf_opslimit = $7, kdf_memlimit = $8, failed_logins = 0, locked_until = null
         where id = $1`,
        [
          id,
          credentials.passwordHash,
          credentials.publicKey,
          credentials.wrappedPrivateKey,
          credentials.kdfSalt,
          credentials.kdfParams.algorithm,
          credentials.kdfParams.opsLimit,
          credentials.kdfParams.memLimit,
        ],
      );
    },
  };
}
