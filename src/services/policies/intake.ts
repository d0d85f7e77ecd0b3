/** Public reports: administrators and investigators open, triage and convert them. */
import { DOCUMENTATION_STAFF, type Rule } from './rule.ts';

export const intakePolicies = {
  'intake.open': {
    roles: DOCUMENTATION_STAFF,
    scope: 'organisation',
    description: 'decrypt a public submission',
  },
  'intake.list': {
    roles: DOCUMENTATION_STAFF,
    scope: 'none',
    description: 'list submissions (ids and dates only)',
  },
  'intake.triage': {
    roles: DOCUMENTATION_STAFF,
    scope: 'none',
    description: 'mark a submission triaged or discarded',
  },
  'intake.convert': {
    roles: DOCUMENTATION_STAFF,
    scope: 'organisation',
    description: 'turn a submission into a source and a protected person',
  },
} as const satisfies Record<string, Rule>;
