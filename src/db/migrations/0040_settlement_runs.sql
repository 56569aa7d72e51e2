-- Settlement: runs and their lines. A line is never changed once written (trigger below): a later
-- change of the inputs gives a correction run whose delta lines refer to the lines they correct.
-- settlement_assumptions holds a beheerder's values on top of src/settlement/assumptions.yaml.

CREATE TABLE settlement_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id text NOT NULL CHECK (measure_id ~ '^[a-z0-9-]+$'),
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('voorschot', 'kwartaalafrekening', 'jaarafrekening')),
  -- A correction run settles the difference with earlier runs of the same measure and period.
  correction boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('draft', 'goedgekeurd', 'betaalbestand aangemaakt', 'betaald')),
  ruleset_version text NOT NULL,
  ruleset_hash text NOT NULL,
  inputs_hash text NOT NULL,
  assumptions jsonb NOT NULL DEFAULT '[]'::jsonb,
  parameters jsonb NOT NULL DEFAULT '[]'::jsonb,
  due_cents bigint NOT NULL DEFAULT 0,
  advances_cents bigint NOT NULL DEFAULT 0,
  balance_cents bigint NOT NULL DEFAULT 0,
  prepared_by text NOT NULL,
  approved_by text,
  created_at timestamptz NOT NULL,
  approved_at timestamptz,
  paid_at timestamptz
);
CREATE INDEX settlement_runs_period ON settlement_runs (measure_id, period);

CREATE TABLE settlement_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES settlement_runs (id),
  line_key text NOT NULL,
  kbo text NOT NULL,
  worker text,
  component text NOT NULL,
  period text NOT NULL,
  amount_cents bigint NOT NULL,
  budget_article text NOT NULL,
  budget_year integer NOT NULL,
  basis jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The earlier line this delta corrects (correction runs only).
  corrects_line_id uuid REFERENCES settlement_lines (id),
  UNIQUE (run_id, line_key)
);
CREATE INDEX settlement_lines_key ON settlement_lines (line_key);
CREATE INDEX settlement_lines_article ON settlement_lines (budget_article, budget_year);

CREATE FUNCTION settlement_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'settlement_lines zijn onveranderlijk: een wijziging is een correctierun';
END;
$$;
CREATE TRIGGER settlement_lines_no_update BEFORE UPDATE OR DELETE ON settlement_lines
  FOR EACH ROW EXECUTE FUNCTION settlement_lines_immutable();

CREATE TABLE settlement_assumptions (
  name text NOT NULL,
  valid_from date NOT NULL,
  value text NOT NULL,
  source text NOT NULL,
  set_by text NOT NULL,
  set_on date NOT NULL,
  PRIMARY KEY (name, valid_from)
);
