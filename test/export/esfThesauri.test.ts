/**
 * Every ESF term Attest maps to is the micro-thesaurus's own: the vocab number exists in the named
 * list with the same English label (checked against ../shared/bench/esf where it is present).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseCsv } from '../../src/analysis/csv.ts';
import {
  ESF_LISTS,
  INTERVENTION_TYPE_ESF,
  PERPETRATOR_DEGREE_ESF,
  VICTIM_STATUS_ESF,
} from '../../src/core/esfThesauri.ts';
import { type EsfTerm, EVENT_TYPE_ESF } from '../../src/core/vocabulary.ts';
import { itWithShared, sharedFile } from '../support/shared.ts';

const VOCAB = 'bench/esf/mt_vocab_all.csv';

itWithShared(VOCAB, 'maps only to terms of the right micro-thesaurus, with their labels', () => {
  const [header, ...rows] = parseCsv(readFileSync(sharedFile(VOCAB), 'utf8')).map((row) => row.cells);
  const at = (name: string) => header!.indexOf(name);
  const label = new Map(
    rows.map((row) => [`${row[at('list_code')]}:${row[at('vocab_number')]}`, row[at('en')]]),
  );
  const check = (list: number, mapping: Record<string, EsfTerm>) => {
    for (const [code, term] of Object.entries(mapping))
      expect(label.get(`${list}:${term.vocabNumber}`), `${code} → ${term.vocabNumber}`).toBe(term.label);
  };
  check(ESF_LISTS.typesOfActs, EVENT_TYPE_ESF);
  check(ESF_LISTS.degreesOfInvolvement, PERPETRATOR_DEGREE_ESF);
  check(ESF_LISTS.statusAsVictim, VICTIM_STATUS_ESF);
  check(ESF_LISTS.typesOfIntervention, INTERVENTION_TYPE_ESF);
});
