-- Sign-in throttling (issue 16): attempts per account (username) and per client address within a
-- window; over the limit, sign-in is refused until locked_until. Kept in the database so that
-- every server process against one PostgreSQL shares the count, and a restart does not reset it.
CREATE TABLE login_throttle (
  scope text NOT NULL CHECK (scope IN ('account', 'address')),
  key text NOT NULL,
  attempts integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (scope, key)
);
