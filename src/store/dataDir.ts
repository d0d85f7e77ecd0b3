/**
 * The data directory holds the embedded database and the preserved files. A marker file proves it is
 * ours, so Attest never writes into (or wipes) a directory that belongs to something else.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { StorageUnavailable } from '../core/errors.ts';
import { describeFsError } from '../runtime/fsErrors.ts';

export const DATA_DIR_MARKER = 'attest.json';
const FORMAT = 'attest-data';
const FORMAT_VERSION = 1;
/** A marker a killed first start left half-made: the directory still counts as empty. */
const MARKER_BEING_WRITTEN = /^attest\.json\.\d+\.tmp$/;

export interface DataDirLayout {
  root: string;
  database: string;
  files: string;
  /** Append-only record of the audit chain's head, outside the database (src/store/auditAnchor.ts). */
  auditAnchor: string;
  /** What could not be made private (say it to the user; nothing else is wrong). */
  warnings: string[];
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    database: join(root, 'db'),
    files: join(root, 'files'),
    auditAnchor: join(root, 'audit-anchor.log'),
    warnings: [],
  };
}

/** Creates the data directory on first use, or checks that an existing one is ours. */
export function prepareDataDir(root: string): DataDirLayout {
  const setting = `data directory ${root}`;
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new StorageUnavailable(`${setting} is a file, not a directory`);
    const markerPath = join(root, DATA_DIR_MARKER);
    if (!existsSync(markerPath)) {
      if (readdirSync(root).some((name) => !MARKER_BEING_WRITTEN.test(name))) {
        throw new StorageUnavailable(
          `${setting} is not an Attest data directory (no ${DATA_DIR_MARKER}); choose an empty or new directory with --data or ATTEST_DATA`,
        );
      }
      writeMarker(markerPath);
    } else {
      checkMarker(markerPath, setting);
    }
  } else {
    try {
      mkdirSync(root, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new StorageUnavailable(`cannot create ${setting}: ${describeFsError(error)}`);
    }
    writeMarker(join(root, DATA_DIR_MARKER));
  }
  const layout = dataDirLayout(root);
  try {
    mkdirSync(layout.files, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StorageUnavailable(`cannot use ${setting}: ${describeFsError(error)} (${layout.files})`);
  }
  for (const directory of [root, layout.files, layout.database]) keepPrivate(directory, layout.warnings);
  return layout;
}

/**
 * Only the owner may enter the data directory and its database and files: a directory made by
 * hand, or by an older version under a loose umask, is tightened to 0700. What is inside a 0700
 * directory is out of other users' reach whatever its own mode.
 */
function keepPrivate(directory: string, warnings: string[]): void {
  if (!existsSync(directory)) return;
  const mode = statSync(directory).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(directory, 0o700);
  } catch (error) {
    warnings.push(
      `${directory} is readable by other users (mode ${mode.toString(8)}) and could not be made private: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/** Written aside and renamed: a process killed mid-write must not leave an empty marker that locks the directory out. */
function writeMarker(path: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    `${JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString() })}\n`,
    {
      mode: 0o600,
    },
  );
  renameSync(temporary, path);
}

function checkMarker(path: string, setting: string): void {
  let marker: unknown;
  try {
    marker = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new StorageUnavailable(
      `${setting} has an unreadable ${DATA_DIR_MARKER}; it is not an Attest data directory`,
    );
  }
  const { format, version } = (marker ?? {}) as { format?: unknown; version?: unknown };
  if (format !== FORMAT)
    throw new StorageUnavailable(
      `${setting} is not an Attest data directory (${DATA_DIR_MARKER} says otherwise)`,
    );
  if (typeof version !== 'number' || version > FORMAT_VERSION) {
    throw new StorageUnavailable(
      `${setting} was written by a newer version of Attest (format ${String(version)})`,
    );
  }
}
