-- Registry: the werkondersteuningspakket (support package) of a target-group worker's placement,
-- dated because a package is reviewed (seeds/004_694cfc149f605398.txt:L1740-1744, L1751-1775).
-- The package in force on a day is the row with the latest valid_from on or before that day.
-- Contingents already have their table (0010_registry.sql, append-only); `registry import
-- contingenten` appends to it.
CREATE TABLE support_packages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  package text NOT NULL CHECK (package IN ('60-hoog', '60-gemiddeld', '45-hoog', '45-gemiddeld', '45-laag')),
  valid_from date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, valid_from)
);
