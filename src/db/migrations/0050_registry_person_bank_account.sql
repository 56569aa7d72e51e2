-- The bank account of a person, where a premium of a granted dossier without an employer is paid
-- (e.g. the transitiepremie, a premium for the jobseeker who starts as self-employed:
-- seeds/000_3bfdbb028fdab786.txt:L2710-2717). Validated in the application with ibantools like the
-- organisations' accounts (0041); stored in electronic format, so this is only a shape check.
ALTER TABLE persons ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$');
ALTER TABLE persons ADD COLUMN bic text CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$');
