/**
 * Attest's casework and intervention codes mapped to terms of the HURIDOCS Events Standard Formats
 * micro-thesauri, for the ESF-shaped export (`attest export --format esf-json`). Each term is its
 * vocab number and English label as the micro-thesauri give them; the types of acts (list 4) live
 * with the event types in vocabulary.ts.
 *
 * Provenance: HURIDOCS ESF micro-thesauri (HURIDOCS, Dueck/Guzman/Verstappen, 2001), lists 18
 * "Degrees of involvement", 20 "Types of intervention" and 25 "Status as victim", as exported from
 * OpenEvSys (`huridocs/OpenEvSys` @ 2f734af9, AGPL-3.0). Only the terms Attest maps to are kept;
 * `esfThesauri.test.ts` checks them against the full lists where ../shared/bench/esf is present.
 * Where the micro-thesaurus has no closer term the mapping says "Other" rather than guess.
 */
import type { PerpetratorDegree, VictimStatus } from './casework.ts';
import type { EsfTerm, InterventionType } from './vocabulary.ts';

/** The micro-thesauri this module draws on, by list number. */
export const ESF_LISTS = {
  typesOfActs: 4,
  degreesOfInvolvement: 18,
  typesOfIntervention: 20,
  statusAsVictim: 25,
} as const;

export const PERPETRATOR_DEGREE_ESF: Record<PerpetratorDegree, EsfTerm> = {
  direct: { vocabNumber: '01010000000018', label: 'Directly carried out the act' },
  command: { vocabNumber: '01020000000018', label: 'Gave orders that led to the act' },
  complicit: { vocabNumber: '01030000000018', label: 'Passive accomplice in the act' },
  unknown: { vocabNumber: '99000000000018', label: 'Unknown' },
};

export const VICTIM_STATUS_ESF: Record<VictimStatus, EsfTerm> = {
  killed: { vocabNumber: '01010000000025', label: 'Dead' },
  injured: { vocabNumber: '01020000000025', label: 'Wounded; injured' },
  detained: { vocabNumber: '02020000000025', label: 'Arrested and currently held' },
  disappeared: { vocabNumber: '01030000000025', label: 'Still missing' },
  released: { vocabNumber: '02010000000025', label: 'Arrested and released or escaped' },
  // The list describes what became of a victim; being threatened is none of its terms.
  threatened: { vocabNumber: '90000000000025', label: 'Other' },
  displaced: { vocabNumber: '03030000000025', label: 'Displaced or is a refugee still in flight' },
  unknown: { vocabNumber: '99000000000025', label: 'Unknown' },
};

export const INTERVENTION_TYPE_ESF: Record<InterventionType, EsfTerm> = {
  investigation: { vocabNumber: '02010000000020', label: 'Demand for investigation' },
  evacuation: { vocabNumber: '01060000000020', label: 'Request to others for assistance' },
  asylum: { vocabNumber: '01060000000020', label: 'Request to others for assistance' },
  petition: { vocabNumber: '02020000000020', label: 'Petition to overturn a decision' },
  statement: { vocabNumber: '02030000000020', label: 'Publicity about the event' },
  'legal-action': { vocabNumber: '01020000000020', label: 'Legal aid' },
  referral: { vocabNumber: '01060000000020', label: 'Request to others for assistance' },
};
