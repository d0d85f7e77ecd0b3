/**
 * What a backup archive holds, listed in its last entry (manifest.json): every other entry with its
 * size and SHA-256, the tables in load order, sequences, the migrations the dump was made under and
 * the audit head. Restore reads the whole archive against it before writing anything.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'attest-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  backend: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({ name: z.string(), rows: z.number().int().nonnegative(), chunks: z.array(z.string()) }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number().int() })),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: sha256 }),
  originals: z.number().int().nonnegative(),
  entries: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Where an original sits in the archive (the same layout as the data directory's files/). */
export function originalEntry(sha: string): string {
  return `files/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
}

export const ORIGINAL_ENTRY = /^files\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})$/;
