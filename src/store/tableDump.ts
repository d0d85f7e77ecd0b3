/**
 * A logical dump and load of every table, for backups that move between PGlite and PostgreSQL. Rows
 * travel as the database's own JSON (`to_jsonb`): bytea as hex, timestamps with microseconds, text
 * search vectors and configurations by name, so nothing depends on one server's OIDs or file format.
 * Tables are found in the catalog (a new migration's table is included without a change here) and
 * ordered so every table comes after the tables its foreign keys point at.
 */
import type { Queryable } from './db.ts';

export interface DumpTable {
  name: string;
  /** Columns a load writes (generated columns are computed again). */
  columns: string[];
}

export interface SequenceValue {
  name: string;
  lastValue: number;
}

/** Bookkeeping the migrations own: the target's own migrations fill it. */
const MIGRATION_TABLE = 'schema_migrations';
/** Rows a fresh migration inserts (the empty chain head); a load replaces them. */
const SEEDED_TABLES = new Set(['audit_chain_head']);
/**
 * Counters of rate limits and their HMAC key (migration 092): not records, meaningless elsewhere,
 * and the key is better not copied into every backup.
 */
const TRANSIENT_TABLES = ['rate_buckets', 'rate_windows', 'limit_secrets'] as const;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function tableDump(db: Queryable) {
  return {
    /** Every table of the schema, parents before children. */
    async tables(): Promise<DumpTable[]> {
      const tables = await db.query<{ name: string; columns: string[] }>(
        `select c.relname as name,
                array(select a.attname::text from pg_attribute a
                      where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                      order by a.attnum) as columns
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
           and c.relname <> $1 and c.relname <> all($2::text[])
         order by c.relname`,
        [MIGRATION_TABLE, [...TRANSIENT_TABLES]],
      );
      const references = await db.query<{ child: string; parent: string }>(
        `select child.relname as child, parent.relname as parent
         from pg_constraint k
         join pg_class child on child.oid = k.conrelid
         join pg_class parent on parent.oid = k.confrelid
         join pg_namespace n on n.oid = child.relnamespace
         where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid`,
      );
      return dependencyOrder(tables, references);
    },

    async appliedMigrations(): Promise<string[]> {
      const rows = await db.query<{ id: string }>(`select id from ${MIGRATION_TABLE} order by id`);
      return rows.map((row) => row.id);
    },

    /** Rows as JSON text, in batches, through a cursor (the caller's transaction holds it). */
    async *rows(table: string, batch = 500): AsyncGenerator<string[]> {
      const cursor = quoteIdent(`dump_${table}`);
      await db.query(
        `declare ${cursor} no scroll cursor for select to_jsonb(t)::text as row from ${quoteIdent(table)} t`,
      );
      try {
        for (;;) {
          const rows = await db.query<{ row: string }>(`fetch forward ${batch} from ${cursor}`);
          if (rows.length === 0) return;
          yield rows.map((row) => row.row);
        }
      } finally {
        await db.query(`close ${cursor}`);
      }
    },

    async sequences(): Promise<SequenceValue[]> {
      const rows = await db.query<{ name: string; last_value: number | null }>(
        `select sequencename as name, last_value from pg_sequences
         where schemaname = current_schema() and last_value is not null order by sequencename`,
      );
      return rows.map((row) => ({ name: row.name, lastValue: Number(row.last_value) }));
    },

    /** Tables holding records: a database is empty when this is empty. */
    async tablesWithRows(tables: readonly DumpTable[]): Promise<string[]> {
      const found: string[] = [];
      for (const table of tables) {
        if (SEEDED_TABLES.has(table.name)) continue;
        const [row] = await db.query<{ found: boolean }>(
          `select exists (select 1 from ${quoteIdent(table.name)}) as found`,
        );
        if (row?.found) found.push(table.name);
      }
      return found;
    },

    /** Removes what a fresh migration seeded, children first, so the load can insert its own rows. */
    async clearSeeded(tables: readonly DumpTable[]): Promise<void> {
      for (const table of [...tables].reverse())
        if (SEEDED_TABLES.has(table.name)) await db.query(`delete from ${quoteIdent(table.name)}`);
    },

    async insert(table: DumpTable, rows: readonly string[]): Promise<void> {
      if (rows.length === 0) return;
      const columns = table.columns.map(quoteIdent).join(', ');
      await db.query(
        `insert into ${quoteIdent(table.name)} (${columns}) overriding system value
         select ${columns} from jsonb_populate_recordset(null::${quoteIdent(table.name)}, $1::jsonb)`,
        [`[${rows.join(',')}]`],
      );
    },

    async setSequence(sequence: SequenceValue): Promise<void> {
      await db.query('select setval($1::regclass, $2, true)', [
        quoteIdent(sequence.name),
        sequence.lastValue,
      ]);
    },
  };
}

function dependencyOrder(
  tables: Array<{ name: string; columns: string[] }>,
  references: Array<{ child: string; parent: string }>,
): DumpTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: DumpTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const reference of references)
      if (reference.child === name && byName.has(reference.parent)) visit(reference.parent);
    state.set(name, 'done');
    const table = byName.get(name);
    if (table) ordered.push({ name: table.name, columns: [...table.columns] });
  };
  for (const table of tables) visit(table.name);
  return ordered;
}
