-- Inspection dossiers of the VSI: per organisation (and person where relevant) and domain of the
-- VSI table (seeds/001_4a57afe77d69f3a4.txt:L9839-9919), moved through the states of
-- src/inspection/states.ts by commands; inspection_events is the append-only timeline (findings,
-- outcomes, proposed recoveries in cents).
CREATE SEQUENCE inspection_reference_seq;

CREATE TABLE inspection_dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid REFERENCES persons (id),
  domain text NOT NULL,
  measure_id text,
  origin text NOT NULL CHECK (origin IN ('klacht', 'risicolijst', 'eigen-initiatief', 'vraag-andere-dienst')),
  state text NOT NULL CHECK (state IN ('open', 'gepland', 'uitgevoerd', 'afgesloten')),
  outcome text CHECK (outcome IN ('in-orde', 'waarschuwing', 'waarschuwing-met-termijn', 'pro-justitia',
                                  'administratieve-geldboete', 'terugvordering-voorgesteld')),
  recovery_cents bigint CHECK (recovery_cents > 0),
  opened_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_dossiers_organisation ON inspection_dossiers (organisation_id);
CREATE INDEX inspection_dossiers_state ON inspection_dossiers (state);

CREATE TABLE inspection_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspection_dossiers (id),
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  note text,
  actor_label text NOT NULL,
  occurred_at timestamptz NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX inspection_events_inspection ON inspection_events (inspection_id, id);

CREATE FUNCTION inspection_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER inspection_events_append_only BEFORE UPDATE OR DELETE ON inspection_events
  FOR EACH ROW EXECUTE FUNCTION inspection_history_refuse_change();
