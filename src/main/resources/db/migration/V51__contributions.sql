-- Contributions: one-off or recurring (monthly, annual) gifts of an amount the reader chose within the
-- payments limits. status is NULL until the provider reports a payment or a subscription.
CREATE TABLE contribution
(
    reference          TEXT        NOT NULL PRIMARY KEY,
    account_id         BIGINT,
    email              TEXT        NOT NULL,
    frequency          TEXT        NOT NULL CHECK (frequency IN ('ONE_OFF', 'MONTH', 'YEAR')),
    minor_units        BIGINT      NOT NULL CHECK (minor_units > 0),
    currency           TEXT        NOT NULL,
    status             TEXT CHECK (status IN ('PAID', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
    subscription_id    TEXT UNIQUE,
    -- The ask variant the reader came from, if any: a conversion for that variant once paid.
    ask_variant        TEXT,
    started_at         TIMESTAMPTZ NOT NULL,
    first_paid_at      TIMESTAMPTZ,
    last_paid_at       TIMESTAMPTZ,
    current_period_end TIMESTAMPTZ,
    -- A recurring contribution set to stop when the period paid for ends.
    cancel_at_period_end BOOLEAN   NOT NULL DEFAULT FALSE,
    -- When the provider made the subscription change last applied: an older one is not applied.
    subscription_changed_at TIMESTAMPTZ,
    changed_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX contribution_account ON contribution (account_id, started_at DESC);
-- Guests' contributions are claimed by address when an account confirms it.
CREATE INDEX contribution_guest_email ON contribution (lower(email)) WHERE account_id IS NULL;
