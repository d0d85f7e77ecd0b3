/** Accounts: only administrators manage them; everyone may protect their own with a second factor. */
import { ADMINISTRATORS, ALL, type Rule } from './rule.ts';

export const accountPolicies = {
  'user.add': {
    roles: ADMINISTRATORS,
    scope: 'organisation',
    description: 'create an account (joins the organisation compartment if its role holds keys)',
  },
  'user.changeRole': {
    roles: ADMINISTRATORS,
    scope: 'organisation',
    description: 'change a user’s role (gives or takes away compartment keys)',
  },
  'user.list': { roles: ADMINISTRATORS, scope: 'none', description: 'list accounts (e-mail, role, state)' },
  'user.disable': {
    roles: ADMINISTRATORS,
    scope: 'none',
    description: 'disable or re-enable an account (disabling ends its sessions)',
  },
  'user.resetPassword': {
    roles: ADMINISTRATORS,
    scope: 'organisation',
    description: 'reset another user’s password (a new invitation; keys re-sealed)',
  },
  'user.unlock': {
    roles: ADMINISTRATORS,
    scope: 'none',
    description: 'lift a sign-in lock and reset the failure count',
  },
  'user.enableTotp': {
    roles: ALL,
    scope: 'none',
    description: 'turn on a second factor for one’s own account',
  },
} as const satisfies Record<string, Rule>;
