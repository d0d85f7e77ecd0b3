/**
 * How well could any linker do? An oracle clustering for synthetic lists with known truth: it knows
 * each record's true name (given name, surname, sex — however the record spelled, swapped, mistyped
 * or abbreviated it) and the true patronymic when the record writes one, but it must tell namesakes
 * apart on what the records say: the birth date as written (with its typos and swaps) and whether a
 * patronymic is written. Its F1 is the ceiling against which a linker's F1 is judged: pairs of
 * namesakes that no field separates cannot be decided by anyone.
 *
 * Within each true name, records with full dates join when their dates are near (compareDates level
 * exact or near: the errors lists make) and patronymics do not conflict; a year-only record joins the
 * one group whose dates carry its year; a record without a date joins the one group of its name.
 * When a record could belong to several groups, the `strict` policy leaves it alone (what a careful
 * linker should do: send it to review) and `greedy` puts it with the largest group (a guess, right
 * more often than not when one person dominates). Pure; no truth beyond names is used.
 */
import { compareDates, type PartialDate, parsePartialDate } from './compareDates.ts';
import type { GeneratedLists } from './generateVictimLists.ts';

export interface OracleRecord {
  id: string;
  /** The record's true name, identical for all records of one person and their namesakes. */
  nameKey: string;
  birth: PartialDate | null;
  /** The true patronymic when the record writes one, else null. */
  patronymic: string | null;
  /** The list the record is on: a person is rarely on one list twice. */
  list: string;
}

export type OraclePolicy = 'strict' | 'greedy';

interface Group {
  members: OracleRecord[];
  years: Set<number>;
  patronymics: Set<string>;
  lists: Set<string>;
}

export function oracleClusters(records: readonly OracleRecord[], policy: OraclePolicy): string[][] {
  const byName = new Map<string, OracleRecord[]>();
  for (const record of records) {
    const list = byName.get(record.nameKey);
    if (list) list.push(record);
    else byName.set(record.nameKey, [record]);
  }
  const clusters: string[][] = [];
  for (const namesakes of byName.values()) {
    for (const group of groupNamesakes(namesakes, policy)) {
      if (group.members.length > 1) clusters.push(group.members.map((r) => r.id));
    }
  }
  return clusters;
}

/** The oracle's view of generated lists (generateVictimLists' columns and truth). */
export function oracleRecordsOf(lists: GeneratedLists): OracleRecord[] {
  return lists.rows.map((row) => {
    const id = row[0]!;
    const person = lists.personOf.get(lists.entityOf.get(id) ?? '');
    if (!person) throw new Error(`no person generated record ${id}`);
    const [given = '', surname = '', patronymic = '', birth = ''] = row.slice(2);
    // A patronymic is written in its column or after the given name (which may sit in the surname column).
    const written = patronymic !== '' || given.includes(' ') || surname.includes(' ');
    return {
      id,
      nameKey: `${person.given}|${person.surname}|${person.female ? 'f' : 'm'}`,
      birth: parsePartialDate(birth),
      patronymic: written ? person.patronymic : null,
      list: row[1]!,
    };
  });
}

const isFull = (d: PartialDate | null): d is PartialDate => d !== null && d.month > 0 && d.day > 0;

function compatible(group: Group, record: OracleRecord): boolean {
  if (record.patronymic === null) return group.patronymics.size <= 1;
  return (
    group.patronymics.size === 0 || (group.patronymics.size === 1 && group.patronymics.has(record.patronymic))
  );
}

function add(group: Group, record: OracleRecord): void {
  group.members.push(record);
  if (record.birth) group.years.add(record.birth.year);
  if (record.patronymic !== null) group.patronymics.add(record.patronymic);
  group.lists.add(record.list);
}

const newGroup = (record: OracleRecord): Group => {
  const group: Group = { members: [], years: new Set(), patronymics: new Set(), lists: new Set() };
  add(group, record);
  return group;
};

function groupNamesakes(records: OracleRecord[], policy: OraclePolicy): Group[] {
  const full = records.filter((r) => isFull(r.birth));
  const yearOnly = records.filter((r) => r.birth !== null && !isFull(r.birth));
  const dateless = records.filter((r) => r.birth === null);

  // Full dates: connected components of near dates with no patronymic conflict between the two.
  const parent = full.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < full.length; i++) {
    for (let j = i + 1; j < full.length; j++) {
      const a = full[i]!;
      const b = full[j]!;
      const patronymicsAgree =
        a.patronymic === null || b.patronymic === null || a.patronymic === b.patronymic;
      if (patronymicsAgree && compareDates(a.birth!, b.birth!) <= 1) parent[find(i)] = find(j);
    }
  }
  const byRoot = new Map<number, Group>();
  full.forEach((record, i) => {
    const root = find(i);
    const group = byRoot.get(root);
    if (group) add(group, record);
    else byRoot.set(root, newGroup(record));
  });
  const groups = [...byRoot.values()];

  // A record placed alone because it fits several groups is not a group others may join.
  const closed = new Set<Group>();
  const place = (record: OracleRecord, compatibleGroups: Group[]): void => {
    // Several candidates: those not yet on the record's list are likelier (a person is rarely
    // named twice on one list).
    const elsewhere = compatibleGroups.filter((g) => !g.lists.has(record.list));
    const candidates = compatibleGroups.length > 1 && elsewhere.length > 0 ? elsewhere : compatibleGroups;
    if (candidates.length === 0) groups.push(newGroup(record));
    else if (candidates.length > 1 && policy === 'strict') {
      const alone = newGroup(record);
      closed.add(alone);
      groups.push(alone);
    } else
      add(
        candidates.reduce((x, y) => (y.members.length > x.members.length ? y : x)),
        record,
      );
  };
  const fullGroups = groups.length;
  for (const record of yearOnly) {
    const year = record.birth!.year;
    const fits = (g: Group, years: number[]) =>
      !closed.has(g) && years.some((y) => g.years.has(y)) && compatible(g, record);
    // A full-dated group of that year first, then of a year next to it (a mistyped year); failing
    // that, other year-only records of that year.
    let withFullDates = groups.slice(0, fullGroups).filter((g) => fits(g, [year]));
    if (withFullDates.length === 0)
      withFullDates = groups.slice(0, fullGroups).filter((g) => fits(g, [year - 1, year + 1]));
    place(
      record,
      withFullDates.length > 0 ? withFullDates : groups.slice(fullGroups).filter((g) => fits(g, [year])),
    );
  }
  for (const record of dateless)
    place(
      record,
      groups.filter((g) => !closed.has(g) && compatible(g, record)),
    );
  return groups;
}
