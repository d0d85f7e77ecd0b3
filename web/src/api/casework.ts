/**
 * The web app's calls for persons, involvement, cases and referrals. Codes and vocabularies come
 * from src/core/casework.ts, the same lists the server validates against.
 */
import type {
  CaseStatus,
  CaseType,
  InvolvementRole,
  PerpetratorDegree,
  ReferralReply,
  ReferralStatus,
  RiskLevel,
  ShareableField,
  VictimStatus,
} from '../../../src/core/casework.ts';
import type * as Api from '../../../src/server/apiTypes.ts';
import { ApiError, CSRF_HEADER, csrfToken, errorFrom, query, request, send } from './client.ts';
import { allOf } from './types.ts';

export * from '../../../src/core/casework.ts';

/** A new person record as the form sends it: every field, empty ones as null or []. */
export type NewPerson = Required<Omit<Api.NewPerson, 'compartment'>>;
export type PersonField = keyof NewPerson;
export const PERSON_FIELDS = allOf<PersonField>()([
  'name',
  'aliases',
  'contacts',
  'birthDate',
  'note',
  'sex',
  'genderIdentity',
  'nationality',
  'occupation',
  'safety',
] as const);

export type {
  CaseDetail,
  CaseSummary,
  ImportedReferral,
  Involvement,
  InvolvementCorrection,
  LinkResult,
  MergeResult,
  OrganisationKey,
  Referral,
  ReferralPackage,
  RevealedField,
} from '../../../src/server/apiTypes.ts';

const enc = encodeURIComponent;

export const listPersons = () => request<{ items: Array<{ code: string }> }>('GET', '/api/persons');
export const addPerson = (person: NewPerson) =>
  request<{ id: string; code: string }>('POST', '/api/persons', person);
export const findPersons = (name: string) =>
  request<{ items: Array<{ code: string }> }>('POST', '/api/persons/search', { name });
export const revealPersonField = (code: string, field: PersonField) =>
  request<Api.RevealedField>('POST', `/api/persons/${enc(code)}/reveal`, { field });

/** Every field of a person and its version, for the edit form: one audited read on the server. */
export const openPersonForEdit = (code: string) =>
  request<Api.VersionedRecord>('POST', `/api/persons/${enc(code)}/open`);

/** A record's compartment and, if it was merged, the code it was merged into (no protected field). */
export const personStatus = (code: string) =>
  request<{ code: string; compartment: string; mergedInto: string | null }>(
    'GET',
    `/api/persons/${enc(code)}`,
  );

/** Merges `code` into `into` (two records of one person), on the versions compared. */
export const mergePerson = (
  code: string,
  merge: { into: string; version: number; intoVersion: number; reason: string },
) => request<Api.MergeResult>('POST', `/api/persons/${enc(code)}/merge`, merge);

export const listInvolvements = (incidentId: string) =>
  request<{ items: Api.Involvement[] }>('GET', `/api/incidents/${enc(incidentId)}/involvements`);
export const linkInvolvement = (
  actId: string,
  link: {
    role: InvolvementRole;
    person?: string;
    organisation?: string;
    perpetratorDegree?: PerpetratorDegree;
    victimStatus?: VictimStatus;
  },
) => request<Api.LinkResult>('POST', `/api/acts/${enc(actId)}/involvements`, link);

export const withdrawInvolvement = (id: string, version: number, reason: string) =>
  request<Api.InvolvementCorrection>('POST', `/api/involvements/${enc(id)}/withdraw`, { version, reason });

export const listCases = (filters: Record<string, string | undefined>) =>
  request<{ items: Api.CaseSummary[] }>('GET', `/api/cases${query(filters)}`);
export const openCase = (input: { persons: string[]; type: CaseType; risk: RiskLevel; assignTo?: string }) =>
  request<{ id: string; code: string }>('POST', '/api/cases', input);
export const getCase = (id: string) => request<Api.CaseDetail>('GET', `/api/cases/${enc(id)}`);
export const updateCase = (id: string, change: { risk?: RiskLevel; assignTo?: string | null }) =>
  request<Api.CaseSummary>('PATCH', `/api/cases/${enc(id)}`, change);
export const changeCaseStatus = (id: string, status: CaseStatus, note?: string) =>
  request<{ status: CaseStatus }>('POST', `/api/cases/${enc(id)}/status`, {
    status,
    ...(note ? { note } : {}),
  });
export const addTask = (id: string, title: string, dueOn: string | null) =>
  request<{ id: string }>('POST', `/api/cases/${enc(id)}/tasks`, { title, dueOn });
export const completeTask = (id: string, taskId: string) =>
  request<void>('POST', `/api/cases/${enc(id)}/tasks/${enc(taskId)}/done`);
export const addConsent = (
  id: string,
  consent: { person: string; fields: ShareableField[]; recipient: string },
) => request<{ id: string }>('POST', `/api/cases/${enc(id)}/consents`, consent);
export const withdrawConsent = (id: string, consentId: string) =>
  request<void>('POST', `/api/cases/${enc(id)}/consents/${enc(consentId)}/withdraw`);
export const addNote = (id: string, text: string) =>
  request<{ id: string }>('POST', `/api/cases/${enc(id)}/notes`, { text });
export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api/cases/${enc(id)}/attachments/${enc(attachmentId)}`;

export async function uploadAttachment(id: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = csrfToken();
  const response = await send(`/api/cases/${enc(id)}/attachments`, {
    method: 'POST',
    headers: { accept: 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
    body: form,
  });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as { id: string };
}

export const organisationKey = () => request<Api.OrganisationKey>('GET', '/api/organisation/key');
export const listReferrals = (caseId?: string) =>
  request<{ items: Api.Referral[] }>('GET', `/api/referrals${query({ case: caseId })}`);
export const createReferral = (caseId: string, partnerKey: string, fields: ShareableField[]) =>
  request<Api.ReferralPackage>('POST', `/api/cases/${enc(caseId)}/referrals`, { partnerKey, fields });
export const importReferral = (pkg: string) =>
  request<Api.ImportedReferral>('POST', '/api/referrals/import', { package: pkg });
export const replyToReferral = (id: string, status: ReferralReply) =>
  request<{ package: string; status: ReferralStatus }>('POST', `/api/referrals/${enc(id)}/reply`, { status });
export const importReferralStatus = (pkg: string) =>
  request<{ status: ReferralStatus; caseCode: string }>('POST', '/api/referrals/status', { package: pkg });

/** Offers text as a file download without sending it anywhere. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export { ApiError };
