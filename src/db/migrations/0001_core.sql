-- Foundation: users and their roles, sessions and API tokens, organisations (the unit of
-- isolation for employers) and the append-only audit log.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text,
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0
    AND roles <@ ARRAY['beheerder', 'dossierbehandelaar', 'werkgever', 'analist', 'inspecteur']::text[]
  ),
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- KBO enterprise number, 10 digits without separators; check digits validated by the command.
  kbo text NOT NULL UNIQUE CHECK (kbo ~ '^[01][0-9]{9}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  type text NOT NULL,
  legal_form text,
  street text,
  postal_code text,
  municipality text,
  -- NIS code of the municipality, so the monitor can place the organisation in its region.
  nis_code text CHECK (nis_code ~ '^[0-9]{5}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A werkgever user acts for one or more organisations and sees only those.
CREATE TABLE user_organisations (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX user_organisations_organisation ON user_organisations (organisation_id);

-- Web sessions: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for scripts; stored as SHA-256, shown once at creation.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every change is recorded here, in the same transaction as the change itself.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_label text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('api', 'web', 'cli', 'system')),
  action text NOT NULL,
  entity_type text,
  entity_id text,
  organisation_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_occurred ON audit_events (occurred_at);

-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
