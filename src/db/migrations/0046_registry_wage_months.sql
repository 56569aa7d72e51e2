-- Registry: monthly wage data per placement (the referteloon of the month and the contract
-- fraction), the input of the monthly CMW loonpremie (seeds/004_694cfc149f605398.txt:L1732-1735).
-- wage_quarters (0010) holds the DmfA quarter totals; the loonpremie needs the month.
-- A corrected month is an update here; settlement never changes what it paid but settles the
-- difference in a correction run.
CREATE TABLE wage_months (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  reference_wage_cents bigint NOT NULL CHECK (reference_wage_cents >= 0),
  fte numeric(6, 4) NOT NULL CHECK (fte > 0 AND fte <= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, month)
);
CREATE INDEX wage_months_month ON wage_months (month);
