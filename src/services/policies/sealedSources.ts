/** Sealed sources (testimonies, medical reports): only members of the compartment read or add them. */
import { PROTECTION_STAFF, type Rule } from './rule.ts';

export const sealedSourcePolicies = {
  'source.seal': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'preserve a sealed source (testimony, medical report) in a compartment one is a member of',
  },
  'source.readSealed': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'read a sealed source: its title, text, suggestions and original (each read audited)',
  },
} as const satisfies Record<string, Rule>;
