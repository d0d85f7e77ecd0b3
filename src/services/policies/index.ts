/**
 * Who may do what: the one place to read it. Each file of this folder states the rules of one area,
 * one line per action; this index joins them. Every service calls `authorize` before touching data,
 * every HTTP route declares one access value (`public`, `signedIn` or an action), and the
 * access-control matrix test walks the route table × every role with `allows`.
 *
 * A role is necessary but not sufficient where `scope` says so: protected values also need the
 * compartment's key, which only its members hold. So an investigator who is not a member of a case
 * cannot read it even if this table says investigators may read persons — and an administrator who
 * was never added to a case cannot either. Cryptography enforces what the table states.
 */
import { Forbidden } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import { accountPolicies } from './accounts.ts';
import { auditPolicies } from './audit.ts';
import { casePolicies } from './cases.ts';
import { compartmentPolicies } from './compartments.ts';
import { documentationPolicies } from './documentation.ts';
import { estimationPolicies } from './estimation.ts';
import { intakePolicies } from './intake.ts';
import { jobPolicies } from './jobs.ts';
import { linkagePolicies } from './linkage.ts';
import { personPolicies } from './persons.ts';
import { referralPolicies } from './referrals.ts';
import type { Rule } from './rule.ts';
import { sealedSourcePolicies } from './sealedSources.ts';

export type { Rule, Scope } from './rule.ts';

export const POLICY = {
  ...accountPolicies,
  ...compartmentPolicies,
  ...personPolicies,
  ...sealedSourcePolicies,
  ...casePolicies,
  ...referralPolicies,
  ...intakePolicies,
  ...auditPolicies,
  ...documentationPolicies,
  ...estimationPolicies,
  ...linkagePolicies,
  ...jobPolicies,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function can(role: Role, action: Action): boolean {
  return (POLICY[action].roles as readonly Role[]).includes(role);
}

/**
 * Whether compartment keys may be sealed to an account of this role. A key is worth holding only for
 * an action that needs it (scope 'compartment' or 'organisation' in the table above), and holding it
 * opens everything the compartment seals, whatever the table says: so viewers and analysts, who may
 * not read persons, hold none, and their password plus a copy of the database opens nothing.
 */
export function holdsCompartmentKeys(role: Role): boolean {
  return ACTIONS.some((action) => POLICY[action].scope !== 'none' && can(role, action));
}

/** Throws Forbidden naming the role and the action (never the record's content). */
export function authorize(role: Role, action: Action): void {
  const article = /^[aeiou]/.test(role) ? 'an' : 'a';
  if (!can(role, action)) throw new Forbidden(`${article} ${role} may not ${POLICY[action].description}`);
}

/** What an HTTP route (or a command acting as a user) requires: no sign-in, any user, or an action. */
export type RouteAccess = 'public' | 'signedIn' | Action;

export function allows(role: Role, access: RouteAccess): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  return can(role, access);
}

export function describeAccess(access: RouteAccess): string {
  if (access === 'public') return 'no sign-in needed';
  if (access === 'signedIn') return 'any signed-in user';
  const rule = POLICY[access];
  return `${access}: ${rule.description} (roles: ${rule.roles.join(', ')})`;
}
