-- Saved estimates (the estimation page, docs/analysis.md "The estimation page"): what an analyst ran,
-- so they can come back to it. Only aggregates are kept: the lists' names, the capture table (a count
-- per capture pattern, per stratum), the settings and the result. An uploaded lists file is parsed in
-- memory and discarded: no person identifier, name or row of it is stored. Lists built from the
-- database are named by kind and id (a source, a publisher's domain, an organisation) with the label
-- shown when the estimate was saved.
create table saved_estimates (
  id uuid primary key,
  title text not null check (length(title) between 1 and 200),
  input_kind text not null check (input_kind in ('database', 'upload')),
  -- [{ "name": …, "kind": "source" | "publisher" | "organisation" | "upload", "ref": … }]
  lists jsonb not null,
  -- { "lists": [names], "strata": [{ "name": string | null, "counts": [2^k numbers] }] }
  capture_table jsonb not null,
  model text not null,
  criterion text not null check (criterion in ('aic', 'bic')),
  max_order smallint not null check (max_order between 1 and 15),
  observed integer not null check (observed >= 0),
  estimate double precision,
  -- The whole presented result (models, interval, warnings), as the page showed it.
  result jsonb not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index saved_estimates_created_idx on saved_estimates (created_at desc);
