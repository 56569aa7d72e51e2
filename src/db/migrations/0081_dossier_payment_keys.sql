-- Payments on dossiers take an idempotency key (issue 16): a retried or doubled request with the
-- same key pays once. The key is unique per dossier; older payments have none.
ALTER TABLE dossier_payments ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX dossier_payments_idempotency ON dossier_payments (dossier_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
