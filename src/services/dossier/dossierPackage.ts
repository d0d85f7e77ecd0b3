/**
 * The ZIP of a dossier: the PDF, the originals of the sources the level allows (partner level only:
 * a public dossier withholds them, as a public export withholds their hashes), a manifest.json saying
 * what each file is, and SHA256SUMS, so `sha256sum -c SHA256SUMS` checks every file — the manifest
 * included — without any Attest tool.
 */
import { extname } from 'node:path';
import { zipSync } from 'fflate';
import { sha256Of } from '../export/files.ts';
import type { DossierContent } from './dossierContent.ts';

export const DOSSIER_FORMAT_VERSION = 1;

export interface DossierOriginal {
  ref: string;
  sourceId: string;
  sha256: string;
  fileName: string | null;
  bytes: Uint8Array;
}

interface PackagedFile {
  path: string;
  bytes: Uint8Array;
  kind: 'dossier' | 'original';
  source?: { ref: string; id: string; fileName: string | null };
}

/** The original's extension, when it is a plain one (so the file opens), after its SHA-256. */
function originalPath(original: DossierOriginal): string {
  const extension = extname(original.fileName ?? '').toLowerCase();
  return `originals/${original.sha256}${/^\.[a-z0-9]{1,8}$/.test(extension) ? extension : ''}`;
}

export function packageDossier(
  content: DossierContent,
  pdf: Uint8Array,
  originals: readonly DossierOriginal[],
): Uint8Array {
  const files: PackagedFile[] = [
    { path: 'dossier.pdf', bytes: pdf, kind: 'dossier' },
    ...originals.map(
      (original): PackagedFile => ({
        path: originalPath(original),
        bytes: original.bytes,
        kind: 'original',
        source: { ref: original.ref, id: original.sourceId, fileName: original.fileName },
      }),
    ),
  ];
  const manifest = {
    format: 'attest-dossier',
    formatVersion: DOSSIER_FORMAT_VERSION,
    incident: content.incident.id,
    level: content.level,
    createdAt: content.generatedAt.toISOString(),
    generatedBy: content.generatedBy,
    attestVersion: content.attestVersion,
    files: files.map((file) => ({
      path: file.path,
      kind: file.kind,
      bytes: file.bytes.byteLength,
      sha256: sha256Of(file.bytes),
      ...(file.source ? { source: file.source } : {}),
    })),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const listed = [...files, { path: 'manifest.json', bytes: manifestBytes }];
  const sums = listed.map((file) => `${sha256Of(file.bytes)}  ${file.path}\n`).join('');
  const entries: Record<string, Uint8Array> = {};
  for (const file of listed) entries[file.path] = file.bytes;
  entries.SHA256SUMS = new TextEncoder().encode(sums);
  // Fixed times in the archive: the same dossier zipped twice differs only where its content does.
  return zipSync(entries, { mtime: content.generatedAt });
}
