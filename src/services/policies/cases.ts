/** Cases: protection staff only, and within a case only its compartment's members. */
import { PROTECTION_STAFF, type Rule } from './rule.ts';

export const casePolicies = {
  'case.open': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'open a case (in a new compartment of its own)',
  },
  'case.list': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'list the cases of compartments one is a member of',
  },
  'case.read': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'read a case, its tasks, consents, notes and attachments',
  },
  'case.update': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'change a case: status, risk, assignment, tasks, consents, notes, attachments',
  },
} as const satisfies Record<string, Rule>;
