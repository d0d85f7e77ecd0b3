-- Review and incidents: which sources have had their suggestions reviewed (the review queue is every
-- source without a row here), who verified an incident, and indexes for the incident list, its
-- filters and the evidence view.

create table source_reviews (
  source_id uuid primary key references sources (id),
  -- Null when every suggestion was rejected: reviewed, nothing recorded.
  incident_id uuid references incidents (id) on delete set null,
  reviewed_by text not null,
  reviewed_at timestamptz not null default now(),
  -- What was decided for each suggestion (accept / edit / reject, by index), kept as the record of the
  -- review itself: what a person saw and chose.
  decisions jsonb not null
);
create index source_reviews_incident_idx on source_reviews (incident_id);

-- "verified" is a person's judgement: who made it and when stay on the record.
alter table incidents add column verified_by text;
alter table incidents add column verified_at timestamptz;
alter table incidents add column status_changed_by text;
alter table incidents add column status_changed_at timestamptz;

create index incidents_status_idx on incidents (status);
create index incidents_list_order_idx on incidents (date_from desc nulls last, created_at desc, id);
create index incidents_language_idx on incidents (language);
create index acts_type_incident_idx on acts (type, incident_id);
create index incident_sources_source_idx on incident_sources (source_id);
create index claims_source_idx on claims (source_id);
create index claims_act_idx on claims (act_id);
