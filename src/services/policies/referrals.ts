/** Referrals between organisations: protection staff, with the organisation's key. */
import { PROTECTION_STAFF, type Rule } from './rule.ts';

export const referralPolicies = {
  'organisation.key': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'see the organisation’s public key and fingerprint (to give to partners)',
  },
  'referral.create': {
    roles: PROTECTION_STAFF,
    scope: 'organisation',
    description: 'seal a referral package of a case to a partner organisation',
  },
  'referral.import': {
    roles: PROTECTION_STAFF,
    scope: 'organisation',
    description: 'open a partner’s referral package into a new case, or import its status reply',
  },
  'referral.list': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'list referrals sent and received',
  },
} as const satisfies Record<string, Rule>;
