-- Foundation: preserved sources, ESF records (incidents, acts, actors, claims, interventions) and
-- multilingual full-text search. Forward-only: never edit a migration that has shipped.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- One text search configuration per supported language, accent-insensitive: unaccent runs before
-- the stemmer, so "Chechênia", "Chechénia" and "Chechenia" meet.
create text search configuration attest_pt (copy = portuguese);
alter text search configuration attest_pt alter mapping for hword, hword_part, word with unaccent, portuguese_stem;
create text search configuration attest_en (copy = english);
alter text search configuration attest_en alter mapping for hword, hword_part, word with unaccent, english_stem;
create text search configuration attest_es (copy = spanish);
alter text search configuration attest_es alter mapping for hword, hword_part, word with unaccent, spanish_stem;
create text search configuration attest_ru (copy = russian);
alter text search configuration attest_ru alter mapping for hword, hword_part, word with unaccent, russian_stem;
create text search configuration attest_fr (copy = french);
alter text search configuration attest_fr alter mapping for hword, hword_part, word with unaccent, french_stem;
create text search configuration attest_simple (copy = simple);
alter text search configuration attest_simple alter mapping for hword, hword_part, word with unaccent, simple;

create table sources (
  id uuid primary key,
  sha256 char(64) not null unique,
  byte_size bigint not null check (byte_size > 0),
  media_type text not null,
  encoding text,
  file_name text not null,
  title text,
  url text,
  published_on date,
  language text not null,
  text text not null,
  search_config regconfig not null,
  search tsvector not null,
  -- Title and lead paragraph only: ranking reads this small vector, so a common word matching
  -- thousands of sources never detoasts their full vectors (the GIN index answers the match).
  search_lead tsvector not null default ''::tsvector,
  captured_by text not null,
  captured_at timestamptz not null default now(),
  -- Reliability of the origin (A–F) and of the content (1–6), as in intelligence grading.
  origin_reliability char(1) check (origin_reliability between 'A' and 'F'),
  content_reliability smallint check (content_reliability between 1 and 6),
  suggestions jsonb not null,
  warnings jsonb not null default '[]'
);
create index sources_search_idx on sources using gin (search);
create index sources_captured_at_idx on sources (captured_at desc);

create table actors (
  id uuid primary key,
  name text not null,
  kind text not null default 'other'
    check (kind in ('media', 'authority', 'ngo', 'security-force', 'religious', 'political', 'other')),
  created_at timestamptz not null default now(),
  unique (name)
);

create table incidents (
  id uuid primary key,
  title text not null,
  summary text not null default '',
  status text not null default 'alleged' check (status in ('alleged', 'corroborated', 'verified')),
  place_name text,
  country char(2),
  date_from date,
  date_to date,
  date_precision text,
  tags text[] not null default '{}',
  language text not null default 'en',
  search_config regconfig not null default 'attest_simple',
  search tsvector not null default ''::tsvector,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index incidents_search_idx on incidents using gin (search);
create index incidents_country_idx on incidents (country);
create index incidents_date_idx on incidents (date_from);

-- Provenance of a confirmed suggestion: the source span it came from and who confirmed it.
-- Stored as jsonb {sourceId, start, end, confirmedBy, confirmedAt} on every record built from one.
create table acts (
  id uuid primary key,
  incident_id uuid not null references incidents (id) on delete cascade,
  type text not null,
  victims_min integer check (victims_min >= 0),
  victims_max integer check (victims_max >= 0),
  victim_group text,
  place_name text,
  country char(2),
  date_from date,
  date_to date,
  date_precision text,
  perpetrators jsonb not null default '[]',
  provenance jsonb,
  created_at timestamptz not null default now(),
  check (victims_max is null or victims_min is null or victims_max >= victims_min)
);
create index acts_incident_idx on acts (incident_id);

create table incident_sources (
  incident_id uuid not null references incidents (id) on delete cascade,
  source_id uuid not null references sources (id),
  added_at timestamptz not null default now(),
  primary key (incident_id, source_id)
);

create table claims (
  id uuid primary key,
  incident_id uuid references incidents (id) on delete cascade,
  act_id uuid references acts (id) on delete set null,
  source_id uuid not null references sources (id),
  actor_id uuid references actors (id),
  stance text not null check (stance in ('asserts', 'denies')),
  text text not null,
  span_start integer not null check (span_start >= 0),
  span_end integer not null check (span_end >= span_start),
  provenance jsonb,
  created_at timestamptz not null default now()
);
create index claims_incident_idx on claims (incident_id);

create table interventions (
  id uuid primary key,
  incident_id uuid references incidents (id) on delete cascade,
  type text not null,
  actor_id uuid references actors (id),
  description text not null,
  date_from date,
  outcome text,
  source_id uuid references sources (id),
  span_start integer,
  span_end integer,
  provenance jsonb,
  created_at timestamptz not null default now()
);
create index interventions_incident_idx on interventions (incident_id);
