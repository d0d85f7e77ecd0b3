/** The gazetteer as parsed entries: every spelling of every place, with Russian case forms expanded. */
import { countries } from './countries.ts';
import { regionsAndCities } from './regionsAndCities.ts';
import { russianCases } from './russianCases.ts';

export type PlaceKind = 'country' | 'region' | 'city';

export interface GazetteerEntry {
  /** Canonical English name. */
  name: string;
  country: string;
  kind: PlaceKind;
  /** Every written form, Russian cases included. */
  forms: string[];
  /** Also a surname or given name: only counts when no capitalised word precedes it. */
  alsoAName: boolean;
}

function expand(forms: string[]): string[] {
  return forms.flatMap((f) => (f.endsWith('*') ? russianCases(f.slice(0, -1)) : [f]));
}

function parse(line: string, kind: PlaceKind | null): GazetteerEntry {
  const fields = line.split('|');
  const country = fields[0] ?? '';
  const entryKind = kind ?? (fields[1] as PlaceKind);
  const names = fields.slice(kind ? 1 : 2);
  const first = names[0] ?? '';
  const alsoAName = first.startsWith('?');
  const canonical = first.replace(/^\?/, '').replace(/\*$/, '');
  return {
    name: canonical,
    country,
    kind: entryKind,
    forms: expand([canonical, ...names.slice(1)]),
    alsoAName,
  };
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...countries.map((line) => parse(line, 'country')),
  ...regionsAndCities.map((line) => parse(line, null)),
];
