-- Persons in the registry. The INSZ identifies a person and is shown only to roles that need it;
-- analysts and exports see the stable pseudonym instead (computed by the application with a keyed
-- hash, so it cannot be reversed without the key kept in `settings`).

CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 11 digits, check digits validated by the command (rijksregisternummer or bis-nummer).
  insz text NOT NULL UNIQUE CHECK (insz ~ '^[0-9]{11}$'),
  pseudonym text NOT NULL UNIQUE,
  first_name text,
  last_name text,
  birth_date date,
  sex text CHECK (sex IN ('M', 'V')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
