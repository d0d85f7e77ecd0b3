-- Web capture: one row per capture of a page, grouped under the source whose original is the main
-- document's bytes (the same bytes captured twice are one source with two captures: seeing a page
-- unchanged a second time is evidence too). Every preserved file of a capture (the document, its
-- response headers, a screenshot, a PDF print, an MHTML archive) is an original in the file store,
-- named here by its SHA-256, so `attest verify` re-hashes them and backups carry them.
create table source_captures (
  id uuid primary key,
  source_id uuid not null references sources (id),
  requested_url text not null,
  final_url text not null,
  -- [{ "url", "status", "location" }] in order: the hops between the requested and the final URL.
  redirects jsonb not null default '[]',
  http_status smallint not null,
  captured_at timestamptz not null,
  captured_by text not null,
  browser_version text not null,
  warnings jsonb not null default '[]'
);
create index source_captures_source_idx on source_captures (source_id, captured_at);

create table capture_files (
  capture_id uuid not null references source_captures (id),
  role text not null check (role in ('document', 'headers', 'screenshot', 'pdf', 'mhtml')),
  sha256 char(64) not null,
  byte_size bigint not null check (byte_size > 0),
  media_type text not null,
  primary key (capture_id, role)
);
create index capture_files_sha256_idx on capture_files (sha256);

-- RFC 3161 time-stamp tokens, one per original (by SHA-256): pending while the authority cannot be
-- reached (retried with a growing delay), then the token as the authority signed it. Only the hash
-- ever leaves the server.
create table original_timestamps (
  sha256 char(64) primary key,
  status text not null default 'pending' check (status in ('pending', 'stamped')),
  queued_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  tsa_url text,
  token bytea,
  stamped_at timestamptz,
  authority text,
  check ((status = 'stamped') = (token is not null and stamped_at is not null))
);
create index original_timestamps_pending_idx on original_timestamps (next_attempt_at) where status = 'pending';
