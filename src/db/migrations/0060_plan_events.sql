-- Changes a beheerder makes to the ondernemingsplan (src/plans): an append-only event log applied
-- over the reference plan of src/plans/data (seeds/001_4a57afe77d69f3a4.txt). kind: 'add' (a new
-- milestone, data = its record), 'status' (data = { status, asterisk }), 'timing' (data = { timing }).
CREATE TABLE plan_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  milestone_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('add', 'status', 'timing')),
  data jsonb NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  actor_label text NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX plan_events_milestone ON plan_events (milestone_id, id);
CREATE UNIQUE INDEX plan_events_one_add ON plan_events (milestone_id) WHERE kind = 'add';

CREATE FUNCTION plan_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER plan_events_append_only BEFORE UPDATE OR DELETE ON plan_events
  FOR EACH ROW EXECUTE FUNCTION plan_events_refuse_change();
