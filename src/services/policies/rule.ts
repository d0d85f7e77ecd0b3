/** The shape of one policy rule, and the groups of roles the rules name. */
import { ROLES, type Role } from '../../core/roles.ts';

export type Scope = 'none' | 'organisation' | 'compartment';

export interface Rule {
  roles: readonly Role[];
  /** 'compartment': the actor must hold the record's compartment key; 'organisation': the organisation's. */
  scope: Scope;
  description: string;
}

export const ALL: readonly Role[] = ROLES;
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
/** Those who hold compartment keys and work with protected persons and cases. */
export const PROTECTION_STAFF: readonly Role[] = ['administrator', 'investigator', 'caseworker'];
/** Those who turn sources into incident records. */
export const DOCUMENTATION_STAFF: readonly Role[] = ['administrator', 'investigator'];
/** Sources hold raw testimony and names, so viewers (who see finished incident records) never read them. */
export const SOURCE_READERS: readonly Role[] = ['administrator', 'investigator', 'caseworker', 'analyst'];
