-- Editing after review (issue 10, part 4) and drafts (part 5).
--
-- Every editable record carries a version: an edit names the version it was made on, and a stale one
-- is refused (optimistic concurrency), so two people editing one act never silently overwrite each
-- other. Records made before this migration start at version 1.
alter table incidents add column version integer not null default 1;
alter table acts add column version integer not null default 1;
alter table claims add column version integer not null default 1;
alter table interventions add column version integer not null default 1;

-- What each change did, written in the transaction of the change: nothing is forgotten, not even a
-- deleted act (its last state is the `before` of its `delete` row). `before`/`after` hold only the
-- fields that changed (whole rows for create and delete), never sealed values in clear.
create table record_versions (
  record_kind text not null check (record_kind in ('incident', 'act', 'claim', 'intervention')),
  record_id uuid not null,
  version integer not null check (version >= 1),
  change text not null check (change in ('create', 'update', 'move', 'delete')),
  changed_by text not null,
  changed_at timestamptz not null default now(),
  before jsonb,
  after jsonb,
  reason text,
  primary key (record_kind, record_id, version)
);

-- Work in progress per user (capture text, review decisions), saved as it is typed, so a reload or
-- another browser finds it; deleted when the capture or review is submitted.
create table drafts (
  user_id text not null,
  kind text not null,
  payload jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);
