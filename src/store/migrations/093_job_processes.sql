-- Liveness of the processes that take background jobs (PostgreSQL; services/jobs/jobLease.ts).
-- Each working process (`attest worker`, `attest serve` unless --no-jobs) registers here and
-- refreshes `heartbeat_at` every few seconds, always with the database's clock, so hosts whose
-- clocks disagree still agree on who is late. A job it takes is recorded in `job_holds` in the same
-- transaction as the take; a hold whose process's heartbeat is older than ATTEST_WORKER_GRACE_S is
-- failed back to the queue (a retry) by any live working process.
create table job_processes (
  id uuid primary key,
  host text not null,
  pid integer not null,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);
create index job_processes_heartbeat on job_processes (heartbeat_at);

-- Which process holds which running job, and for which attempt (pg-boss's retry_count when it was
-- taken): the fence a finishing process must still pass for its result to be stored.
create table job_holds (
  job_id uuid primary key,
  kind text not null,
  process_id uuid not null references job_processes (id),
  attempt integer not null,
  taken_at timestamptz not null default now()
);
create index job_holds_process on job_holds (process_id);
