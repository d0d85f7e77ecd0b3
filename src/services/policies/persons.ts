/** Protected persons: staff with the compartment's key read them; everyone sees codes and counts. */
import { ALL, PROTECTION_STAFF, type Rule } from './rule.ts';

export const personPolicies = {
  'person.create': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'add a protected person record',
  },
  // Whoever may enter a person may correct one: the same hands, the same key.
  'person.update': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'correct a protected person record (versioned; its history sealed like the record)',
  },
  'person.read': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'read the protected fields of a person',
  },
  'person.findByName': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'exact-match lookup by name (blind index)',
  },
  'person.list': { roles: ALL, scope: 'none', description: 'list pseudonymous codes, no protected field' },
  'involvement.create': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'link a person (by code) or an organisation to an act with a role',
  },
  'involvement.update': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'change the role of an involvement or withdraw it with a reason (kept in its history)',
  },
  'involvement.list': {
    roles: ALL,
    scope: 'none',
    description: 'see who was involved in an act, as codes and counts',
  },
} as const satisfies Record<string, Rule>;
