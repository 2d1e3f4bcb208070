-- Payments: what the payment provider told us, recorded once. Amounts are integer minor units
-- (pence, cents) with their ISO 4217 code; no floating point anywhere.

-- Every webhook event processed, by the provider's own id. A redelivered event finds its id here and
-- is acknowledged without being applied again. The row is written in the transaction that applies
-- the event, so an event whose processing failed is not here and is applied when it comes again.
CREATE TABLE payment_webhook_event
(
    provider     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    -- When the provider created the event: what orders events that arrive out of order.
    created_at   TIMESTAMPTZ NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- APPLIED, or STALE when a newer fact had already been recorded.
    outcome      TEXT        NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Subscriptions as the provider last described them. updated_by_event_at is the creation time of
-- the event that wrote the row: an older event never overwrites it.
CREATE TABLE payment_subscription
(
    provider             TEXT        NOT NULL,
    subscription_id      TEXT        NOT NULL,
    customer_id          TEXT        NOT NULL,
    reference            TEXT        NOT NULL,
    account_id           BIGINT,
    email                TEXT        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
    current_period_end   TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN     NOT NULL,
    amount_minor         BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency             CHAR(3)     NOT NULL,
    billing_interval     TEXT        NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    updated_by_event_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, subscription_id)
);

CREATE INDEX payment_subscription_account_idx ON payment_subscription (account_id) WHERE account_id IS NOT NULL;

-- The ledger: charges (one-off, first and renewal payments, succeeded or failed) and refunds. A
-- refund row names the charge it returns money from. account_id is not a foreign key: the ledger is
-- the payments module's own record and outlives what other modules keep.
CREATE TABLE payment_ledger
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider        TEXT        NOT NULL,
    entry           TEXT        NOT NULL CHECK (entry IN ('CHARGE', 'REFUND')),
    -- The provider's id of the charge (for a refund: of the charge refunded).
    charge_id       TEXT        NOT NULL,
    -- For a refund: the total refunded from the charge after it, which makes refund rows idempotent.
    refund_total    BIGINT,
    payment_kind    TEXT CHECK (payment_kind IN ('ONE_OFF', 'FIRST', 'RENEWAL')),
    status          TEXT        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    amount_minor    BIGINT      NOT NULL CHECK (amount_minor > 0),
    refunded_minor  BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    currency        CHAR(3)     NOT NULL,
    reference       TEXT        NOT NULL,
    account_id      BIGINT,
    email           TEXT        NOT NULL,
    customer_id     TEXT,
    subscription_id TEXT,
    failure_reason  TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (refunded_minor <= amount_minor OR entry = 'REFUND'),
    CHECK ((entry = 'REFUND') = (refund_total IS NOT NULL))
);

-- One row per charge, one per refund total of a charge: a redelivered fact cannot add a second.
CREATE UNIQUE INDEX payment_ledger_charge_idx ON payment_ledger (provider, charge_id) WHERE entry = 'CHARGE';
CREATE UNIQUE INDEX payment_ledger_refund_idx ON payment_ledger (provider, charge_id, refund_total) WHERE entry = 'REFUND';
-- The admin search: newest first, by address, by reference, by date (keyset on occurred_at, id).
CREATE INDEX payment_ledger_time_idx ON payment_ledger (occurred_at DESC, id DESC);
CREATE INDEX payment_ledger_email_idx ON payment_ledger (lower(email), occurred_at DESC, id DESC);
CREATE INDEX payment_ledger_reference_idx ON payment_ledger (reference, occurred_at DESC, id DESC);

-- What staff did with money: every refund asked for, by whom, and what came of it.
CREATE TABLE payment_audit
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id     BIGINT      NOT NULL,
    action       TEXT        NOT NULL,
    charge_id    TEXT        NOT NULL,
    amount_minor BIGINT,
    currency     CHAR(3),
    detail       TEXT        NOT NULL
);

CREATE INDEX payment_audit_charge_idx ON payment_audit (charge_id, at DESC);
