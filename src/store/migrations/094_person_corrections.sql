-- Correcting people and involvements (issue: people can be corrected after they are entered).
--
-- A person record and an involvement carry a version like the records edited after review: an edit
-- names the version it was made on, and a stale one is refused, never an overwrite.
alter table persons add column version integer not null default 1;
alter table involvements add column version integer not null default 1;

-- A wrong involvement is withdrawn, never deleted: it is evidence that someone once said so, and its
-- history (who withdrew it, when, why) stays in record_versions. Every count ignores it.
alter table involvements add column withdrawn boolean not null default false;

-- A withdrawn link no longer holds its place: the same person may be linked again with that role.
drop index involvements_person_unique;
drop index involvements_actor_unique;
create unique index involvements_person_unique on involvements (act_id, role, person_id)
  where person_id is not null and not withdrawn;
create unique index involvements_actor_unique on involvements (act_id, role, actor_id)
  where actor_id is not null and not withdrawn;

-- The history of persons and involvements in the same table as every other record. A person's
-- change is sealed: `before`, `after` and `reason` stay null and `sealed` holds them as one envelope
-- under the person's compartment key (re-sealed on key rotation, the one column the server's role
-- may update: src/store/appRoleGrants.ts). No name, birth date or contact is ever written in clear.
alter table record_versions drop constraint record_versions_record_kind_check;
alter table record_versions add constraint record_versions_record_kind_check
  check (record_kind in ('incident', 'act', 'claim', 'intervention', 'person', 'involvement'));
alter table record_versions drop constraint record_versions_change_check;
alter table record_versions add constraint record_versions_change_check
  check (change in ('create', 'update', 'move', 'delete', 'withdraw'));
alter table record_versions add column sealed bytea;
-- An involvement of a person withdrawn keeps its reason the same way ("he was detained in Shali, not
-- Argun" says something about him): sealed under the person's key, `reason` null, the fields it
-- changed (withdrawn: false → true) in clear as for every involvement.
alter table record_versions add constraint record_versions_person_sealed_check
  check ((record_kind <> 'person' or sealed is not null)
         and (sealed is null or record_kind in ('person', 'involvement'))
         and (sealed is null or reason is null)
         and (record_kind <> 'person' or (before is null and after is null)));

-- Two records entered for one person are merged into one (services/persons/personMerge.ts). The
-- other record is kept, never deleted (it is what was entered, and its history stays readable), but
-- marked merged into the survivor: no list, count or lookup by name shows it any more. Its
-- involvements, case links and consents move to the survivor; a link that would be counted twice is
-- withdrawn instead, with its history.
alter table persons add column merged_into uuid references persons (id);
alter table persons add constraint persons_not_merged_into_itself check (merged_into <> id);
alter table record_versions drop constraint record_versions_change_check;
alter table record_versions add constraint record_versions_change_check
  check (change in ('create', 'update', 'move', 'delete', 'withdraw', 'merge'));
