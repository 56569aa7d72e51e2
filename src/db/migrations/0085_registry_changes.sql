-- The registry's version for caches of published figures (open data): one row per transaction that
-- wrote placements or organisations. The version a reader sees is the number of rows visible in its
-- snapshot, so a cache keyed on it never outlives the data it was computed from, and writers never
-- wait for each other (an insert per transaction, no shared counter row to lock).
CREATE TABLE registry_changes (
  txid bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO registry_changes (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER placements_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON placements
  FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();
CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();

-- The open ladder filters placements on the year asked.
CREATE INDEX placements_period ON placements (start_date, end_date);
