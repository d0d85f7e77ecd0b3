/**
 * The audit anchor: an append-only file in the data directory (`audit-anchor.log`, lines `seq hash`)
 * recording the chain head after every committed append. Someone who can rewrite the database but not
 * this file can no longer remove the newest entries unseen: verification compares every anchored
 * (seq, hash) with the chain. Several processes may append (PostgreSQL), so lines can arrive out of
 * order; the highest seq is the head.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { auditHeadAppendedIn } from './audit.ts';
import type { Db } from './db.ts';

export interface AuditAnchor {
  /** Every anchored entry: seq → hash. */
  entries: Map<number, Uint8Array>;
  /** The highest anchored entry, or null when nothing was anchored yet. */
  head: { seq: number; hash: Uint8Array } | null;
}

const LINE = /^(\d+) ([0-9a-f]{64})$/;

/** O_APPEND, then fsync: a line is either wholly there after a crash or torn at the end (ignored). */
export async function appendAuditAnchor(
  path: string,
  head: { seq: number; hash: Uint8Array },
): Promise<void> {
  const file = await open(path, 'a', 0o600);
  try {
    await file.write(`${head.seq} ${Buffer.from(head.hash).toString('hex')}\n`);
    await file.datasync();
  } finally {
    await file.close();
  }
}

/** Null when the file does not exist (a directory made before anchoring, or never audited). */
export function readAuditAnchor(path: string): AuditAnchor | null {
  if (!existsSync(path)) return null;
  const entries = new Map<number, Uint8Array>();
  let head: AuditAnchor['head'] = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue; // a torn last line from a crash mid-write
    const seq = Number(match[1]);
    const hash = new Uint8Array(Buffer.from(match[2]!, 'hex'));
    entries.set(seq, hash);
    if (!head || seq > head.seq) head = { seq, hash };
  }
  return { entries, head };
}

/**
 * Wraps the database so the head a transaction appended is anchored after that transaction commits
 * (never before: an anchored entry that then rolled back would look like a removal). A failed anchor
 * write does not undo the committed change; the next append anchors a later head, which covers it.
 */
export function anchoringAudit(db: Db, anchorPath: string): Db {
  return {
    ...db,
    async transaction(work) {
      let appended: { seq: number; hash: Uint8Array } | undefined;
      const result = await db.transaction(async (tx) => {
        const value = await work(tx);
        appended = auditHeadAppendedIn(tx);
        return value;
      });
      if (appended) await appendAuditAnchor(anchorPath, appended).catch(() => {});
      return result;
    },
  };
}
