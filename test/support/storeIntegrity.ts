/**
 * The oracle of the crash tests: opens a store as the next command would and cross-checks every
 * source row against the preserved originals. Opening the embedded store takes its lock, so a lock
 * left behind by a killed process shows here as a store that does not open.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../src/store/fileStore.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { StoreConfig } from '../../src/store/storeConfig.ts';

export interface StoreInspection {
  /** SHA-256 of every source row. */
  sources: Set<string>;
  /** Rows whose original file is absent. */
  missingOriginals: string[];
  /** Rows whose original no longer hashes to the row's SHA-256. */
  corruptOriginals: string[];
  /** Leftover temporary files of interrupted writes (harmless: never read, named apart). */
  temporaryFiles: string[];
  /** Originals no row points at (a crash between the file and its row; a re-run reuses them). */
  unreferencedOriginals: string[];
  /** Anything else under files/: neither an original, nor a temporary file, nor a directory. */
  strayFiles: string[];
}

const ORIGINAL = /^([0-9a-f]{2})\/([0-9a-f]{2})\/(\1\2[0-9a-f]{60})$/;
// files/tmp/ since writes keep their temporaries apart; beside the originals in older versions.
const TEMPORARY = /^(?:tmp|[0-9a-f]{2}\/[0-9a-f]{2})\/[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;

export async function inspectStore(config: StoreConfig): Promise<StoreInspection> {
  const store = await openStore(config, { command: 'crash check' });
  let rows: Array<{ sha256: string }>;
  try {
    rows = await store.db.query<{ sha256: string }>('select sha256 from sources');
  } finally {
    await store.close();
  }
  const sources = new Set(rows.map((row) => row.sha256));
  const onDisk = scanFiles(store.layout.files);
  const missingOriginals: string[] = [];
  const corruptOriginals: string[] = [];
  for (const sha256 of sources) {
    if (!onDisk.originals.has(sha256)) missingOriginals.push(sha256);
    else if (sha256Hex(store.files.get(sha256)) !== sha256) corruptOriginals.push(sha256);
  }
  return {
    sources,
    missingOriginals,
    corruptOriginals,
    temporaryFiles: onDisk.temporary,
    unreferencedOriginals: [...onDisk.originals].filter((sha256) => !sources.has(sha256)),
    strayFiles: onDisk.stray,
  };
}

/** Originals (by hash) and other files under files/; the progress probe of the crash loop uses it too. */
export function scanFiles(root: string): { originals: Set<string>; temporary: string[]; stray: string[] } {
  const originals = new Set<string>();
  const temporary: string[] = [];
  const stray: string[] = [];
  let entries: Array<{ name: string; parentPath: string; isFile(): boolean }>;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return { originals, temporary, stray };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = join(entry.parentPath, entry.name).slice(root.length + 1);
    const original = ORIGINAL.exec(relative);
    if (original?.[3]) originals.add(original[3]);
    else if (TEMPORARY.test(relative)) temporary.push(relative);
    else stray.push(relative);
  }
  return { originals, temporary, stray };
}
