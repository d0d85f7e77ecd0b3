/** Drafts: one user's work in progress per kind (`capture`, `review:<sourceId>`), replaced as they type. */
import type { Queryable } from './db.ts';

export interface Draft {
  kind: string;
  payload: unknown;
  updatedAt: Date;
}

export function draftsRepository(db: Queryable) {
  return {
    async find(userId: string, kind: string): Promise<Draft | null> {
      const rows = await db.query<{ kind: string; payload: unknown; updated_at: Date }>(
        'select kind, payload, updated_at from drafts where user_id = $1 and kind = $2',
        [userId, kind],
      );
      const row = rows[0];
      return row ? { kind: row.kind, payload: row.payload, updatedAt: row.updated_at } : null;
    },

    async save(userId: string, kind: string, payload: string): Promise<Date> {
      const rows = await db.query<{ updated_at: Date }>(
        `insert into drafts (user_id, kind, payload) values ($1, $2, $3::jsonb)
         on conflict (user_id, kind) do update set payload = excluded.payload, updated_at = now()
         returning updated_at`,
        [userId, kind, payload],
      );
      return rows[0]!.updated_at;
    },

    async remove(userId: string, kind: string): Promise<boolean> {
      const rows = await db.query<{ kind: string }>(
        'delete from drafts where user_id = $1 and kind = $2 returning kind',
        [userId, kind],
      );
      return rows.length > 0;
    },
  };
}
