-- Recoveries that settlement collects: a proposed recovery (e.g. from an inspection dossier) on a
-- measure of an organisation becomes one negative line in the next settlement run of that
-- organisation for the measure; when nothing more is paid (no settlement for the measure, or
-- turned into a claim by a case handler) it is a claim (vordering) instead. Owned by settlement;
-- other modules register recoveries through src/settlement/index.ts only.
CREATE TABLE settlement_recoveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id text NOT NULL CHECK (measure_id ~ '^[a-z0-9-]+$'),
  kbo text NOT NULL CHECK (kbo ~ '^[0-9]{10}$'),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  reason text NOT NULL,
  -- Who asks for it: 'inspectie' with the inspection dossier's reference, or 'manueel'.
  origin text NOT NULL CHECK (origin IN ('inspectie', 'manueel')),
  origin_ref text,
  registered_by text NOT NULL,
  registered_at timestamptz NOT NULL,
  -- Set once, by the run whose negative line recovers it ...
  settled_run_id uuid REFERENCES settlement_runs (id),
  -- ... or when it becomes a claim because nothing more is paid.
  claimed_at timestamptz,
  CHECK (settled_run_id IS NULL OR claimed_at IS NULL),
  UNIQUE (origin, origin_ref)
);
CREATE INDEX settlement_recoveries_open ON settlement_recoveries (measure_id, kbo) WHERE settled_run_id IS NULL AND claimed_at IS NULL;
