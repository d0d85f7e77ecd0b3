/** Editing records after review, their history, and the user's drafts (see docs/api.md). */
import type * as Api from '../../../src/server/apiTypes.ts';
import type { SavedRecord, VersionedRecord } from '../../../src/server/apiTypes.ts';
import { ApiError, request } from './client.ts';

export type RecordHistory = Api.RecordHistory;
export type RecordKind = RecordHistory['kind'];
export type { VersionedRecord };
export type RecordVersion = RecordHistory['versions'][number];

/** A saved draft; its payload is whatever the form saved (the server keeps it as given). */
export type Draft<T> = Omit<Api.Draft, 'payload'> & { payload: T };

const PATHS: Record<RecordKind, string> = {
  incident: '/api/incidents',
  act: '/api/acts',
  claim: '/api/claims',
  intervention: '/api/interventions',
  // A person by code: PATCH and history only (a person is opened through POST …/open, audited).
  person: '/api/persons',
  involvement: '/api/involvements',
};
const recordPath = (kind: RecordKind, id: string) => `${PATHS[kind]}/${encodeURIComponent(id)}`;

export const getRecord = (kind: Exclude<RecordKind, 'incident' | 'person' | 'involvement'>, id: string) =>
  request<VersionedRecord>('GET', recordPath(kind, id));
export const getHistory = (kind: RecordKind, id: string) =>
  request<RecordHistory>('GET', `${recordPath(kind, id)}/history`);

export const patchRecord = (kind: RecordKind, id: string, patch: Record<string, unknown>) =>
  request<SavedRecord>('PATCH', recordPath(kind, id), patch);
export const deleteAct = (id: string, version: number, reason: string | null) =>
  request<void>('DELETE', recordPath('act', id), { version, reason });
export const createAct = (incidentId: string, act: Record<string, unknown>) =>
  request<SavedRecord>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/acts`, act);
export const createIncident = (input: {
  title: string;
  summary?: string;
  tags?: string[];
  language?: string;
}) => request<SavedRecord>('POST', '/api/incidents', input);

/** The record as it is now when an edit was refused because someone else changed it, else null. */
export function conflictOf(error: unknown): VersionedRecord | null {
  return error instanceof ApiError && error.status === 409 && error.current
    ? (error.current as VersionedRecord)
    : null;
}

const draftPath = (kind: string) => `/api/drafts/${encodeURIComponent(kind)}`;

export async function getDraft<T>(kind: string): Promise<Draft<T> | null> {
  try {
    return await request<Draft<T>>('GET', draftPath(kind));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
export const saveDraft = (kind: string, payload: object) =>
  request<void>('PUT', draftPath(kind), { payload });
export const deleteDraft = (kind: string) => request<void>('DELETE', draftPath(kind));
