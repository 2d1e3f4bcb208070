-- Membership: Premium plans and subscriptions, the reading list and contributions. What a reader is
-- entitled to is worked out from these rows, which only the payments module's events change.
-- Amounts are integer minor units (pence, cents) with their ISO 4217 code.

-- A Premium plan per billing interval, with its price in each currency the site takes.
CREATE TABLE membership_plan
(
    billing_interval TEXT    NOT NULL PRIMARY KEY CHECK (billing_interval IN ('MONTH', 'YEAR')),
    name             TEXT    NOT NULL,
    trial_days       INTEGER NOT NULL DEFAULT 0 CHECK (trial_days BETWEEN 0 AND 730),
    available        BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE membership_plan_price
(
    billing_interval TEXT   NOT NULL REFERENCES membership_plan (billing_interval),
    currency         TEXT   NOT NULL CHECK (currency IN ('GBP', 'USD', 'EUR')),
    minor_units      BIGINT NOT NULL CHECK (minor_units > 0),
    PRIMARY KEY (billing_interval, currency)
);

INSERT INTO membership_plan (billing_interval, name, trial_days)
VALUES ('MONTH', 'Monthly', 0),
       ('YEAR', 'Annual', 0);
INSERT INTO membership_plan_price (billing_interval, currency, minor_units)
VALUES ('MONTH', 'GBP', 500),
       ('MONTH', 'USD', 500),
       ('MONTH', 'EUR', 500),
       ('YEAR', 'GBP', 5000),
       ('YEAR', 'USD', 5000),
       ('YEAR', 'EUR', 5000);

-- A Premium subscription, from the checkout that started it (status NULL: not paid yet) through
-- what the provider last reported of it. The reference is ours, carried by every payments event.
CREATE TABLE premium_subscription
(
    reference            TEXT        NOT NULL PRIMARY KEY,
    -- NULL once the account is deleted: the record of the subscription stays, no longer anyone's.
    account_id           BIGINT,
    subscription_id      TEXT UNIQUE,
    customer_id          TEXT,
    status               TEXT CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
    billing_interval     TEXT        NOT NULL,
    price_minor_units    BIGINT      NOT NULL,
    currency             TEXT        NOT NULL,
    current_period_end   TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT FALSE,
    started_at           TIMESTAMPTZ NOT NULL,
    changed_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX premium_subscription_account ON premium_subscription (account_id, started_at DESC);
CREATE INDEX premium_subscription_live ON premium_subscription (status) WHERE status IS NOT NULL;

-- Every payment and failed payment reported for a membership reference: the reader's list of
-- payments and the revenue dashboard read this.
CREATE TABLE membership_payment
(
    id          BIGSERIAL PRIMARY KEY,
    reference   TEXT        NOT NULL,
    account_id  BIGINT,
    charge_id   TEXT UNIQUE,
    kind        TEXT        NOT NULL,
    succeeded   BOOLEAN     NOT NULL,
    minor_units BIGINT      NOT NULL,
    currency    TEXT        NOT NULL,
    reason      TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX membership_payment_reference ON membership_payment (reference, occurred_at DESC);
CREATE INDEX membership_payment_account ON membership_payment (account_id, occurred_at DESC);
CREATE INDEX membership_payment_day ON membership_payment (occurred_at);

-- Articles a Premium member saved. Kept when Premium lapses, so they come back on resubscribing.
CREATE TABLE reading_list_entry
(
    account_id BIGINT      NOT NULL,
    article_id BIGINT      NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, article_id)
);
-- The list newest first, a page at a time (keyset on saved_at, article_id), all or unread only.
CREATE INDEX reading_list_newest ON reading_list_entry (account_id, saved_at DESC, article_id DESC);
CREATE INDEX reading_list_unread ON reading_list_entry (account_id, saved_at DESC, article_id DESC)
    WHERE read_at IS NULL;
