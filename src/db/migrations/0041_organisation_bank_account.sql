-- The bank account of an organisation, where settlements are paid (SEPA credit transfer).
-- Validated in the application with ibantools (mod-97 and the country's BBAN format); stored
-- in electronic format (no spaces, upper case), so the check below is only a shape check.
ALTER TABLE organisations ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$');
ALTER TABLE organisations ADD COLUMN bic text CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$');
