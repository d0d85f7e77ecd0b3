/**
 * The one place the web app talks to the server. Same-origin only (CSP `default-src 'self'`); the
 * session lives in an HttpOnly cookie the script cannot read, and every state-changing request
 * carries the CSRF token the server handed out with the session.
 */
import type { CaseType } from './casework.ts';
import type {
  Account,
  AuditEntry,
  AuditVerdict,
  CaptureResult,
  Compartment,
  DiscardReason,
  Incident,
  IncidentStatus,
  IncidentSummary,
  IntakeKey,
  IntakeSubmission,
  Invitation,
  Job,
  LongPage,
  MapStats,
  OpenedSubmission,
  QueuedIngest,
  QueueStatus,
  ReportStatus,
  ReviewDecision,
  ReviewItem,
  ReviewOutcome,
  ReviewQueueItem,
  Role,
  SearchResult,
  Session,
  SetupResult,
  SetupState,
  SourceDetail,
  SourceSummary,
  StatsBreakdown,
  StatsPlaces,
  Timeline,
  TotpEnrolment,
  Vocabulary,
} from './types.ts';

export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * A request the server refused, or that never reached it. `code` is the server's error code
 * (`invalid_input`, `forbidden`, … — src/core/errors.ts and src/server/errors.ts), or `network` when
 * there was no answer: the interface translates by code (i18n/errorText.ts). `message` is the
 * server's own explanation, in English.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null = null,
    /** On a version conflict (409): the record as it is now on the server. */
    readonly current: unknown = null,
    readonly code: string = status === 0 ? 'network' : 'unknown',
  ) {
    super(message);
  }
}

let rememberedToken: string | null = null;
let onSessionLost: () => void = () => undefined;

/** Called when the server says the session is gone (expired, revoked): the app returns to sign-in. */
export function whenSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

export function rememberCsrfToken(token: string | null): void {
  rememberedToken = token;
}

/** The double-submit token: the `attest_csrf` cookie when present (always current), else the last one handed out. */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)attest_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : rememberedToken;
}

export async function errorFrom(response: Response): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  let field: string | null = null;
  let current: unknown = null;
  let code = 'unknown';
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      if (typeof record.error === 'string') code = record.error;
      if (typeof record.message === 'string') message = record.message;
      else if (typeof record.error === 'string') message = record.error;
      if (typeof record.field === 'string') field = record.field;
      if (record.current && typeof record.current === 'object') current = record.current;
    }
  } catch {
    // Not JSON: keep the status text.
  }
  return new ApiError(response.status, message, field, current, code);
}

/** fetch, with "no answer at all" (offline, server down) turned into an ApiError the interface can name. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network error');
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers[CSRF_HEADER] = token;
  const response = await send(path, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (response.status === 401 && !path.startsWith('/api/session')) onSessionLost();
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const getVocabulary = () => request<Vocabulary>('GET', '/api/vocabulary');

export const getSetup = () => request<SetupState>('GET', '/api/setup');
export const completeSetup = (input: { organisation: string; email: string; password: string }) =>
  request<SetupResult>('POST', '/api/setup', input);

export async function getSession(): Promise<Session | null> {
  try {
    return await request<Session>('GET', '/api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
export const signIn = (input: { email: string; password: string; totp?: string }) =>
  request<Session>('POST', '/api/session', input);
export const signOut = () => request<void>('DELETE', '/api/session');

export const listSources = (params: Record<string, string | undefined> = {}) =>
  request<LongPage<SourceSummary>>('GET', `/api/sources${query({ limit: '200', ...params })}`);
export const getSource = (id: string) =>
  request<SourceDetail>('GET', `/api/sources/${encodeURIComponent(id)}`);
export const originalUrl = (id: string) => `/api/sources/${encodeURIComponent(id)}/original`;

export const captureText = (input: {
  text: string;
  title?: string;
  url?: string;
  published?: string;
  sealed?: true;
  compartment?: string;
}) => request<CaptureResult>('POST', '/api/sources', input);

/** The facts a file may be sent with; left empty, an HTML page's own title and date are used. */
export type UploadFields = {
  published?: string;
  title?: string;
  url?: string;
  ocrLanguage?: string;
};

/**
 * Queues one file for ingest (POST /api/source-jobs): the server preserves the original and answers
 * at once with the job that will read it (OCR, extraction), or with the source these bytes already are.
 */
export const queueUpload = (file: File, fields: UploadFields, onProgress: (fraction: number) => void) =>
  sendFile<QueuedIngest>('/api/source-jobs', file, fields, onProgress);

/**
 * Ingests one sealed file inside the request (POST /api/sources): sealing needs the signed-in
 * member's compartment key, which no worker holds, so a sealed upload is never queued.
 */
export const uploadSealedFile = (
  file: File,
  fields: UploadFields & { sealed: true; compartment?: string },
  onProgress: (fraction: number) => void,
) => sendFile<CaptureResult>('/api/sources', file, fields, onProgress);

/** A job one queued (an administrator: any job): its state, retries, result or error. */
export const getJob = (id: string) => request<Job>('GET', `/api/jobs/${encodeURIComponent(id)}`);

/**
 * Sends one file with progress. XMLHttpRequest, because fetch cannot report upload progress
 * and field workers on slow links need to see that something is moving.
 */
function sendFile<T>(
  path: string,
  file: File,
  fields: Record<string, string | true | undefined>,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value) form.append(name, String(value));
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        response.json().then((body) => resolve(body as T), reject);
      } else errorFrom(response).then(reject, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.send(form);
  });
}

