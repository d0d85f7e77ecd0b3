/**
 * The gazetteer as parsed entries: every spelling of every place. The shared lists hold each place's
 * code, kind, canonical English name and the Latin-script spellings several languages share; a
 * language adds its own spellings in its folder (`languages/xx/places.ts`), declined where it
 * declines them (Russian cases).
 */
import { LANGUAGES } from '../languages/index.ts';
import { countries } from './countries.ts';
import { regionsAndCities } from './regionsAndCities.ts';

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

function ownSpellings(canonical: string): string[] {
  return LANGUAGES.flatMap((language) =>
    (language.places?.[canonical] ?? []).flatMap((name) => language.placeForms?.(name) ?? [name]),
  );
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
    forms: [canonical, ...names.slice(1), ...ownSpellings(canonical)],
    alsoAName,
  };
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...countries.map((line) => parse(line, 'country')),
  ...regionsAndCities.map((line) => parse(line, null)),
];
