-- Dossiers: an application for a measure of the rules catalogue by an organisation (or a person),
-- moved through its states by commands. dossier_events is the append-only timeline; lead times
-- are measured from it. Payments (advances, settlements, instalments) and recoveries are recorded
-- with their amount in cents and their kind.

CREATE SEQUENCE dossier_reference_seq;

CREATE TABLE dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- DOS-<year>-<6 digits>, unique and readable on the phone.
  reference text NOT NULL UNIQUE,
  measure_id text NOT NULL CHECK (measure_id ~ '^[a-z0-9-]+$'),
  organisation_id uuid REFERENCES organisations (id),
  person_id uuid REFERENCES persons (id),
  channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'papier')),
  facts jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The date at which the rules are applied (the facts' reference date).
  dossier_date date NOT NULL,
  state text NOT NULL CHECK (
    state IN ('ontvangen', 'ontvankelijk', 'onontvankelijk', 'beslist', 'betaald', 'afgesloten',
              'ingetrokken', 'beroep', 'terugvordering')
  ),
  outcome text CHECK (outcome IN ('toegekend', 'geweigerd')),
  withdrawal text CHECK (withdrawal IN ('ambtshalve', 'vrijwillig')),
  handler_id uuid REFERENCES users (id),
  -- Result of the rules engine on the facts at dossier_date, with the ruleset it used.
  eligibility jsonb,
  ruleset_version text,
  ruleset_hash text,
  received_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX dossiers_organisation ON dossiers (organisation_id);
CREATE INDEX dossiers_state ON dossiers (state, received_at);
CREATE INDEX dossiers_measure ON dossiers (measure_id);
CREATE INDEX dossiers_handler ON dossiers (handler_id);

CREATE TABLE dossier_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  reason text,
  actor_id uuid,
  actor_label text NOT NULL,
  occurred_at timestamptz NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
CREATE INDEX dossier_events_to_state ON dossier_events (to_state, occurred_at);

CREATE TABLE dossier_payments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  event_id bigint NOT NULL REFERENCES dossier_events (id),
  -- voorschot, saldo (settlement), schijf (instalment), betaling; terugvordering is negative.
  kind text NOT NULL CHECK (kind IN ('voorschot', 'saldo', 'schijf', 'betaling', 'terugvordering')),
  amount_cents bigint NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX dossier_payments_dossier ON dossier_payments (dossier_id);

-- The timeline and the payments are append-only, like the audit log.
CREATE FUNCTION dossier_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_history_refuse_change();
CREATE TRIGGER dossier_payments_append_only BEFORE UPDATE OR DELETE ON dossier_payments
  FOR EACH ROW EXECUTE FUNCTION dossier_history_refuse_change();
