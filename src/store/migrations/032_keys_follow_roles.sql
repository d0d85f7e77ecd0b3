-- Keys follow roles (issue 18). Until now every account received the organisation compartment key
-- whatever its role, so a viewer's or an analyst's password plus a copy of the database opened every
-- person in it. Those copies go. The roles kept are those `holdsCompartmentKeys` in
-- src/services/policies/index.ts allows (test/protection/keysFollowRoles.test.ts checks the two agree).
-- The key they held is not rotated here (no key exists in the database): docs/protection.md tells
-- administrators to run `attest compartment rotate` after upgrading.
delete from compartment_members
where user_id in (select id from users where role not in ('administrator', 'investigator', 'caseworker'));