export const getReviewQueue = (params: { limit?: string; after?: string } = {}) =>
  request<LongPage<ReviewQueueItem>>('GET', `/api/review${query({ limit: '200', ...params })}`);
export const getReview = (sourceId: string) =>
  request<ReviewItem>('GET', `/api/review/${encodeURIComponent(sourceId)}`);
export const saveReview = (sourceId: string, decision: ReviewDecision) =>
  request<ReviewOutcome>('POST', `/api/review/${encodeURIComponent(sourceId)}`, decision);

export const listIncidents = (params: Record<string, string | undefined> = {}) =>
  request<LongPage<IncidentSummary>>('GET', `/api/incidents${query({ limit: '200', ...params })}`);
export const getIncident = (id: string) =>
  request<Incident>('GET', `/api/incidents/${encodeURIComponent(id)}`);
export const updateIncident = (
  id: string,
  patch: {
    status?: IncidentStatus;
    title?: string;
    summary?: string;
    tags?: string[];
    reason?: string;
    version?: number;
  },
) => request<Incident>('PATCH', `/api/incidents/${encodeURIComponent(id)}`, patch);
export const chooseActFigure = (actId: string, body: { victims: number | null; reason: string }) =>
  request<Incident>('PUT', `/api/acts/${encodeURIComponent(actId)}/chosen-figure`, body);

export const search = (params: Record<string, string | undefined>) =>
  request<SearchResult>('GET', `/api/search${query(params)}`);

export const getTimeline = () => request<Timeline>('GET', '/api/stats/timeline');
export const getMapStats = (params: Record<string, string | undefined> = {}) =>
  request<MapStats>('GET', `/api/stats/map${query(params)}`);
/** Acts and victims by one dimension under the incident filters (`by`, `view` and the filters). */
export const getStatsBreakdown = (params: Record<string, string | undefined>) =>
  request<StatsBreakdown>('GET', `/api/stats/breakdown${query(params)}`);
export const getStatsPlaces = (params: Record<string, string | undefined>) =>
  request<StatsPlaces>('GET', `/api/stats/places${query(params)}`);

// Public intake: the key and the submission need no session (the GET hands out the CSRF cookie the
// POST then echoes); listing and opening are for members the policy allows.
export const getIntakeKey = () => request<IntakeKey>('GET', '/api/intake/key');
export const submitIntake = (input: { sealed: string; keyId: string }) =>
  request<{ reference: string }>('POST', '/api/intake', input);
export const listIntake = () => request<{ items: IntakeSubmission[] }>('GET', '/api/intake');
export const openIntake = (id: string) =>
  request<OpenedSubmission>('POST', `/api/intake/${encodeURIComponent(id)}/open`);
export const checkReportStatus = (reference: string) =>
  request<ReportStatus>('POST', '/api/intake/status', { reference });
export const countNewIntake = () => request<{ new: number }>('GET', '/api/intake/counts');
const intakeAction = (id: string, action: string, body: unknown = {}) =>
  request<IntakeSubmission>('POST', `/api/intake/${encodeURIComponent(id)}/${action}`, body);
export const triageIntake = (id: string) => intakeAction(id, 'triage');
export const discardIntake = (id: string, reason: DiscardReason) => intakeAction(id, 'discard', { reason });
export const convertIntake = (id: string, caseType: CaseType | null) =>
  intakeAction(id, 'convert', caseType ? { case: { type: caseType } } : {});

// Administration (administrators) and one's own account.
export const listUsers = () => request<{ items: Account[] }>('GET', '/api/users');
export const inviteUser = (input: { email: string; role: Role }) =>
  request<Invitation>('POST', '/api/users', input);
const userAction = <T>(id: string, action: string) =>
  request<T>('POST', `/api/users/${encodeURIComponent(id)}/${action}`);
export const disableUser = (id: string) => userAction<Account>(id, 'disable');
export const enableUser = (id: string) => userAction<Account>(id, 'enable');
export const unlockUser = (id: string) => userAction<unknown>(id, 'unlock');
export const resetUserPassword = (id: string) => userAction<Invitation>(id, 'reset-password');
export const changeUserRole = (id: string, role: Role) =>
  request<unknown>('PATCH', `/api/users/${encodeURIComponent(id)}`, { role });
export const acceptInvitation = (input: { code: string; password: string }) =>
  request<{ id: string; email: string }>('POST', '/api/invitation', input);
export const recoverAccount = (input: { email: string; recoveryKey: string; password: string }) =>
  request<void>('POST', '/api/recovery', input);
export const startTotp = () => request<TotpEnrolment>('POST', '/api/me/totp');
export const confirmTotp = (code: string) => request<void>('POST', '/api/me/totp/confirm', { code });
export const listAudit = (params: Record<string, string | undefined>) =>
  request<{ items: AuditEntry[]; nextBefore: number | null }>('GET', `/api/audit${query(params)}`);
export const verifyAudit = () => request<AuditVerdict>('POST', '/api/audit/verify');
export const jobQueueStatus = () => request<QueueStatus>('GET', '/api/jobs');
export const retryJob = (id: string) => request<Job>('POST', `/api/jobs/${encodeURIComponent(id)}/retry`);
export const listCompartments = () => request<{ items: Compartment[] }>('GET', '/api/compartments');
export const addCompartmentMember = (code: string, email: string) =>
  request<void>('POST', `/api/compartments/${encodeURIComponent(code)}/members`, { email });
export const removeCompartmentMember = (code: string, userId: string) =>
  request<void>(
    'DELETE',
    `/api/compartments/${encodeURIComponent(code)}/members/${encodeURIComponent(userId)}`,
  );
