/**
 * Who may do what: the one place to read it. Every service calls `authorize` before touching data,
 * and the future HTTP access-control matrix test iterates over `POLICY` × `ROLES`.
 *
 * A role is necessary but not sufficient where `scope` says so: protected values also need the
 * compartment's key, which only its members hold. So an investigator who is not a member of a case
 * cannot read it even if this table says investigators may read persons — and an administrator who
 * was never added to a case cannot either. Cryptography enforces what the table states.
 */
import { Forbidden } from '../core/errors.ts';
import { ROLES, type Role } from '../store/usersRepository.ts';

export { ROLES, type Role };

export type Scope = 'none' | 'organisation' | 'compartment';

export interface Rule {
  roles: readonly Role[];
  /** 'compartment': the actor must hold the record's compartment key; 'organisation': the organisation's. */
  scope: Scope;
  description: string;
}

const ALL: readonly Role[] = ROLES;
const PROTECTION_STAFF: readonly Role[] = ['administrator', 'investigator', 'caseworker'];

export const POLICY = {
  'user.add': {
    roles: ['administrator'],
    scope: 'organisation',
    description: 'create an account (joins the organisation compartment if its role holds keys)',
  },
  'user.changeRole': {
    roles: ['administrator'],
    scope: 'organisation',
    description: 'change a user’s role (gives or takes away compartment keys)',
  },
  'user.list': {
    roles: ['administrator'],
    scope: 'none',
    description: 'list accounts (e-mail, role, state)',
  },
  'user.disable': {
    roles: ['administrator'],
    scope: 'none',
    description: 'disable or re-enable an account (disabling ends its sessions)',
  },
  'user.resetPassword': {
    roles: ['administrator'],
    scope: 'organisation',
    description: 'reset another user’s password (a new invitation; keys re-sealed)',
  },
  'user.unlock': {
    roles: ['administrator'],
    scope: 'none',
    description: 'lift a sign-in lock and reset the failure count',
  },
  'user.enableTotp': {
    roles: ALL,
    scope: 'none',
    description: 'turn on a second factor for one’s own account',
  },
  'compartment.create': { roles: PROTECTION_STAFF, scope: 'none', description: 'open a case compartment' },
  'compartment.addMember': {
    roles: ['administrator', 'investigator', 'caseworker'],
    scope: 'compartment',
    description: 'give a user a compartment’s keys',
  },
  'compartment.removeMember': {
    roles: ['administrator'],
    scope: 'compartment',
    description: 'take a user out of a compartment (rotates its key)',
  },
  'compartment.rotate': {
    roles: ['administrator'],
    scope: 'compartment',
    description: 'replace a compartment key and re-seal its values',
  },
  'person.create': {
    roles: PROTECTION_STAFF,
    scope: 'compartment',
    description: 'add a protected person record',
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
  'person.list': { roles: ALL, scope: 'none', description: 'list pseudonymous codes, no protected field' },
  'involvement.create': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'link a person (by code) or an organisation to an act with a role',
  },
  'involvement.list': {
    roles: ALL,
    scope: 'none',
    description: 'see who was involved in an act, as codes and counts',
  },
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
  'intake.open': {
    roles: ['administrator', 'investigator'],
    scope: 'organisation',
    description: 'decrypt a public submission',
  },
  'intake.list': {
    roles: ['administrator', 'investigator'],
    scope: 'none',
    description: 'list submissions (ids and dates only)',
  },
  'dataset.export': {
    roles: ['administrator', 'investigator', 'analyst'],
    scope: 'none',
    description: 'export the dataset (partner or public)',
  },
  'intake.triage': {
    roles: ['administrator', 'investigator'],
    scope: 'none',
    description: 'mark a submission triaged or discarded',
  },
  'intake.convert': {
    roles: ['administrator', 'investigator'],
    scope: 'organisation',
    description: 'turn a submission into a source and a protected person',
  },
  'compartment.list': {
    roles: PROTECTION_STAFF,
    scope: 'none',
    description: 'list compartments and their members (administrators: all; others: their own)',
  },
  'audit.read': {
    roles: ['administrator'],
    scope: 'none',
    description: 'read the audit log (actions, actors and record ids; never a protected value)',
  },
  'audit.verify': {
    roles: ['administrator', 'investigator', 'analyst'],
    scope: 'none',
    description: 'check the audit chain',
  },
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
