/** The import routes (src/server/routes/imports.ts): multipart, the file as part "file". */
import type { ImportReport } from '../../../src/core/importFields.ts';
import { CSRF_HEADER, csrfToken, errorFrom } from '../api/client.ts';

export type { ImportReport };

export interface ImportColumns {
  kind: 'csv' | 'xlsx';
  headers: string[];
  rows: number;
  sample: string[][];
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
