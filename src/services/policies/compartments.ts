/** Compartments: staff open them and add members; only administrators take members out or rotate keys. */
import { ADMINISTRATORS, PROTECTION_STAFF, type Rule } from './rule.ts';

export const compartmentPolicies = {
  'compartment.create': { roles: PROTECTION_STAFF, scope: 'none', description: 'open a case compartment' },
  'compartment.addMember': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'give a user a compartment’s keys',
  },
  'compartment.removeMember': {
    roles: ADMINISTRATORS,
    scope: 'compartment',
    description: 'take a user out of a compartment (rotates its key)',
  },
  'compartment.rotate': {
    roles: ADMINISTRATORS,
    scope: 'compartment',
    description: 'replace a compartment key and re-seal its values',
  },
  'compartment.list': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'list compartments and their members (administrators: all; others: their own)',
  },
} as const satisfies Record<string, Rule>;
