/** The import routes (src/server/routes/imports.ts): multipart, the file as part "file". */
import { CSRF_HEADER, csrfToken, errorFrom } from '../api/client.ts';

export interface ImportColumns {
  kind: 'csv' | 'xlsx';
  headers: string[];
  rows: number;
  sample: string[][];
}

export interface ImportRowError {
  row: number;
  column: string;
  why: string;
}

export interface ImportReport {
  dryRun: boolean;
  onError: 'stop' | 'skip';
  rows: number;
  valid: number;
  imported: number;
  skipped: number;
  stopped: boolean;
  created: { incidents: number; acts: number; persons: number; sources: number };
  errors: ImportRowError[];
  ignoredColumns: string[];
  preview: Array<{
    row: number;
    incident: { title: string; tags: string[] };
    act: {
      type: string;
      date: string | null;
      place: string | null;
      country: string | null;
      victims: string | null;
      perpetrators: string[];
    } | null;
    persons: number;
    source: { title: string | null; url: string | null } | null;
  }>;
}

async function post<T>(path: string, file: File, fields: Record<string, string>): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export const readColumns = (file: File) => post<ImportColumns>('/api/imports/columns', file, {});

export const runImport = (
  file: File,
  options: { mapping: unknown; dryRun: boolean; onError: 'stop' | 'skip' },
) =>
  post<ImportReport>('/api/imports', file, {
    mapping: JSON.stringify(options.mapping),
    dryRun: String(options.dryRun),
    onError: options.onError,
  });
