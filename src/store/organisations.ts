/** The organisation row: its intake key pair (private half sealed) and recovery public key. */
import { type Queryable, toBytes } from './db.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  publicKey: Uint8Array;
  sealedPrivateKey: Uint8Array;
  recoveryPublicKey: Uint8Array;
  compartmentId: string;
}

interface RawRow {
  id: string;
  name: string;
  public_key: Uint8Array;
  sealed_private_key: Uint8Array;
  recovery_public_key: Uint8Array;
  compartment_id: string;
}

// Advisory lock ids: migrations take 4_700_001 (migrate.ts).
const SETUP_LOCK = 4_700_002;

const toRow = (row: RawRow): OrganisationRow => ({
  id: row.id,
  name: row.name,
  publicKey: toBytes(row.public_key),
  sealedPrivateKey: toBytes(row.sealed_private_key),
  recoveryPublicKey: toBytes(row.recovery_public_key),
  compartmentId: row.compartment_id,
});

export function organisationsRepository(db: Queryable) {
  return {
    /**
     * Serialises first-run setups until the transaction ends: without it, concurrent setups on
     * PostgreSQL all saw no organisation and all but one died on the unique index (500, not 409).
     */
    async lockForSetup(): Promise<void> {
      await db.query(`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    },
    async find(): Promise<OrganisationRow | null> {
      const rows = await db.query<RawRow>('select * from organisations limit 1');
      return rows[0] ? toRow(rows[0]) : null;
    },
    async insert(row: OrganisationRow): Promise<void> {
      await db.query(
        `insert into organisations (id, name, public_key, sealed_private_key, recovery_public_key, compartment_id)
         values ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.name, row.publicKey, row.sealedPrivateKey, row.recoveryPublicKey, row.compartmentId],
      );
    },
    async updateSealedPrivateKey(id: string, sealedPrivateKey: Uint8Array): Promise<void> {
      await db.query('update organisations set sealed_private_key = $2 where id = $1', [
        id,
        sealedPrivateKey,
      ]);
    },
  };
}
