-- Registry: links between organisations, recognitions (erkenningen) per measure, contingents in
-- FTE per quarter with their full history, VDAB indications, placements and quarterly wage data.
-- Measure ids refer to the rules catalogue (validated by the commands, not by a foreign key: the
-- catalogue lives in files).

-- A maatwerkafdeling belongs to a company; organisations also sign cooperation agreements.
CREATE TABLE organisation_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('afdeling-van', 'samenwerking')),
  valid_from date,
  valid_to date,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id <> child_id),
  UNIQUE (parent_id, child_id, kind)
);
CREATE INDEX organisation_links_child ON organisation_links (child_id);

CREATE TABLE recognitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  measure text NOT NULL,
  reference text,
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX recognitions_organisation ON recognitions (organisation_id);

-- Append-only: every change of a contingent is a new row; the current value is the latest row.
CREATE TABLE contingents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  measure text NOT NULL,
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  fte numeric(10, 2) NOT NULL CHECK (fte >= 0),
  reason text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL
);
CREATE INDEX contingents_organisation ON contingents (organisation_id, measure, quarter, id);

-- VDAB indicering: the rung on the participatieladder (seeds/004, L429-452), target group, loss of
-- productivity, need for guidance and ticket.
CREATE TABLE indications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  indicated_on date NOT NULL,
  ladder_rung smallint CHECK (ladder_rung BETWEEN 1 AND 6),
  target_group text,
  productivity_loss numeric(5, 2) CHECK (productivity_loss BETWEEN 0 AND 100),
  guidance_need text,
  ticket_type text,
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (person_id, indicated_on)
);

CREATE TABLE placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  measure text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  fte numeric(6, 4) NOT NULL CHECK (fte > 0 AND fte <= 1),
  hours_per_week numeric(5, 2) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  UNIQUE (person_id, organisation_id, measure, start_date)
);
CREATE INDEX placements_organisation ON placements (organisation_id);
CREATE INDEX placements_measure ON placements (measure);

-- DmfA-like wage data per placement and quarter.
CREATE TABLE wage_quarters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  gross_wage_cents bigint NOT NULL CHECK (gross_wage_cents >= 0),
  days numeric(5, 1) NOT NULL CHECK (days >= 0 AND days <= 92),
  fte numeric(6, 4) NOT NULL CHECK (fte >= 0 AND fte <= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, quarter)
);
