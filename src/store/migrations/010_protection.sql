-- Protection: organisation, accounts, compartments and their keys, protected persons, sealed public
-- intake and the hash-chained audit log. Every protected value is an envelope (bytea) sealed by the
-- application (src/crypto/envelope.ts); the database never sees a plaintext value or an unwrapped key.

create table organisations (
  id uuid primary key,
  name text not null,
  -- X25519 public key that public intake submissions are sealed to.
  public_key bytea not null,
  -- The matching private key, sealed under the organisation compartment key (an envelope).
  sealed_private_key bytea not null,
  -- Public half of the recovery key pair; every organisation compartment key is also sealed to it.
  recovery_public_key bytea not null,
  compartment_id uuid not null,
  created_at timestamptz not null default now()
);
-- One organisation per installation.
create unique index organisations_single_idx on organisations ((true));

create table users (
  id uuid primary key,
  email text not null unique,
  role text not null check (role in ('administrator', 'investigator', 'caseworker', 'analyst', 'viewer')),
  password_hash text not null,
  public_key bytea not null,
  -- Private key wrapped by an Argon2id key of the password (salt and parameters beside it).
  wrapped_private_key bytea not null,
  kdf_salt bytea not null,
  kdf_algorithm text not null,
  kdf_opslimit integer not null,
  kdf_memlimit bigint not null,
  -- TOTP secret sealed to the user's own public key: readable only after the password unlocks it.
  totp_secret_sealed bytea,
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  -- The user's private key wrapped by a key derived from the token, which only the client holds.
  wrapped_private_key bytea not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create sequence compartment_code_seq;
create table compartments (
  id uuid primary key,
  kind text not null check (kind in ('organisation', 'case')),
  -- A neutral code (C-0001): compartments carry no name that could identify a person.
  code text not null unique,
  current_key_id uuid not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);

create table compartment_keys (
  id uuid primary key,
  compartment_id uuid not null references compartments (id),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create index compartment_keys_compartment_idx on compartment_keys (compartment_id);

-- One row per member per key id: old key ids stay readable by remaining members after rotation.
-- Membership of a compartment = holding its current key.
create table compartment_members (
  key_id uuid not null references compartment_keys (id),
  user_id uuid not null references users (id) on delete cascade,
  compartment_id uuid not null references compartments (id),
  wrapped_key bytea not null,
  added_at timestamptz not null default now(),
  primary key (key_id, user_id)
);
create index compartment_members_user_idx on compartment_members (user_id, compartment_id);

-- Organisation compartment keys sealed to the recovery public key.
create table compartment_recovery_keys (
  key_id uuid primary key references compartment_keys (id),
  wrapped_key bytea not null
);

create sequence person_code_seq;
create table persons (
  id uuid primary key,
  code text not null unique,
  compartment_id uuid not null references compartments (id),
  name bytea not null,
  aliases bytea,
  contacts bytea,
  birth_date bytea,
  note bytea,
  -- Keyed blind index of the normalised name, for exact-match lookup within the compartment.
  name_index bytea not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index persons_compartment_idx on persons (compartment_id);
create index persons_name_index_idx on persons (compartment_id, name_index);

-- Sealed to the organisation's public key; no IP address, no user agent, nothing about the sender.
create table intake_submissions (
  id uuid primary key,
  sealed bytea not null,
  received_at timestamptz not null default now()
);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor text not null,
  action text not null,
  outcome text not null check (outcome in ('allowed', 'denied')),
  record_type text,
  record_id text,
  -- Never a protected value: field names, counts, codes.
  details jsonb not null default '{}',
  prev_hash bytea not null,
  hash bytea not null
);

-- The newest entry, locked (select … for update) by every append so concurrent writers queue up
-- instead of forking the chain.
create table audit_chain_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash bytea not null
);
insert into audit_chain_head (id, seq, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

-- Append-only in the database too. A superuser can still disable this trigger; the hash chain (and an
-- externally recorded head hash) is what detects tampering.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
