import { Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { matchSealedText } from '../../core/sealedTextMatch.ts';
import type { Suggestions } from '../../core/suggestions.ts';
import { keyRing, type SymmetricKey } from '../../crypto/seal.ts';
import { newFileKey, openStream, sealedStreamSize, sealStream } from '../../crypto/secretStream.ts';
import { sodium, wipe } from '../../crypto/sodium.ts';
import { type CompartmentRow, compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { sha256HexYielding } from '../../store/fileStore.ts';
import type { Store } from '../../store/openStore.ts';
import { sealedSourcesRepository } from '../../store/sealedSources.ts';
import { type SourceRecord, sourcesRepository } from '../../store/sources.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import {
  keysForAction,
  resolveCompartment,
  unlockCompartmentKeys,
  wipeKeys,
} from '../compartments/compartments.ts';
import { defaultDecodePool } from './decodeSandbox/decodePool.ts';
import {
  checkIngestInput,
  type IngestInput,
  type IngestOptions,
  type IngestResult,
  sourceFrom,
} from './ingest.ts';
import { openContent, openMeta, type SealedMeta, sealFields } from './sealedEnvelopes.ts';

export interface SealedIngestOptions extends IngestOptions {
  /** A compartment code (C-0001); default: the organisation's compartment. */
  compartment?: string | undefined;
}

/**
 * Preserves one file sealed. The same bytes already stored sealed in the same compartment are a
 * duplicate; stored unsealed, or sealed elsewhere, they are refused (Conflict) rather than silently
 * left readable or moved.
 */
export async function ingestSealed(
  store: Store,
  actor: Actor,
  input: IngestInput,
  options: SealedIngestOptions = {},
): Promise<IngestResult> {
  checkIngestInput(input, options);
  const compartment = await resolveCompartment(store.db, options.compartment);
  const keys = await keysForAction(store.db, actor, 'source.seal', compartment, {
    recordType: 'source',
    recordId: null,
  });
  try {
    const key = keys.find((candidate) => candidate.id === compartment.currentKeyId)!;
    const sha256 = await sha256HexYielding(input.bytes);
    const existing = await sourcesRepository(store.db).findBySha256(sha256);
    if (existing) return duplicateOf(existing, compartment);

    const decoder = options.decoder ?? defaultDecodePool();
    const outcome = await decoder.decode(input.bytes, input.fileName, input.published ?? null);
    const source = sourceFrom(input, sha256, outcome);
    const fileKey = newFileKey();
    let sealed: { sealedMeta: Uint8Array; sealedContent: Uint8Array };
    let sealedOriginal: string;
    try {
      const encrypted = await sealStream(fileKey, input.bytes);
      // Written before the row, like any original: a failed commit leaves only an unreadable file.
      sealedOriginal = await store.files.put(encrypted);
      sealed = sealFields(
        key,
        source.id,
        {
          title: source.title,
          fileName: source.fileName,
          url: source.url,
          fileKey: sodium.to_base64(fileKey),
        },
        { text: source.text, suggestions: source.suggestions, warnings: source.warnings },
      );
    } finally {
      wipe(fileKey);
    }
    const stored = await store.db.transaction(async (tx) => {
      await checkKeyUnchanged(tx, compartment);
      const inserted = await sealedSourcesRepository(tx).insertUnlessPresent({
        id: source.id,
        sha256,
        byteSize: source.byteSize,
        mediaType: source.mediaType,
        encoding: source.encoding,
        publishedOn: source.publishedOn,
        language: source.language,
        capturedBy: source.capturedBy,
        notDecoded: source.notDecoded,
        compartmentId: compartment.id,
        ...sealed,
        sealedOriginal,
        sealedOriginalSize: sealedStreamSize(source.byteSize),
      });
      if (!inserted.duplicate) {
        await appendAudit(tx, {
          actor: actor.userId,
          action: 'source.create',
          recordType: 'source',
          recordId: source.id,
          details: {
            sha256,
            byteSize: source.byteSize,
            mediaType: source.mediaType,
            decoded: source.notDecoded === null,
            sealed: true,
            compartment: compartment.code,
          },
        });
      }
      return inserted;
    });
    if (stored.duplicate) {
      const winner = await sourcesRepository(store.db).findById(stored.id);
      return duplicateOf(winner!, compartment);
    }
    return {
      id: source.id,
      sha256,
      duplicate: false,
      title: null,
      language: source.language,
      suggestions: neutralSuggestions(source.language, source.publishedOn),
      notDecoded: source.notDecoded,
      // OCR reads a plaintext copy through temporary files, which a sealed original must never have.
      noText:
        source.notDecoded === null && source.text.trim() === ''
          ? 'sealed scans are not read by OCR (it works on plaintext temporary files)'
          : null,
      sealed: { compartment: compartment.code },
    };
  } finally {
    wipeKeys(keys);
  }
}

function neutralSuggestions(language: string, published: string | null): Suggestions {
  return { language, published, pii: [], events: [], claims: [], interventions: [] };
}

function duplicateOf(existing: SourceRecord, compartment: CompartmentRow): IngestResult {
  if (existing.compartmentId === null)
    throw new Conflict(
      `these bytes are already stored as source ${existing.id}, not sealed; a sealed copy would not hide them`,
    );
  if (existing.compartmentId !== compartment.id)
    throw new Conflict(
      `these bytes are already stored as sealed source ${existing.id} in another compartment`,
    );
  return {
    id: existing.id,
    sha256: existing.sha256,
    duplicate: true,
    title: null,
    language: existing.language,
    suggestions: neutralSuggestions(existing.language, existing.publishedOn),
    notDecoded: existing.notDecoded,
    noText: null,
    sealed: { compartment: compartment.code },
  };
}

/** Sealing happened outside any lock: a rotation committed since would leave this row under a retired key. */
async function checkKeyUnchanged(tx: Queryable, compartment: CompartmentRow): Promise<void> {
  const keyNow = await compartmentsRepository(tx).currentKeyIdForShare(compartment.id);
  if (keyNow !== compartment.currentKeyId)
    throw new Conflict(
      `the key of compartment ${compartment.code} was rotated while the source was being sealed; try again`,
    );
}

/** The compartment of a sealed source, or null when the source is not sealed. */
export async function sealedCompartmentOf(db: Queryable, id: string): Promise<CompartmentRow | null> {
  const compartmentId = await sealedSourcesRepository(db).compartmentOf(id);
  if (compartmentId === null) return null;
  return compartmentsRepository(db).findById(compartmentId);
}

/** Refusal shown to a non-member: it names the compartment, never the title or any text. */
function sealedNotice(compartment: CompartmentRow): Forbidden {
  return new Forbidden(`sealed source: only members of compartment ${compartment.code} may read it`);
}

async function keysToRead(
  db: Db,
  actor: Actor,
  compartment: CompartmentRow,
  id: string,
): Promise<SymmetricKey[]> {
  try {
    return await keysForAction(db, actor, 'source.readSealed', compartment, {
      recordType: 'source',
      recordId: id,
    });
  } catch (error) {
    if (error instanceof Forbidden) throw sealedNotice(compartment);
    throw error;
  }
}

/**
 * A sealed source opened for a member, as a SourceRecord with its title, file name, URL, text and
 * suggestions; the read is audited (`source.readSealed`), a refusal too.
 */
export async function openSealedSource(
  db: Db,
  actor: Actor,
  id: string,
  purpose: 'read' | 'review' = 'read',
): Promise<SourceRecord & { compartment: string }> {
  const row = await sealedSourcesRepository(db).findEnvelopes(id);
  if (!row) throw new NotFound('sealed source', id);
  const compartment = (await compartmentsRepository(db).findById(row.compartmentId))!;
  const keys = await keysToRead(db, actor, compartment, id);
  try {
    const ring = keyRing(keys);
    const meta = openMeta(ring, row);
    const content = openContent(ring, row);
    const source = (await sourcesRepository(db).findById(id))!;
    await recordAudit(db, {
      actor: actor.userId,
      action: 'source.readSealed',
      recordType: 'source',
      recordId: id,
      details: { compartment: compartment.code, purpose },
    });
    return {
      ...source,
      title: meta.title,
      fileName: meta.fileName,
      url: meta.url,
      text: content.text,
      suggestions: content.suggestions,
      warnings: content.warnings,
      compartment: compartment.code,
    };
  } finally {
    wipeKeys(keys);
  }
}

/** The original of a sealed source, decrypted for a member (audited). */
export async function sealedSourceOriginal(store: Store, actor: Actor, id: string) {
  const row = await sealedSourcesRepository(store.db).findEnvelopes(id);
  if (!row) throw new NotFound('sealed source', id);
  const compartment = (await compartmentsRepository(store.db).findById(row.compartmentId))!;
  const keys = await keysToRead(store.db, actor, compartment, id);
  let meta: SealedMeta;
  try {
    meta = openMeta(keyRing(keys), row);
  } finally {
    wipeKeys(keys);
  }
  if (!store.files.has(row.sealedOriginal)) throw new NotFound('original of source', id);
  const fileKey = sodium.from_base64(meta.fileKey);
  let bytes: Uint8Array;
  try {
    bytes = openStream(fileKey, store.files.get(row.sealedOriginal));
  } finally {
    wipe(fileKey);
  }
  const source = (await sourcesRepository(store.db).findById(id))!;
  await recordAudit(store.db, {
    actor: actor.userId,
    action: 'source.readSealed',
    recordType: 'source',
    recordId: id,
    details: { compartment: compartment.code, purpose: 'original' },
  });
  return { bytes, mediaType: source.mediaType, fileName: meta.fileName, sha256: source.sha256 };
}

/** How many sealed sources one search opens at most (newest first); beyond it, `truncated`. */
export const SEALED_SEARCH_LIMIT = 2_000;

export interface SealedSearchHit {
  id: string;
  title: string;
  compartment: string;
  snippet: string;
  highlights: Array<{ start: number; end: number }>;
  score: number;
}

/**
 * Sealed sources of the actor's compartments that contain every word of the query, best first. The
 * texts are opened in memory only; one audit entry per search says how many were opened and matched
 * (never the query, which may itself be a name).
 */
export async function searchSealedSources(
  db: Db,
  actor: Actor,
  query: string,
  limit = 20,
): Promise<{ hits: SealedSearchHit[]; total: number; truncated: boolean }> {
  const none = { hits: [], total: 0, truncated: false };
  if (query.trim() === '') return none;
  const compartments = await compartmentsRepository(db).compartmentsOf(actor.userId);
  // Counted before any key is opened: most searches find no sealed source in the searcher's
  // compartments, and every search page asks (GET /api/search, issue 17).
  const sealedSources = sealedSourcesRepository(db);
  if ((await sealedSources.countOf(compartments.map((compartment) => compartment.id))) === 0) return none;
  const keys: SymmetricKey[] = [];
  const codes = new Map<string, string>();
  try {
    for (const compartment of compartments) {
      const held = await unlockCompartmentKeys(db, actor, compartment.id);
      if (held.length === 0) continue;
      keys.push(...held);
      codes.set(compartment.id, compartment.code);
    }
    const ids = [...codes.keys()];
    if ((await sealedSources.countOf(ids)) === 0) return none;
    const rows = await sealedSources.newestOf(ids, SEALED_SEARCH_LIMIT);
    const ring = keyRing(keys);
    const hits: SealedSearchHit[] = [];
    for (const row of rows) {
      const content = openContent(ring, row);
      const meta = openMeta(ring, row);
      const match = matchSealedText(query, `${meta.title ?? ''}\n${content.text}`);
      if (!match) continue;
      hits.push({
        id: row.id,
        title: meta.title ?? meta.fileName,
        compartment: codes.get(row.compartmentId)!,
        ...match,
      });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const truncated = (await sealedSources.countOf(ids)) > rows.length;
    await recordAudit(db, {
      actor: actor.userId,
      action: 'source.searchSealed',
      recordType: 'source',
      recordId: null,
      details: { opened: rows.length, matched: hits.length, truncated },
    });
    return { hits: hits.slice(0, limit), total: hits.length, truncated };
  } finally {
    wipeKeys(keys);
  }
}
