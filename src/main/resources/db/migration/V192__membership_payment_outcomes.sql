-- What membership keeps of each payment beyond its being made, for the reader's own page and the
-- supporter rule: how much of it was refunded (a one-off gift refunded in full no longer makes its
-- giver a supporter), when a failed renewal is tried again, and what the reader pays now, which a
-- change asked for "from the next payment" does not alter until that payment is taken.
ALTER TABLE membership_payment ADD COLUMN refunded_minor_units BIGINT NOT NULL DEFAULT 0;
ALTER TABLE membership_payment ADD COLUMN next_retry_at TIMESTAMPTZ;

ALTER TABLE contribution ADD COLUMN fully_refunded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contribution ADD COLUMN paid_minor_units BIGINT;

ALTER TABLE premium_subscription ADD COLUMN paid_minor_units BIGINT;
ALTER TABLE premium_subscription ADD COLUMN paid_interval TEXT CHECK (paid_interval IN ('MONTH', 'YEAR'));

-- What was last paid, for what was paid before these columns; a plan's interval then is taken as it stands.
UPDATE contribution c
SET paid_minor_units = (SELECT p.minor_units FROM membership_payment p
                        WHERE p.reference = c.reference AND p.succeeded
                        ORDER BY p.occurred_at DESC, p.id DESC LIMIT 1);
UPDATE premium_subscription s
SET paid_minor_units = (SELECT p.minor_units FROM membership_payment p
                        WHERE p.reference = s.reference AND p.succeeded
                        ORDER BY p.occurred_at DESC, p.id DESC LIMIT 1);
UPDATE premium_subscription SET paid_interval = billing_interval WHERE paid_minor_units IS NOT NULL;
