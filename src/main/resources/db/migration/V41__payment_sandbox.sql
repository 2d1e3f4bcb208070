-- The sandbox payment provider: a stand-in for Stripe that runs offline. Its tables play the part
-- of the provider's own records; the application learns of them only through signed webhook events.

-- The secret the sandbox signs its webhook events with, made once and shared by every node.
CREATE TABLE sandbox_secret
(
    id     INT PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);

-- How far the sandbox's billing clock runs ahead of real time: admins move it forward to see
-- renewals, failures and lapses without waiting (see the admin payments page).
CREATE TABLE sandbox_clock
(
    id             INT PRIMARY KEY CHECK (id = 1),
    offset_seconds BIGINT NOT NULL CHECK (offset_seconds >= 0)
);

INSERT INTO sandbox_clock (id, offset_seconds) VALUES (1, 0);

CREATE TABLE sandbox_checkout
(
    id               TEXT PRIMARY KEY,
    mode             TEXT        NOT NULL CHECK (mode IN ('PAYMENT', 'SUBSCRIPTION')),
    amount_minor     BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency         CHAR(3)     NOT NULL,
    billing_interval TEXT CHECK (billing_interval IN ('MONTH', 'YEAR')),
    trial_days       INT         NOT NULL DEFAULT 0,
    description      TEXT        NOT NULL,
    email            TEXT        NOT NULL,
    account_id       BIGINT,
    reference        TEXT        NOT NULL,
    success_url      TEXT        NOT NULL,
    cancel_url       TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE sandbox_customer
(
    id         TEXT PRIMARY KEY,
    email      TEXT        NOT NULL,
    card_last4 CHAR(4)     NOT NULL,
    -- What the card does: SUCCEEDS always, or FAILS_ON_RENEWAL (succeeds at checkout only).
    card       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sandbox_subscription
(
    id                   TEXT PRIMARY KEY,
    customer_id          TEXT        NOT NULL REFERENCES sandbox_customer (id),
    reference            TEXT        NOT NULL,
    account_id           BIGINT,
    description          TEXT        NOT NULL,
    amount_minor         BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency             CHAR(3)     NOT NULL,
    billing_interval     TEXT        NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    status               TEXT        NOT NULL CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
    current_period_end   TIMESTAMPTZ NOT NULL,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT false,
    -- Failed attempts to collect the current renewal; the renewal job's next look at it.
    failed_attempts      INT         NOT NULL DEFAULT 0,
    next_action_at       TIMESTAMPTZ,
    paid_charges         INT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_subscription_due_idx ON sandbox_subscription (next_action_at) WHERE status <> 'CANCELED';
CREATE INDEX sandbox_subscription_customer_idx ON sandbox_subscription (customer_id);

CREATE TABLE sandbox_charge
(
    id              TEXT PRIMARY KEY,
    customer_id     TEXT        NOT NULL REFERENCES sandbox_customer (id),
    subscription_id TEXT REFERENCES sandbox_subscription (id),
    amount_minor    BIGINT      NOT NULL CHECK (amount_minor > 0),
    refunded_minor  BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    currency        CHAR(3)     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    failure_reason  TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_charge_customer_idx ON sandbox_charge (customer_id, created_at DESC);

-- A customer portal visit: an unguessable id that opens one customer's portal for an hour.
CREATE TABLE sandbox_portal_session
(
    id          TEXT PRIMARY KEY,
    customer_id TEXT        NOT NULL REFERENCES sandbox_customer (id),
    return_url  TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Webhook events waiting to be delivered to the application's endpoint, and a record of those that
-- were. Claimed with FOR UPDATE SKIP LOCKED by whichever node gets there first; a delivery that
-- fails (or whose node dies) is tried again later, and the endpoint ignores a second copy.
CREATE TABLE sandbox_event
(
    id              TEXT PRIMARY KEY,
    type            TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX sandbox_event_due_idx ON sandbox_event (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
