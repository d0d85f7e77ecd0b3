-- Limits that hold across every server process on one database (issue 17: several stateless
-- `attest serve` behind a proxy). Keys are HMACs under `limit_secrets.secret`, never addresses.

-- Token buckets (sign-in for the whole installation, public intake, report status checks).
create table rate_buckets (
  scope text not null,
  key bytea not null,
  tokens double precision not null,
  updated_at timestamptz not null,
  allowed boolean not null,
  primary key (scope, key)
);
create index rate_buckets_updated on rate_buckets (updated_at);

-- Fixed windows for @fastify/rate-limit (per client: sign-in, setup, invitations, recovery).
create table rate_windows (
  key bytea primary key,
  hits integer not null,
  resets_at timestamptz not null
);
create index rate_windows_resets on rate_windows (resets_at);

-- The key of those HMACs, made once per installation by whichever process needs it first.
create table limit_secrets (
  name text primary key,
  secret bytea not null check (octet_length(secret) = 32)
);
