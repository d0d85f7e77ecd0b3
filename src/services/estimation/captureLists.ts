/**
 * The capture table the estimation page works on, from either place lists come from
 * (docs/analysis.md, "The estimation page"):
 * - the database: which named victims each chosen source, publisher or organisation reported
 *   (store/estimation.ts), counted once per person (their key, never a name), two records linked by
 *   a linkage run counted as one (personLinkage.ts);
 * - an uploaded lists file in the `attest estimate` format, parsed in memory and discarded: only the
 *   aggregated table (a count per capture pattern) leaves this function.
 */
import type { CaptureTable } from '../../analysis/mse/captureTable.ts';
import { parseListsCsv } from '../../analysis/mse/parseListsCsv.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { Queryable } from '../../store/db.ts';
import { type AvailableList, estimationRepository, type ListKind } from '../../store/estimation.ts';
import { disjointPairs, overlapsOf } from './overlaps.ts';
import type { PersonLinkage } from './personLinkage.ts';
import type { LinkageRunSummary, ListsInput, OverlapsAnswer } from './schemas.ts';

export interface ListRef {
  name: string;
  kind: ListKind | 'upload';
  ref: string | null;
}

export interface BuiltLists {
  refs: ListRef[];
  table: CaptureTable;
  form: 'database' | 'aggregated' | 'individual';
  /** Lists from the database: the linkage run whose clusters count as one person each. */
  linkage: LinkageRunSummary | null;
}

/** At most this many lists are offered to choose from, the largest first. */
export const OFFERED_LISTS = 500;

export function availableLists(db: Queryable, linkage: PersonLinkage): Promise<AvailableList[]> {
  return estimationRepository(db).availableLists(OFFERED_LISTS, linkage.linked);
}

/** The name a database list goes by in the chart and the model terms. */
export function listName(list: Pick<AvailableList, 'kind' | 'ref' | 'label' | 'sealed'>): string {
  if (list.sealed) return `sealed source ${list.ref.slice(0, 8)}`;
  // A colon joins list names in model terms (A:B), so a title's own colon would read as two lists.
  const label = list.label ?? `${list.kind} ${list.ref.slice(0, 8)}`;
  return label.replace(/:/g, ';').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** `linkage` applies to lists from the database (personLinkage.ts); an uploaded file is linked already. */
export async function buildLists(
  db: Queryable,
  input: ListsInput,
  linkage: PersonLinkage,
): Promise<BuiltLists> {
  if (input.kind === 'upload') {
    let parsed: ReturnType<typeof parseListsCsv>;
    try {
      parsed = parseListsCsv(input.csv, input.stratumColumn ? { stratumColumn: input.stratumColumn } : {});
    } catch (error) {
      // Say it is the uploaded file, then where in it (row, column) and why.
      if (error instanceof InvalidInput)
        throw new InvalidInput(`body.lists.csv ${error.field}`, error.reason);
      throw error;
    }
    return {
      refs: parsed.lists.map((name) => ({ name, kind: 'upload', ref: null })),
      table: { lists: parsed.lists, strata: parsed.strata },
      form: parsed.form,
      linkage: null,
    };
  }

  const seen = new Set<string>();
  input.lists.forEach((list, index) => {
    const key = `${list.kind}\u0000${list.ref}`;
    if (seen.has(key)) throw new InvalidInput(`body.lists.lists.${index}`, 'the same list is chosen twice');
    seen.add(key);
  });
  const repository = estimationRepository(db);
  const offered = new Map(
    (await repository.availableLists(OFFERED_LISTS)).map((list) => [`${list.kind}\u0000${list.ref}`, list]),
  );
  const refs: ListRef[] = [];
  const members: string[][] = [];
  const names = new Set<string>();
  for (const [index, list] of input.lists.entries()) {
    const found = await repository.members(list.kind, list.ref, linkage.linked);
    if (!found.exists) throw new InvalidInput(`body.lists.lists.${index}`, `no such ${list.kind}`);
    const known = offered.get(`${list.kind}\u0000${list.ref}`);
    let name = listName(known ?? { kind: list.kind, ref: list.ref, label: null, sealed: false });
    // Names are model terms (A:B): two lists never share one.
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${name} (${n})`;
    names.add(name.toLowerCase());
    refs.push({ name, kind: list.kind, ref: list.ref });
    members.push(found.victims);
  }
  const patternOf = new Map<string, number>();
  members.forEach((victims, bit) => {
    for (const victim of victims) patternOf.set(victim, (patternOf.get(victim) ?? 0) | (1 << bit));
  });
  const counts = new Float64Array(1 << refs.length);
  for (const pattern of patternOf.values()) counts[pattern]! += 1;
  return {
    refs,
    table: { lists: refs.map((ref) => ref.name), strata: [{ name: null, counts }] },
    form: 'database',
    linkage: linkage.run,
  };
}

/** The chart's data and the conditions worth explaining before anyone runs an estimate. */
export function describeLists(built: BuiltLists): OverlapsAnswer {
  const overlaps = overlapsOf(built.table);
  const notices: OverlapsAnswer['notices'] = [];
  if (built.refs.length === 2) notices.push({ code: 'two-lists', lists: [] });
  const empty = overlaps.lists.filter((list) => list.size === 0).map((list) => list.name);
  if (empty.length > 0) notices.push({ code: 'empty-list', lists: empty });
  const disjoint = disjointPairs(built.table).filter(
    ([a, b]) => overlaps.lists[a]!.size > 0 && overlaps.lists[b]!.size > 0,
  );
  for (const [a, b] of disjoint)
    notices.push({ code: 'no-overlap', lists: [built.table.lists[a]!, built.table.lists[b]!] });
  if (built.table.strata.length > 1 || built.table.strata[0]!.name !== null)
    notices.push({ code: 'strata', lists: [] });
  return {
    lists: overlaps.lists.map((list, i) => ({ ...built.refs[i]!, size: list.size })),
    observed: overlaps.observed,
    intersections: overlaps.intersections,
    strata: overlaps.strata,
    form: built.form,
    notices,
    linkage: built.linkage,
  };
}
