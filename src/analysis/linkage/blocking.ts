/**
 * Blocking: which pairs are compared at all. Comparing every pair is quadratic (5·10⁹ pairs for
 * 100,000 records), so records are grouped by several keys and only pairs sharing at least one key are
 * compared (the union of blocks: a pair missed by one key is usually caught by another; Christen,
 * "Data Matching", 2012, ch. 4). Keys:
 *
 * - name pair `np:` — the skeleton of one name token plus the first two letters of the skeleton of
 *   another token of the same record, for every ordered pair of tokens. Order-free (swapped given
 *   name and surname give the same keys) and transliteration-aware (skeletons), and a typo in one
 *   token is tolerated because the other ordered pair still matches. Records without an initial
 *   also get the key with one letter of the other token, which is what a record with an initial
 *   ("З. Хахутаова") has: without it such a record met the full name only through its birth date,
 *   and not at all when either had none.
 * - name and year `ny:` — the skeleton of one name token plus the birth year, and plus the year
 *   after it (so years one apart share a key), which catches typos that change the first letter of
 *   the other token's skeleton, also when the year was mistyped too.
 * - single name `n1:` — the skeleton of a record that has only one name token.
 * - birth date `d:` — year with day and month sorted (swaps block together).
 * - one key per postcode or identifier column (`c<column>:value`), exact.
 *
 * Common names make giant blocks (Magomed is the given name of a large share of Chechen men). A block
 * larger than `maxBlockSize` is not compared in full: its records are sorted by a name-and-date key
 * and each is compared with its `window − 1` neighbours on either side (the sorted-neighbourhood
 * method, Hernández & Stolfo 1995), and the caller is told how many blocks were reduced.
 */
import { dateBlockKey } from './compareDates.ts';
import type { PreparedRecord } from './comparisonVector.ts';

export interface BlockingOptions {
  maxBlockSize: number;
  window: number;
  /** Indices (into PreparedRecord.strings) of the columns used as exact blocking keys. */
  exactSlots: number[];
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlockSize: 60, window: 10, exactSlots: [] };

export interface BlockingStats {
  keys: number;
  blocks: number;
  largestBlock: number;
  reducedBlocks: number;
}

export function blockingKeys(record: PreparedRecord, exactSlots: number[]): string[] {
  const keys = new Set<string>();
  const all = [...new Set([...record.given, ...record.surname].map((t) => t.skel))];
  // Initials only ever serve as the one-letter half of a key: alone they would block half the list.
  const skels = all.filter((s) => s.length > 1);
  if (all.length === 1 && skels.length === 1) keys.add(`n1:${skels[0]}`);
  const initialled = all.some((s) => s.length === 1);
  for (const a of skels) {
    for (const b of all) if (a !== b) keys.add(`np:${a}|${b.slice(0, 2)}`);
    // A record with an initial ("З. Хахутаова") meets the full name on the first letter alone.
    if (!initialled) for (const b of skels) if (a !== b) keys.add(`np:${a}|${b.slice(0, 1)}`);
    if (record.birth) for (const y of [record.birth.year, record.birth.year + 1]) keys.add(`ny:${a}|${y}`);
  }
  const date = dateBlockKey(record.birth);
  if (date) keys.add(`d:${date}`);
  for (const slot of exactSlots) {
    const value = record.strings[slot];
    if (value) keys.add(`c${slot}:${value}`);
  }
  return [...keys];
}

function sortKey(record: PreparedRecord): string {
  const skels = [...record.given, ...record.surname].map((t) => t.skel).sort();
  return `${skels.join(' ')}|${dateBlockKey(record.birth) ?? ''}`;
}

/**
 * Calls `visit(i, j)` (i < j) once for every candidate pair. Deduplication across blocks uses a stamp
 * per record rather than a set of pairs, so memory stays linear in the number of records.
 */
export function forEachCandidatePair(
  records: PreparedRecord[],
  options: BlockingOptions,
  visit: (i: number, j: number) => void,
): BlockingStats {
  const index = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    for (const key of blockingKeys(records[i]!, options.exactSlots)) {
      const members = index.get(key);
      if (members) members.push(i);
      else index.set(key, [i]);
    }
  }
  // Per record: the blocks it belongs to (only blocks of two or more), with its position in each.
  const blocks: number[][] = [];
  const reduced: boolean[] = [];
  const memberships: Array<Array<[number, number]>> = records.map(() => []);
  let largestBlock = 0;
  let reducedBlocks = 0;
  for (const members of index.values()) {
    if (members.length < 2) continue;
    const big = members.length > options.maxBlockSize;
    if (big) {
      const keys = members.map((i) => sortKey(records[i]!));
      const order = members
        .map((_, k) => k)
        .sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
      const sorted = order.map((k) => members[k]!);
      members.splice(0, members.length, ...sorted);
      reducedBlocks++;
    }
    largestBlock = Math.max(largestBlock, members.length);
    const b = blocks.length;
    blocks.push(members);
    reduced.push(big);
    members.forEach((i, position) => {
      memberships[i]!.push([b, position]);
    });
  }

  const stamp = new Int32Array(records.length).fill(-1);
  for (let i = 0; i < records.length; i++) {
    stamp[i] = i;
    for (const [b, position] of memberships[i]!) {
      const members = blocks[b]!;
      let lo = 0;
      let hi = members.length - 1;
      if (reduced[b]) {
        lo = Math.max(0, position - options.window + 1);
        hi = Math.min(members.length - 1, position + options.window - 1);
      }
      for (let p = lo; p <= hi; p++) {
        const j = members[p]!;
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        visit(i, j);
      }
    }
  }
  return { keys: index.size, blocks: blocks.length, largestBlock, reducedBlocks };
}
