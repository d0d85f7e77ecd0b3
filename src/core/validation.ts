/**
 * Input validation in one place: every request body, query and parameter (through the routes'
 * validator, src/server/validation.ts), every command's input and every service that checks what it
 * is given parses with `parseWith`, and a zod failure becomes an `InvalidInput` naming the field in
 * one way only (`invalidInputFrom`). The schemas many inputs share live here too.
 */
import { z } from 'zod';
import { DamagedRecord, InvalidInput } from './errors.ts';
import { findUnstorableText } from './storableText.ts';

export const Uuid = z.uuid('expected a UUID');

/** `{ id }` in a path such as /api/incidents/:id. */
export const IdParams = z.strictObject({ id: Uuid });

/** A page of a list: `limit` (1–200, 50 by default) and `offset`. */
export const PageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type Page = z.infer<typeof PageSchema>;

/**
 * Past this many rows a list's total is "at least" (`totalIsLowerBound`), as search's is past its
 * cap: counting a million matches on every page costs more than the page itself.
 */
export const LIST_COUNT_CAP = 10_000;
/**
 * The deepest offset a long list accepts: the database reads and throws away every row before it,
 * so deeper pages are reached with the cursor (`after`, the `next` of the page before).
 */
export const MAX_LIST_OFFSET = 10_000;

/**
 * A page of a long list (incidents, sources): `limit`, and either `offset` (at most
 * MAX_LIST_OFFSET) or `after`, the opaque cursor a previous page returned as `next`.
 */
export const ListPageSchema = z.strictObject({
  limit: PageSchema.shape.limit,
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(
      MAX_LIST_OFFSET,
      `offsets past ${MAX_LIST_OFFSET} are refused (every skipped row is read): page with after, the next of the page before`,
    )
    .default(0),
  after: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected the next of a previous page')
    .optional(),
});
export type ListPage = z.infer<typeof ListPageSchema>;

/**
 * The one conversion of a zod failure into InvalidInput. The field is the failing path prefixed with
 * `where` (`body.title`), the path alone when `where` is empty, or `fallback` when neither says more.
 * An unknown field is named with its key. The message names the rule, never the value.
 */
export function invalidInputFrom(error: z.ZodError, where: string, fallback = where): InvalidInput {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join('.') : '';
  const field = [where, path].filter(Boolean).join('.') || fallback;
  if (issue?.code === 'unrecognized_keys')
    return new InvalidInput([field, ...issue.keys].join('.'), 'unknown field');
  return new InvalidInput(field, issue?.message ?? 'invalid');
}

/**
 * Parses `value` with `schema` or throws InvalidInput. Text that cannot be stored (a NUL, a lone
 * surrogate) is refused here too, before anything is written.
 */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
  fallback = where,
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInputFrom(parsed.error, where, fallback);
  const unstorable = findUnstorableText(parsed.data, where || fallback);
  if (unstorable) throw new InvalidInput(unstorable.path, unstorable.reason);
  return parsed.data;
}

/**
 * Parses a JSON column read back from storage with `schema`, or throws DamagedRecord naming `record`,
 * its `id` and the failing path (a driver that hands JSON over as text has it parsed first). Values
 * written by this code always pass: this turns a damaged row into one clear error instead of
 * undefined behaviour further on.
 */
export function parseStoredJson<T extends z.ZodType>(
  schema: T,
  value: unknown,
  record: string,
  id: string,
): z.infer<T> {
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw new DamagedRecord(record, id, 'not JSON');
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join('.') : 'the value';
  throw new DamagedRecord(record, id, `${path}: ${issue?.message ?? 'invalid'}`);
}
