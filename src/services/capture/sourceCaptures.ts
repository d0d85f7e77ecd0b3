/** Reading a source's captures, their preserved files and the timestamp tokens beside them. */
import { NotFound } from '../../core/errors.ts';
import { type CaptureFile, type CaptureRecord, capturesRepository } from '../../store/captures.ts';
import type { Store } from '../../store/openStore.ts';
import { sourcesRepository } from '../../store/sources.ts';
import { timestampsRepository } from '../../store/timestamps.ts';
import { type OriginalTimestamp, timestampsOfOriginals } from '../timestamps/timestampsOf.ts';

export { CAPTURE_FILE_ROLES, type CaptureRecord } from '../../store/captures.ts';

export interface SourceCaptures {
  sha256: string;
  captures: CaptureRecord[];
  timestamps: OriginalTimestamp[];
}

async function sourceSha256(store: Store, sourceId: string): Promise<string> {
  const source = await sourcesRepository(store.db).findById(sourceId);
  if (!source) throw new NotFound('source', sourceId);
  return source.sha256;
}

export async function getSourceCaptures(store: Store, sourceId: string): Promise<SourceCaptures> {
  const sha256 = await sourceSha256(store, sourceId);
  const captures = await capturesRepository(store.db).listForSource(sourceId);
  const hashes = [sha256, ...captures.flatMap((capture) => capture.files.map((file) => file.sha256))];
  return { sha256, captures, timestamps: await timestampsOfOriginals(store, hashes) };
}

/** A file one of the source's captures preserved, with its bytes. */
export async function captureFileOf(
  store: Store,
  sourceId: string,
  sha256: string,
): Promise<CaptureFile & { bytes: Uint8Array }> {
  await sourceSha256(store, sourceId);
  const file = await capturesRepository(store.db).findFile(sourceId, sha256);
  if (!file) throw new NotFound('preserved file', sha256);
  return { ...file, bytes: store.files.get(sha256) };
}

/** The RFC 3161 token stored for one of the source's originals (its own or a capture's file). */
export async function timestampTokenOf(store: Store, sourceId: string, sha256: string): Promise<Uint8Array> {
  const own = await sourceSha256(store, sourceId);
  if (own !== sha256 && !(await capturesRepository(store.db).findFile(sourceId, sha256)))
    throw new NotFound('preserved file', sha256);
  const [record] = await timestampsRepository(store.db).forOriginals([sha256]);
  if (!record?.token) throw new NotFound('timestamp token', sha256);
  return record.token;
}
