/** The roles an account may have; what each may do is the policy table in services/policies/. */
export const ROLES = ['administrator', 'investigator', 'caseworker', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
