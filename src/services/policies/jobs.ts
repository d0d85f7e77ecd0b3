/** Background jobs: their requesters follow their own; administrators see the queue and its dead letters. */
import { ADMINISTRATORS, type Rule } from './rule.ts';

export const jobPolicies = {
  'jobs.manage': {
    roles: ADMINISTRATORS,
    scope: 'none',
    description: 'see every job and its failures, and retry a failed one (no file, title or text)',
  },
} as const satisfies Record<string, Rule>;
