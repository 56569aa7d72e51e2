-- Premium runs: the instalments of granted dossiers (aanwervingsincentive tranches, transitiepremie
-- months, one-off premiums) are paid in monthly runs of kind 'premies' (src/settlement/premium-runs.ts).
ALTER TABLE settlement_runs DROP CONSTRAINT settlement_runs_kind_check;
ALTER TABLE settlement_runs ADD CONSTRAINT settlement_runs_kind_check
  CHECK (kind IN ('voorschot', 'kwartaalafrekening', 'jaarafrekening', 'premies'));
