/**
 * Documentation: sources, their review into incident records, search, counts and exports. None needs a
 * compartment key (sources and incidents are not sealed today).
 */
import { ALL, DOCUMENTATION_STAFF, PROTECTION_STAFF, type Rule, SOURCE_READERS } from './rule.ts';

export const documentationPolicies = {
  'source.create': { roles: PROTECTION_STAFF, scope: 'none', description: 'preserve a source' },
  'source.list': { roles: SOURCE_READERS, scope: 'none', description: 'list sources' },
  'source.read': {
    roles: SOURCE_READERS,
    scope: 'none',
    description: 'read a source, its text, original and suggestions',
  },
  'review.list': { roles: DOCUMENTATION_STAFF, scope: 'none', description: 'see the review queue' },
  'review.apply': {
    roles: DOCUMENTATION_STAFF,
    scope: 'none',
    description: 'turn suggestions into incident records',
  },
  'incident.list': { roles: ALL, scope: 'none', description: 'list incidents' },
  'incident.read': { roles: ALL, scope: 'none', description: 'read an incident and its evidence' },
  'incident.update': { roles: DOCUMENTATION_STAFF, scope: 'none', description: 'change an incident' },
  'incident.verify': { roles: DOCUMENTATION_STAFF, scope: 'none', description: 'mark an incident verified' },
  search: { roles: ALL, scope: 'none', description: 'search (viewers: incidents only)' },
  'stats.read': { roles: ALL, scope: 'none', description: 'see counts by month and country' },
  'dataset.export': {
    roles: ['administrator', 'investigator', 'analyst'],
    scope: 'none',
    description: 'export the dataset (partner or public)',
  },
} as const satisfies Record<string, Rule>;
