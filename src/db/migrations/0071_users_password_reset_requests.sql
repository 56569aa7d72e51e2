-- Password reset requests from the sign-in page (issue 17): recorded for the administrators, who
-- answer with a one-time password. Trede sends no e-mail. One open request per user at a time, so
-- repeating the request adds no rows.
CREATE TABLE password_reset_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  requested_at timestamptz NOT NULL,
  handled_at timestamptz
);
CREATE UNIQUE INDEX password_reset_requests_open ON password_reset_requests (user_id) WHERE handled_at IS NULL;
