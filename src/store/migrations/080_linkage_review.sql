-- Linkage review (issue 16, part 2b): lists of victim records, the runs of record linkage over them
-- and the reviewers' labels on pairs.
--
-- Nothing here names a person. A list from the database refers to its records by person code (the
-- names stay sealed in `persons`); a list from an uploaded CSV refers to them by the file's own id
-- column, and the file itself is not stored (docs/analysis.md, "Linkage review").

create table linkage_lists (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  source text not null check (source in ('database', 'csv')),
  -- For a database list: the compartment whose persons it links.
  compartment_id uuid references compartments (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  check ((source = 'database') = (compartment_id is not null))
);

-- One run of linkRecords over a list: record references, the model, the clusters, the pairs to review
-- with each field's contribution to the score, and the probabilities of the pairs inside each cluster
-- (so labels re-compute clusters without the records). No name, no field value.
create table linkage_runs (
  id uuid primary key,
  list_id uuid not null references linkage_lists (id),
  records integer not null check (records >= 0),
  comparisons integer not null check (comparisons >= 0),
  result jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index linkage_runs_list on linkage_runs (list_id, created_at desc);

-- Labels, append-only: a change is a new row, the newest row of a pair is its label ('cleared' =
-- no label), the older rows are its history. A pair is the two record references, ordered, so a
-- label holds across re-runs of the list.
create table linkage_labels (
  id uuid primary key,
  list_id uuid not null references linkage_lists (id),
  record_a text not null,
  record_b text not null,
  decision text not null check (decision in ('match', 'non-match', 'unsure', 'cleared')),
  run_id uuid references linkage_runs (id),
  labelled_by text not null,
  labelled_at timestamptz not null default clock_timestamp(),
  seq bigserial not null,
  -- Ordered by the application (JavaScript code-unit order), so one pair is one key.
  check (record_a <> record_b)
);
create index linkage_labels_pair on linkage_labels (list_id, record_a, record_b, seq desc);
