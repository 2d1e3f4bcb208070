-- Accounts signed in to through an OpenID Connect provider: who the provider says they are (its
-- issuer and the subject it gives them, which never changes, unlike their address or name).
CREATE TABLE external_identity
(
    issuer       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_account_idx ON external_identity (account_id);
