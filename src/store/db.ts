/**
 * The one database interface every repository uses. Two adapters implement it: PGlite (embedded,
 * PostgreSQL compiled to WebAssembly, in the data directory) and PostgreSQL (node-postgres pool).
 * The SQL is the same for both; only connection handling differs.
 */
export type SqlParam = string | number | boolean | null | Date | Uint8Array | Array<string | null> | number[];

export interface Queryable {
  query<Row>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all its writes land together or none do. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Normalises a bytea value: node-postgres returns Buffer, PGlite returns Uint8Array. */
export function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
