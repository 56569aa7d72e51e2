-- Every payment file made for a settlement run: its message id (unique, so a bank rejects a file
-- sent twice), format, number of payments, control sum and a hash of the bytes handed out.
CREATE TABLE settlement_payment_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES settlement_runs (id),
  format text NOT NULL CHECK (format IN ('pain', 'csv')),
  message_id text NOT NULL UNIQUE,
  payments integer NOT NULL,
  control_sum_cents bigint NOT NULL,
  sha256 text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX settlement_payment_files_run ON settlement_payment_files (run_id);
