-- Administration in the web app and public reports that become work (issue 11, parts 5–7).

-- An invited account has a key pair from the start (so keys can be sealed to it at once) whose
-- private key is wrapped under a key derived from the invitation code, not a password. Only a hash
-- of the code is kept; accepting it sets the first password and clears both columns. An
-- administrator's password reset issues a new invitation the same way.
alter table users add column invitation_hash bytea unique;
alter table users add column invitation_expires_at timestamptz;
-- A TOTP secret waiting for its first valid code; sealed to the user's public key like the active one.
alter table users add column totp_pending_sealed bytea;

-- A public report's life as work. The discard reason is a fixed value: free text here could name
-- someone, and this column is not sealed.
alter table intake_submissions add column status text not null default 'new'
  check (status in ('new', 'triaged', 'converted', 'discarded'));
alter table intake_submissions add column discard_reason text
  check (discard_reason in ('spam', 'duplicate', 'out-of-scope', 'not-enough-information'));
alter table intake_submissions add column status_changed_at timestamptz;
-- SHA-256 of the reporter's reference code (128 random bits): the code itself is never stored.
alter table intake_submissions add column reference_hash bytea unique;
alter table intake_submissions add column source_id uuid references sources (id);
alter table intake_submissions add column person_code text;
create index intake_submissions_status on intake_submissions (status);
