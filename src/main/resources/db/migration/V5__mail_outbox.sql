-- Mail waiting to be sent, and a record of what was. A message is inserted in the same transaction
-- as the change that caused it; a sender on any node claims it, sends it, and records the result.
CREATE TABLE mail_outbox
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address      TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    text_body       TEXT        NOT NULL,
    html_body       TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('TRANSACTIONAL', 'MARKETING')),
    unsubscribe_url TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Attempts started so far: a sender counts one when it claims the message.
    attempts        INT         NOT NULL DEFAULT 0,
    -- When a sender may next claim it. While one is sending, this is the end of its lease, after which
    -- another may try (if the first died mid-send). Null once sent or given up.
    next_attempt_at TIMESTAMPTZ DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT,
    CHECK (kind <> 'MARKETING' OR unsubscribe_url IS NOT NULL),
    CHECK (sent_at IS NULL OR failed_at IS NULL),
    CHECK ((sent_at IS NULL AND failed_at IS NULL) = (next_attempt_at IS NOT NULL))
);

-- The sender's question: what is due now?
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- The mailbox's question: what went to this address, newest first?
CREATE INDEX mail_outbox_to_idx ON mail_outbox (lower(to_address), id DESC);
