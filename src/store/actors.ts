/** Actors (media outlets, authorities, NGOs, security forces): one row per name, reused across records. */
import { randomUUID } from 'node:crypto';
import type { ActorKind } from '../core/actors.ts';
import type { Queryable } from './db.ts';

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
}

export function actorsRepository(db: Queryable) {
  return {
    /** The actor with this name, created if new. Names are trimmed; spelling variants stay distinct. */
    async idForName(name: string, kind: ActorKind = 'other'): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `insert into actors (id, name, kind) values ($1, $2, $3)
         on conflict (name) do update set name = excluded.name
         returning id`,
        [randomUUID(), name.trim(), kind],
      );
      return rows[0]!.id;
    },

    async findByIds(ids: readonly string[]): Promise<ActorRecord[]> {
      if (ids.length === 0) return [];
      return db.query<ActorRecord>('select id, name, kind from actors where id = any($1::uuid[])', [
        [...ids],
      ]);
    },
  };
}
