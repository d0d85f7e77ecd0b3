/**
 * Estimation (the estimation page): multiple systems estimation from lists built from the database
 * or uploaded, and the estimates saved for later. Analysts and administrators: the lists are built
 * from which named victims each source reported (person ids, never names), so no compartment key is
 * needed, and the answers are counts.
 */
import type { Rule } from './rule.ts';

const ESTIMATORS = ['administrator', 'analyst'] as const;

export const estimationPolicies = {
  'estimate.run': {
    roles: ESTIMATORS,
    scope: 'none',
    description: 'build capture lists and run a population estimate',
  },
  'estimate.save': { roles: ESTIMATORS, scope: 'none', description: 'save a population estimate' },
  'estimate.read': { roles: ESTIMATORS, scope: 'none', description: 'open saved population estimates' },
} as const satisfies Record<string, Rule>;
