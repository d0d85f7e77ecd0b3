/**
 * Server-side drafts, so work in progress survives a reload, a crash or a change of browser: the
 * capture form's text and a review's decisions, saved as the user works. A user only ever reads and
 * writes their own (the user id comes from the session, never from the request). Drafts hold what
 * the source itself holds (see ARCHITECTURE.md, threat model), so they are stored like sources.
 */
import { z } from 'zod';
import { InvalidInput, NotFound } from '../core/errors.ts';
import type { Queryable } from '../store/db.ts';
import { type Draft, draftsRepository } from '../store/drafts.ts';

/** What a draft is of: the capture form, or the review of one source. */
export const DraftKind = z
  .string()
  .regex(
    /^(capture|review:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    'expected capture or review:<source id>',
  );

/** A pasted article is rarely over 100 KB; this leaves room for a long testimony with decisions. */
export const MAX_DRAFT_BYTES = 512 * 1024;

export const DraftBody = z.strictObject({ payload: z.record(z.string(), z.unknown()) });

export async function getDraft(db: Queryable, userId: string, kind: string): Promise<Draft> {
  const draft = await draftsRepository(db).find(userId, kind);
  if (!draft) throw new NotFound('draft', kind);
  return draft;
}

export async function saveDraft(
  db: Queryable,
  userId: string,
  kind: string,
  payload: unknown,
): Promise<Date> {
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json, 'utf8') > MAX_DRAFT_BYTES)
    throw new InvalidInput('body.payload', `a draft holds at most ${MAX_DRAFT_BYTES / 1024} KB`);
  return draftsRepository(db).save(userId, kind, json);
}

export async function deleteDraft(db: Queryable, userId: string, kind: string): Promise<void> {
  await draftsRepository(db).remove(userId, kind);
}
