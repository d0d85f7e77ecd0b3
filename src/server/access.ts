/**
 * Who may call which route. Every route declares one access value in its config: `public`,
 * `signedIn`, an accounts/protection action from services/policies/index.ts, or a documentation action
 * below. The access-control matrix test walks the route table × every role using `allows`, so this
 * file and policies.ts are the whole answer to "who may do what over HTTP".
 *
 * The documentation actions belong beside the protection ones in services/policies/index.ts; they live here
 * until that file (owned by the protection work) takes them in.
 */
import { can, POLICY, type Action as PolicyAction, ROLES, type Role } from '../services/policies/index.ts';

const ALL: readonly Role[] = ROLES;
const DOCUMENTATION_STAFF: readonly Role[] = ['administrator', 'investigator'];
// Sources hold raw testimony and names, so viewers (who see finished incident records) never read them.
const SOURCE_READERS: readonly Role[] = ['administrator', 'investigator', 'caseworker', 'analyst'];

export const DOCUMENTATION_POLICY = {
  'source.create': {
    roles: ['administrator', 'investigator', 'caseworker'],
    description: 'preserve a source',
  },
  'source.list': { roles: SOURCE_READERS, description: 'list sources' },
  'source.read': { roles: SOURCE_READERS, description: 'read a source, its text, original and suggestions' },
  'review.list': { roles: DOCUMENTATION_STAFF, description: 'see the review queue' },
  'review.apply': { roles: DOCUMENTATION_STAFF, description: 'turn suggestions into incident records' },
  'incident.list': { roles: ALL, description: 'list incidents' },
  'incident.read': { roles: ALL, description: 'read an incident and its evidence' },
  'incident.update': { roles: DOCUMENTATION_STAFF, description: 'change an incident' },
  'incident.verify': { roles: DOCUMENTATION_STAFF, description: 'mark an incident verified' },
  search: { roles: ALL, description: 'search (viewers: incidents only)' },
  'stats.read': { roles: ALL, description: 'see counts by month and country' },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type DocumentationAction = keyof typeof DOCUMENTATION_POLICY;
export type RouteAccess = 'public' | 'signedIn' | DocumentationAction | PolicyAction;

export { ROLES, type Role };

export function allows(role: Role, access: RouteAccess): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  if (access in DOCUMENTATION_POLICY)
    return (DOCUMENTATION_POLICY[access as DocumentationAction].roles as readonly Role[]).includes(role);
  return can(role, access as PolicyAction);
}

export function describeAccess(access: RouteAccess): string {
  if (access === 'public') return 'no sign-in needed';
  if (access === 'signedIn') return 'any signed-in user';
  const rule =
    access in DOCUMENTATION_POLICY
      ? DOCUMENTATION_POLICY[access as DocumentationAction]
      : POLICY[access as PolicyAction];
  return `${access}: ${rule.description} (roles: ${rule.roles.join(', ')})`;
}
