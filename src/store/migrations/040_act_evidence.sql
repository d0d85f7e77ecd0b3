-- Corroboration: an act is one real-world act and sources are its evidence. Each link keeps the
-- passage and what THAT source reported (its own figure, date and place), so reconciling sources
-- never overwrites one report with another; the act shows their range and one chosen figure.

create table act_evidence (
  act_id uuid not null references acts (id) on delete cascade,
  source_id uuid not null references sources (id),
  span_start integer not null check (span_start >= 0),
  span_end integer not null check (span_end >= span_start),
  victims_min integer check (victims_min >= 0),
  victims_max integer check (victims_max >= 0),
  victim_group text,
  place_name text,
  country char(2),
  date_from date,
  date_to date,
  date_precision text,
  linked_by text not null,
  linked_at timestamptz not null default now(),
  primary key (act_id, source_id, span_start)
);
create index act_evidence_source_idx on act_evidence (source_id);

-- The chosen figure: null means the default, the lowest lower bound the sources report (the rule of
-- event-data projects such as ACLED). A person may choose another figure, always with a reason.
alter table acts add column victims_chosen integer check (victims_chosen >= 0);
alter table acts add column victims_chosen_reason text;
alter table acts add column victims_chosen_by text;
alter table acts add column victims_chosen_at timestamptz;
alter table acts add constraint acts_chosen_has_reason
  check (victims_chosen is null or (victims_chosen_reason is not null and victims_chosen_by is not null));

-- "Verified" per act is a person's judgement with a reason; "alleged" and "corroborated" follow from
-- the independent sources and are computed, never stored.
alter table acts add column verified_by text;
alter table acts add column verified_at timestamptz;
alter table acts add column verified_reason text;

-- An incident status above what its acts support needs a reviewer's written reason.
alter table incidents add column status_reason text;

-- Existing acts: the source they were reviewed from, with the act's own figures (that source's report).
insert into act_evidence (act_id, source_id, span_start, span_end, victims_min, victims_max, victim_group,
                          place_name, country, date_from, date_to, date_precision, linked_by, linked_at)
select a.id, (a.provenance ->> 'sourceId')::uuid, (a.provenance ->> 'start')::int, (a.provenance ->> 'end')::int,
       a.victims_min, a.victims_max, a.victim_group, a.place_name, a.country, a.date_from, a.date_to,
       a.date_precision, coalesce(a.provenance ->> 'confirmedBy', 'migration'),
       coalesce((a.provenance ->> 'confirmedAt')::timestamptz, a.created_at)
  from acts a
 where a.provenance ->> 'sourceId' is not null
   and exists (select 1 from sources s where s.id::text = a.provenance ->> 'sourceId')
on conflict do nothing;

-- Sources that corroborated an act through an `asserts` claim: the passage is kept; the figures that
-- source gave were never recorded, so they stay unknown rather than copied from another source.
insert into act_evidence (act_id, source_id, span_start, span_end, linked_by, linked_at)
select distinct on (c.act_id, c.source_id) c.act_id, c.source_id, c.span_start, c.span_end,
       coalesce(c.provenance ->> 'confirmedBy', 'migration'), c.created_at
  from claims c
 where c.stance = 'asserts' and c.act_id is not null
   and not exists (select 1 from act_evidence e where e.act_id = c.act_id and e.source_id = c.source_id)
 order by c.act_id, c.source_id, c.created_at
on conflict do nothing;
