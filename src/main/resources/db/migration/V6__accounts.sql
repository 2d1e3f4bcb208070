-- Reader and staff accounts, their roles, single-use tokens sent by e-mail, and the audit log.

CREATE TABLE account
(
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                TEXT        NOT NULL,
    email_verified_at    TIMESTAMPTZ,
    display_name         TEXT        NOT NULL,
    -- Null for accounts that sign in only by e-mail link, passkey or an identity provider.
    password_hash        TEXT,
    bio                  TEXT        NOT NULL DEFAULT '',
    status               TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED', 'DELETED')),
    marketing_consent    BOOLEAN     NOT NULL DEFAULT false,
    marketing_consent_at TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Addresses and names are unique whatever their case; a deleted account gives both up.
CREATE UNIQUE INDEX account_email_key ON account (lower(email)) WHERE status <> 'DELETED';
CREATE UNIQUE INDEX account_display_name_key ON account (lower(display_name)) WHERE status <> 'DELETED';

-- Every account is a reader; staff roles are granted on top.
CREATE TABLE account_role
(
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT        NOT NULL CHECK (role IN ('JOURNALIST', 'EDITOR', 'MODERATOR', 'ADMIN')),
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, role)
);

-- Links sent by e-mail (verify an address, reset a password). Only a hash of the token is kept.
CREATE TABLE account_token
(
    token_hash BYTEA PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL,
    -- What the token confirms, such as the new address of an e-mail change.
    detail     TEXT        NOT NULL DEFAULT '',
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

-- Who did what to whom: role grants and revocations, disabling accounts.
CREATE TABLE audit_log
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id   BIGINT REFERENCES account (id),
    subject_id BIGINT REFERENCES account (id),
    action     TEXT        NOT NULL,
    detail     TEXT        NOT NULL DEFAULT '',
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, at DESC);
