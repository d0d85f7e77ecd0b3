/**
 * Pages of the long lists (incidents, sources) at a million rows: a total counted exactly up to
 * LIST_COUNT_CAP and "at least" past it, and keyset paging — `after`, an opaque cursor holding the
 * last row's sort key and id, continues the list where the previous page stopped, read off the
 * order's index however deep, where an offset makes the database read and throw away every row
 * before it. Offsets still work up to MAX_LIST_OFFSET (the schema refuses deeper ones).
 *
 * The cursor may end up in URLs, logs and browser history, so it carries dates, instants and ids
 * only: an order by title (`readBack`) puts just the id in it and reads the title back from that row.
 */
import { z } from 'zod';
import { InvalidInput } from '../core/errors.ts';
import { LIST_COUNT_CAP, type ListPage, MAX_LIST_OFFSET } from '../core/validation.ts';
import type { Queryable, SqlParam } from './db.ts';

export interface ListSlice<T> {
  /** Exact unless `totalIsLowerBound`, then at least this many (LIST_COUNT_CAP). */
  total: number;
  totalIsLowerBound: boolean;
  items: T[];
  /** The cursor of the page after this one (`after`); null on the last page. */
  next: string | null;
}

type KeyType = 'date' | 'timestamptz' | 'uuid' | 'text';

export interface SortKey {
  /** The key's SQL over a row alias. */
  sql: (alias: string) => string;
  type: KeyType;
  descending?: boolean;
  /** A nullable key: rows without a value come after all the others. */
  nullsLast?: boolean;
}

export interface KeysetOrder {
  /** Names the list and the order in the cursor, so a cursor of another list or order is refused. */
  name: string;
  table: string;
  /** The sort keys; the last one is the row's id, so no two rows tie. */
  keys: readonly SortKey[];
  /**
   * The order's keys may name a person or an event (a title): the cursor carries only the id and the
   * keys are read back from that row. Its keys are not nullable.
   */
  readBack?: boolean;
}

/** The filtered rows of a list: `from` names the table with its alias, `where` ANDed conditions. */
export interface ListQuery {
  from: string;
  alias: string;
  where: readonly string[];
  params: readonly SqlParam[];
}

const KEY_VALUE: Record<KeyType, z.ZodType<string>> = {
  date: z.iso.date(),
  // As PostgreSQL writes a timestamptz in JSON: microseconds and the session's UTC offset.
  timestamptz: z.iso.datetime({ offset: true }),
  uuid: z.guid(),
  // Text (a title) never goes into a cursor: an order by text reads it back (`readBack`).
  text: z.never(),
};
const CursorSchema = z.tuple([z.string()], z.string().nullable());
const STALE_CURSOR = 'expected the next of a previous page of this list in this order';

const ordered = (sql: string, key: SortKey) =>
  `${sql}${key.descending ? ' desc' : ''}${key.nullsLast ? ' nulls last' : ''}`;

/** The order's ORDER BY over a row alias. */
export const orderSql = (order: KeysetOrder, alias: string): string =>
  orderKeys(order, alias)
    .map(({ sql, key }) => ordered(sql, key))
    .join(', ');

const orderKeys = (order: KeysetOrder, alias: string): { sql: string; key: SortKey }[] =>
  order.keys.map((key) => ({ sql: key.sql(alias), key }));

const encodeCursor = (order: KeysetOrder, keyJson: string): string =>
  Buffer.from(JSON.stringify([order.name, ...(JSON.parse(keyJson) as unknown[])])).toString('base64url');

/** The cursor's key values, checked against the order's key types (a forged one is refused, not run). */
function decodeCursor(order: KeysetOrder, after: string): (string | null)[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInput('after', STALE_CURSOR);
  }
  const parsed = CursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data[0] !== order.name) throw new InvalidInput('after', STALE_CURSOR);
  const values = parsed.data.slice(1) as (string | null)[];
  const keys = order.readBack ? order.keys.slice(-1) : order.keys;
  const valid =
    values.length === keys.length &&
    values.every((value, index) => {
      const key = keys[index];
      if (!key) return false;
      return value === null ? key.nullsLast === true : KEY_VALUE[key.type].safeParse(value).success;
    });
  if (!valid) throw new InvalidInput('after', STALE_CURSOR);
  return values;
}

/**
 * The rows after the cursor as disjoint runs, each in the list's order and in order of one another:
 * same keys up to the last one and a later last key, then same keys up to the one before, and so on
 * (a nullable key's run of rows without it comes right after its later values). Each run is a range
 * of the order's index; an OR of them would make the database sort every row after the cursor.
 */
function runsAfter(
  keys: readonly { sql: string; key: SortKey }[],
  values: readonly (string | null)[],
): string[] {
  const runs: string[] = [];
  for (let level = keys.length - 1; level >= 0; level--) {
    const current = keys[level];
    const value = values[level];
    if (!current || value === undefined) continue;
    const same = keys
      .slice(0, level)
      .map(({ sql }, index) => (values[index] === null ? `${sql} is null` : `${sql} = ${values[index]}`));
    // Past a missing value (last in the order) come only rows also missing it: a run of a later level.
    if (value === null) continue;
    runs.push([...same, `${current.sql} ${current.key.descending ? '<' : '>'} ${value}`].join(' and '));
    if (current.key.nullsLast) runs.push([...same, `${current.sql} is null`].join(' and '));
  }
  return runs;
}

