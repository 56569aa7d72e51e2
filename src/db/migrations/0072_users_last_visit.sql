-- The start page shows what changed since the user's previous visit (issue 17): the moment of the
-- previous and of the current visit of the start page.
ALTER TABLE users ADD COLUMN previous_visit_at timestamptz;
ALTER TABLE users ADD COLUMN last_visit_at timestamptz;
