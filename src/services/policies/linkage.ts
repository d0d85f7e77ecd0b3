/**
 * Linkage review: analysts (and the staff who may count victims) run record linkage and label pairs.
 * These actions show record references, agreement levels and weights only; names of persons recorded
 * in Attest also need 'person.read' and the compartment's key (services/linkage/records.ts).
 */
import type { Rule } from './rule.ts';

const LINKAGE_REVIEWERS = ['administrator', 'investigator', 'analyst'] as const;

export const linkagePolicies = {
  'linkage.run': {
    roles: LINKAGE_REVIEWERS,
    scope: 'none',
    description: 'run record linkage over a list of victims',
  },
  'linkage.read': {
    roles: LINKAGE_REVIEWERS,
    scope: 'none',
    description: 'see linkage runs: pairs as record references, weights and clusters',
  },
  'linkage.label': {
    roles: LINKAGE_REVIEWERS,
    scope: 'none',
    description: 'label a pair of records as match, non-match or unsure',
  },
} as const satisfies Record<string, Rule>;
