-- People and casework (issue 11): ESF biographic details of protected persons, who was involved in
-- an act and how, cases with their workflow, tasks, consents, notes and attachments, and referrals
-- between organisations. Every value that could identify or endanger a person is an envelope sealed
-- by the application under the compartment key (src/crypto/seal.ts); clear columns hold only codes,
-- vocabulary values, dates and field names.

-- Sex, gender identity, nationality, occupation and the safety-relevant note: one sealed JSON object,
-- so not even which of them are known shows.
alter table persons add column details bytea;

-- Who was involved in an act: a protected person (by id only; the name stays sealed) or an
-- organisation (an actor, whose name is public record). Analysts see these rows as codes and counts.
create table involvements (
  id uuid primary key,
  act_id uuid not null references acts (id) on delete cascade,
  role text not null check (role in ('victim', 'perpetrator', 'witness', 'source', 'intervening')),
  person_id uuid references persons (id),
  actor_id uuid references actors (id),
  perpetrator_degree text check (perpetrator_degree in ('direct', 'command', 'complicit', 'unknown')),
  victim_status text check (
    victim_status in ('killed', 'injured', 'detained', 'disappeared', 'released', 'threatened', 'displaced', 'unknown')
  ),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check ((person_id is null) <> (actor_id is null)),
  check (perpetrator_degree is null or role = 'perpetrator'),
  check (victim_status is null or role = 'victim')
);
create index involvements_act_idx on involvements (act_id);
create unique index involvements_person_unique on involvements (act_id, role, person_id) where person_id is not null;
create unique index involvements_actor_unique on involvements (act_id, role, actor_id) where actor_id is not null;

create sequence case_code_seq;
create table cases (
  id uuid primary key,
  -- A neutral code (K-0001), like persons and compartments.
  code text not null unique,
  compartment_id uuid not null references compartments (id),
  type text not null check (
    type in ('evacuation', 'relocation', 'asylum', 'humanitarian-parole', 'medical', 'legal', 'psychosocial')
  ),
  risk text not null check (risk in ('low', 'medium', 'high', 'critical')),
  status text not null default 'open' check (status in ('open', 'assessment', 'action-plan', 'in-progress', 'closed')),
  assigned_to uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cases_compartment_idx on cases (compartment_id);
create index cases_assigned_idx on cases (assigned_to);

create table case_persons (
  case_id uuid not null references cases (id),
  person_id uuid not null references persons (id),
  primary key (case_id, person_id)
);
create index case_persons_person_idx on case_persons (person_id);

-- Every status change, with who and when; the optional note is sealed.
create table case_transitions (
  id uuid primary key,
  case_id uuid not null references cases (id),
  from_status text,
  to_status text not null,
  changed_by uuid not null references users (id),
  changed_at timestamptz not null default now(),
  note bytea
);
create index case_transitions_case_idx on case_transitions (case_id, changed_at);

-- The title is sealed (it may say where a person is going); the due date stays clear for the overdue list.
create table case_tasks (
  id uuid primary key,
  case_id uuid not null references cases (id),
  title bytea not null,
  due_on date,
  done_at timestamptz,
  done_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index case_tasks_due_idx on case_tasks (due_on) where done_at is null;

-- What a person agreed to share (field names, clear) and with whom (sealed), when; withdrawn when.
create table case_consents (
  id uuid primary key,
  case_id uuid not null references cases (id),
  person_id uuid not null references persons (id),
  fields text[] not null,
  recipient bytea not null,
  given_on date not null,
  withdrawn_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index case_consents_case_idx on case_consents (case_id);

create table case_notes (
  id uuid primary key,
  case_id uuid not null references cases (id),
  body bytea not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index case_notes_case_idx on case_notes (case_id, created_at);

-- File name and bytes both sealed; the size is kept clear for listing (the envelope reveals it anyway).
create table case_attachments (
  id uuid primary key,
  case_id uuid not null references cases (id),
  name bytea not null,
  content bytea not null,
  byte_size integer not null check (byte_size >= 0),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index case_attachments_case_idx on case_attachments (case_id);

-- Referrals sent and received. The id is the package's own, the same on both installations; the
-- partner is known by its public key (X25519), shown to people as a fingerprint.
create table referrals (
  id uuid primary key,
  direction text not null check (direction in ('outgoing', 'incoming')),
  case_id uuid not null references cases (id),
  partner_public_key bytea not null,
  fields text[] not null,
  status text not null check (status in ('sent', 'accepted', 'declined', 'closed')),
  status_changed_at timestamptz not null default now(),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index referrals_case_idx on referrals (case_id);
