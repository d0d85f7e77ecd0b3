/** The audit log: administrators read it; those who answer for the data may check its chain. */
import { ADMINISTRATORS, type Rule } from './rule.ts';

export const auditPolicies = {
  'audit.read': {
    roles: ADMINISTRATORS,
    scope: 'none',
    description: 'read the audit log (actions, actors and record ids; never a protected value)',
  },
  'audit.verify': {
    roles: ['administrator', 'investigator', 'analyst'],
    scope: 'none',
    description: 'check the audit chain',
  },
} as const satisfies Record<string, Rule>;
