-- Durable background jobs: long work (imports, settlement runs, forecasts, simulations) is a row
-- here, picked by a worker with FOR UPDATE SKIP LOCKED, so that it survives a restart of the
-- server. A job writes its effect in its own transaction(s); a job that was running when the
-- process stopped is marked 'onderbroken' and can be retried.

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind ~ '^[a-z]+\.[a-z0-9-]+$'),
  state text NOT NULL DEFAULT 'wachtend'
    CHECK (state IN ('wachtend', 'bezig', 'klaar', 'mislukt', 'onderbroken')),
  -- Who submitted it, and the actor it runs as (a snapshot: roles and organisations at submission).
  owner_id uuid REFERENCES users (id),
  actor jsonb NOT NULL,
  input jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- An uploaded file the job reads (an import); cleared once it is no longer needed.
  payload bytea,
  progress_done bigint NOT NULL DEFAULT 0,
  progress_total bigint,
  result jsonb,
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  worker text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz
);

CREATE INDEX jobs_waiting ON jobs (created_at) WHERE state = 'wachtend';
CREATE INDEX jobs_owner ON jobs (owner_id, created_at DESC);