/** The ids of one page in the list's order, and the cursor of the page after it. */
async function pageIds(
  db: Queryable,
  list: ListQuery,
  order: KeysetOrder,
  page: ListPage,
): Promise<{ ids: string[]; next: string | null }> {
  const params = [...list.params];
  const add = (value: SqlParam) => `$${params.push(value)}`;
  const { alias } = list;
  const keys = orderKeys(order, alias);
  const keyJson = order.readBack
    ? `json_build_array(${alias}.id)::text`
    : `json_build_array(${keys.map(({ sql }) => sql).join(', ')})::text`;
  const where = (extra: string[]) => {
    const all = [...list.where, ...extra];
    return all.length > 0 ? `where ${all.join(' and ')}` : '';
  };
  let rows: { id: string; key_json: string }[];
  if (page.after === undefined) {
    rows = await db.query(
      `select ${alias}.id, ${keyJson} as key_json from ${list.from} ${where([])}
        order by ${orderSql(order, alias)} limit ${add(page.limit + 1)} offset ${add(page.offset)}`,
      params,
    );
  } else {
    const values = await cursorValues(db, order, decodeCursor(order, page.after), add);
    const runs = runsAfter(keys, values);
    const limit = add(page.limit + 1);
    const selected = keys.map(({ sql }, index) => `${sql} as k${index}`).join(', ');
    const runOrder = keys.map(({ key }, index) => ordered(`r.k${index}`, key)).join(', ');
    rows = await db.query(
      `select r.id, r.key_json from (${runs
        .map(
          (run, index) =>
            `(select ${alias}.id, ${keyJson} as key_json, ${index} as run, ${selected} from ${list.from}
               ${where([run])} order by ${orderSql(order, alias)} limit ${limit})`,
        )
        .join(' union all ')}) r
        order by r.run, ${runOrder} limit ${limit}`,
      params,
    );
  }
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    ids: rows.slice(0, page.limit).map((row) => row.id),
    next: last ? encodeCursor(order, last.key_json) : null,
  };
}

/**
 * The cursor's key values as SQL: parameters with their type, or, for an order read back, the keys
 * of the row the cursor names (refused when that row is gone: there is no position to continue from).
 */
async function cursorValues(
  db: Queryable,
  order: KeysetOrder,
  values: (string | null)[],
  add: (value: SqlParam) => string,
): Promise<(string | null)[]> {
  if (!order.readBack)
    return values.map((value, index) =>
      value === null ? null : `${add(value)}::${order.keys[index]?.type ?? 'text'}`,
    );
  const id = values[0] ?? null;
  const found = await db.query(`select 1 from ${order.table} where id = $1::uuid`, [id]);
  if (found.length === 0)
    throw new InvalidInput(
      'after',
      'the row this cursor continues from was deleted: start from the first page',
    );
  const idParam = `${add(id)}::uuid`;
  return order.keys.map((key) => `(select ${key.sql('c')} from ${order.table} c where c.id = ${idParam})`);
}

/** How many rows match, counted up to LIST_COUNT_CAP + 1 only. */
async function cappedCount(
  db: Queryable,
  list: ListQuery,
): Promise<{ total: number; totalIsLowerBound: boolean }> {
  const where = list.where.length > 0 ? `where ${list.where.join(' and ')}` : '';
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from ${list.from} ${where} limit ${LIST_COUNT_CAP + 1}) c`,
    list.params,
  );
  const n = row?.n ?? 0;
  return { total: Math.min(n, LIST_COUNT_CAP), totalIsLowerBound: n > LIST_COUNT_CAP };
}

/**
 * One page of a list: the ids in order (`rowsOf` reads their rows, in that order), the capped
 * total, and the cursor of the next page.
 */
export async function keysetPage<T>(
  db: Queryable,
  list: ListQuery,
  order: KeysetOrder,
  page: ListPage,
  rowsOf: (ids: string[]) => Promise<T[]>,
): Promise<ListSlice<T>> {
  if (page.after !== undefined && page.offset > 0)
    throw new InvalidInput('offset', 'give either offset or after, not both');
  if (page.offset > MAX_LIST_OFFSET)
    throw new InvalidInput('offset', `past ${MAX_LIST_OFFSET}: page with after, the next of the page before`);
  const { ids, next } = await pageIds(db, list, order, page);
  // A first page that holds every match is its own count.
  const count =
    page.offset === 0 && page.after === undefined && next === null
      ? { total: ids.length, totalIsLowerBound: false }
      : await cappedCount(db, list);
  const items = ids.length > 0 ? await rowsOf(ids) : [];
  return { ...count, items, next };
}
